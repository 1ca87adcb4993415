import { describe, expect, it } from 'vitest';
import { makeSnippet, MARK_END as E, MARK_START as S } from '../../../main/services/docs/snippet';
import { segmentCjk } from '../../../shared/cjk-text';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');

describe('search result snippets', () => {
  it('marks the query words in any inflection the search matched (porter stems), and the word being typed', () => {
    const text = 'Configured interfaces join a bond; the policies apply to each configuration.';
    expect(makeSnippet(text, { words: ['configuring', 'policy'], prefix: 'bon' })).toBe(
      `${S}Configured${E} interfaces join a ${S}bond${E}; the ${S}policies${E} apply to each ${S}configuration${E}.`,
    );
  });

  it('shows the stretch of a long text holding the most distinct query words, with ellipses where text was cut', () => {
    const text = `Routes are saved. ${filler(40)} A static route sends traffic for a prefix to the next hop. ${filler(40)} More routes.`;
    const snippet = makeSnippet(text, { words: ['static', 'hop'], prefix: null }, 20);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain(`${S}static${E} route sends traffic for a prefix to the next ${S}hop${E}`);
    expect(snippet).not.toContain('Routes are saved');
  });

  it('starts at the beginning of the text when no word matches', () => {
    expect(makeSnippet(`Introduction. ${filler(30)}`, { words: ['absent'], prefix: null }, 5)).toBe('Introduction. filler0 filler1 filler2 filler3…');
  });

  it('reads Chinese indexed character by character as it was written, one highlight per matched run', () => {
    const text = segmentCjk('网络绑定把多个接口合并为一个逻辑链路，提高冗余。');
    expect(makeSnippet(text, { words: ['逻', '辑', '链', '路'], prefix: null })).toBe(`网络绑定把多个接口合并为一个${S}逻辑链路${E}，提高冗余。`);
  });

  it('leaves the text itself as it is: markup-like text stays text, only matches get marks', () => {
    expect(makeSnippet('plain <b>html</b> & text', { words: ['html'], prefix: null })).toBe(`plain <b>${S}html${E}</b> & text`);
  });
});

describe('snippets of long text', () => {
  it('shows where the query words stand together in a long stretch, not where one of them first appears alone', () => {
    const text = `The bond driver is loaded. ${filler(300)} Each bond uses the lacp policy of its switch port. ${filler(300)} End.`;
    const snippet = makeSnippet(text, { words: ['bond', 'lacp'], prefix: null });
    expect(snippet).toContain(`${S}bond${E} uses the ${S}lacp${E} policy`);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).not.toContain('driver is loaded');
  });

  it('finds the words in a long text outside ASCII too, folding accents as the index does', () => {
    const text = `Über die Konfiguration. ${filler(300)} Le café reçoit la requête réseau. ${filler(300)}`;
    expect(makeSnippet(text, { words: ['cafe', 'requete'], prefix: null })).toContain(`${S}café${E} reçoit la ${S}requête${E}`);
  });
});
