import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../../main/services/docs/search-engine';
import { engineOver } from './docs-fixtures';

/**
 * What real manuals hold and the synthetic corpus does not: a generated index and a chapter overview
 * that repeat every section's title as links, release notes with version numbers in their titles,
 * pages whose sections are what a query means, and pages of a megabyte.
 */
const link = (href: string, text: string) => `<li><a href="${href}">${text}</a></li>`;
const INDEX_ENTRIES = ['active backup', 'active backup, bonding mode', 'active backup, standby link', 'bonding modes', 'vlan tagging', 'static routes']
  .map((entry, i) => link(`bonding.html#modes-${i}`, entry))
  .join('');
// A page of about 870 KB whose only mention of the queried words is at its very end.
const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i % 997}`).join(' ');

const TOPICS: [string, string, string][] = [
  ['bonding', 'Network bonding', '<p>Bonding joins interfaces into one link.</p><h2 id="modes">Choosing the bonding modes</h2><p>Active backup keeps one link on standby; balance spreads traffic.</p>'],
  ['genindex', 'Index', `<ul>${INDEX_ENTRIES}${INDEX_ENTRIES}</ul>`],
  ['networking', 'Networking', `<p>This chapter covers:</p><ul>${link('bonding.html', 'Network bonding')}${link('bonding.html#modes', 'Bonding modes')}${link('vlan.html', 'VLAN tagging')}</ul>`],
  ['vlan', 'VLAN tagging', '<p>Tag frames with 802.1Q.</p>'],
  [
    'releases',
    'Release notes',
    `<p>Notes for every release:</p><ul>${link('#r2-4-1', 'Release 2.4.1')}${link('#r2-4-0', 'Release 2.4.0')}${link('#r1-2-4', 'Release 1.2.4')}</ul>` +
      '<h2 id="r2-4-1">Release 2.4.1</h2><p>Fixes a crash when a VLAN is removed.</p>' +
      '<h2 id="r2-4-0">Release 2.4.0</h2><p>Adds bonding over VLANs to the 2.4 series. Upgrade from 2.3 first.</p>' +
      '<h2 id="r1-2-4">Release 1.2.4</h2><p>First release with 4 ports on 2 cards, 1 year of support.</p>',
  ],
  ['storage', 'Storage', '<p>Disks, pools and volumes.</p><h2 id="snapshots">Snapshot schedules</h2><p>Hourly snapshots are kept for two days, then thinned to one a day.</p>'],
  ['small', 'Small page', `<p>${filler(130)} and it ends with quasar lantern.</p>`], // 1 KB
  ['large', 'Large page', `<p>${filler(110_000)} and it ends with nebula lantern.</p>`], // 870 KB
];

let engine: SearchEngine;
const paths = (query: string) => engine.search(query).map((hit) => hit.path.replace(/^topics\//, ''));

beforeAll(async () => {
  engine = await engineOver(TOPICS);
}, 60_000);

describe('ranking that understands documentation', () => {
  it('never ranks a page of links (a generated index, a chapter overview) above the section it points to', () => {
    // The index names "active backup" three times, in short entries: bm25 alone puts it first.
    const hits = paths('active backup ');
    expect(hits[0]).toBe('bonding.html#modes');
    expect(hits).toContain('genindex.html');
    const chapter = paths('network bonding modes ');
    expect(chapter.indexOf('networking.html')).toBeGreaterThan(chapter.indexOf('bonding.html#modes'));
  });

  it('still finds a page of links by its own title', () => {
    expect(paths('index ')[0]).toBe('genindex.html');
  });

  it('reads a version number as one word: 2.4.1 is not 1.2.4, and the release outranks the release-notes page', () => {
    expect(paths('release notes 2.4.1 ')[0]).toBe('releases.html#r2-4-1');
    expect(paths('2.4.1 ')[0]).toBe('releases.html#r2-4-1');
    // "1.2.4", "2.4.0" and "2.4.1" all hold the words 2 and 4 side by side: only one text says 2.4.
    expect(paths('"2.4"')).toEqual(['releases.html#r2-4-0']);
    expect(paths('2.4.1 crash ')).toEqual(['releases.html#r2-4-1']);
    // Shown as written, with its dots.
    expect(engine.search('bonding vlans series ')[0]!.snippet).toContain('to the 2.4 \u0002series\u0003');
    expect(engine.search('release 2.4.1 ')[0]!.title).toBe('Release 2.4.1');
  });

  it('puts a section before its page when the section is what the query matches', () => {
    expect(paths('hourly snapshots kept ')[0]).toBe('storage.html#snapshots');
    expect(paths('snapshot schedules ')[0]).toBe('storage.html#snapshots');
  });
});

describe('query cost independent of page length', () => {
  /** Characters of page text the engine read for one search, and its first hit. */
  const cost = (query: string) => {
    const before = engine.textCharsRead;
    const [hit] = engine.search(query);
    return { chars: engine.textCharsRead - before, hit: hit! };
  };

  it('answers from a 870 KB page by reading no more of it than of a short page: words at its very end, phrase checked, snippet marked', () => {
    const small = cost('quasar lantern ');
    const large = cost('nebula lantern ');
    expect(small.hit.topicId).toBe('small');
    expect(large.hit.topicId).toBe('large');
    expect(large.hit.snippet).toContain('\u0002nebula\u0003 \u0002lantern\u0003');
    expect(large.hit.snippet.startsWith('…')).toBe(true);
    // The page is 870,000 characters; what was read of it is a few spans.
    expect(large.chars).toBeLessThan(10_000);
    expect(large.chars).toBeLessThan(small.chars * 5);
    // A phrase query and a word being typed read a bounded part of it too.
    expect(cost('"nebula lantern"').chars).toBeLessThan(10_000);
    expect(cost('nebula lant').hit.topicId).toBe('large');
    expect(cost('nebula lant').chars).toBeLessThan(10_000);
  });
});
