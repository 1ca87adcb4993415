// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeTopic } from '../../renderer/features/docs/sanitize-topic';

// The reader's sanitizer in a DOM (jsdom; test/dom/ is type-checked with the renderer's DOM types): DOMPurify and the link routing hook, without a browser.
const context = { path: 'guide/topic.html', assetBase: '/docs-assets/lib/' };
const parse = (html: string) => {
  const root = document.createElement('div');
  root.innerHTML = sanitizeTopic(html, context).html;
  return root;
};

const IMAGE_MAP = '<img src="images/plan.png" usemap="#user-content-plan" width="200" height="100"><map name="plan"><area shape="rect" coords="0,0,200,100" href="https://evil.example/take-over" alt="Plan"></map>';

describe('link routing in the documentation sanitizer', () => {
  it('removes image maps, so an <area href> cannot navigate the app past the routing and the third-party warning (attack finding 4)', () => {
    const root = parse(IMAGE_MAP);
    expect(root.querySelectorAll('map, area')).toHaveLength(0);
    expect(root.innerHTML).not.toContain('evil.example');
    // The picture itself stays.
    expect(root.querySelector('img')?.getAttribute('src')).toBe('/docs-assets/lib/guide/images/plan.png');
  });

  it.each([
    '<area href="https://evil.example/">',
    '<map><area href="javascript:alert(1)"></map>',
    '<MAP NAME=x><AREA HREF="//evil.example/" SHAPE=default></MAP>',
    '<svg><a href="https://evil.example/"><text>x</text></a></svg>',
  ])('leaves no element with a target of its own in %s', (html) => {
    const root = parse(html);
    for (const element of root.querySelectorAll('[href]')) expect(element.getAttribute('href')).toBe('#');
    expect(root.innerHTML).not.toMatch(/evil\.example|javascript:/);
  });

  it('routes every link it keeps: in-page, inside the library, and external through the warning', () => {
    const root = parse('<a href="#setup">Setup</a><a href="../other.html#step">Other</a><a href="https://partner.example.org/">Partner</a><a href="ftp://files.example/">FTP</a>');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => ({ href: a.getAttribute('href'), ...a.dataset }))).toEqual([
      { href: '#', anchor: 'setup' },
      { href: '#', internal: 'other.html#step' },
      { href: '#', external: 'https://partner.example.org/' },
      { href: null },
    ]);
  });
});
