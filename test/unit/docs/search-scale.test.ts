import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../main/services/docs/import-job';
import { SearchEngine } from '../../../main/services/docs/search-engine';
import { docsDb, manifestOf, page, writePackage } from './docs-fixtures';

// 1,200 pages that all use the same everyday words, so every word of the queries below is in more
// than 500 records: the engine answers them from the title index and the word-pair index instead
// of scoring every body, and must still find the page the user means.
const COUNT = 1200;
const VERBS = ['Configuring', 'Monitoring'];
const NOUNS = ['pool', 'route', 'volume', 'tenant', 'snapshot', 'gateway', 'policy', 'network'];
const topics = Array.from({ length: COUNT }, (_, i) => {
  const title = `${VERBS[i % 2]} the ${NOUNS[i % 8]} ${NOUNS[(i >> 3) % 8]}`;
  const words = Array.from({ length: 40 }, (_, w) => (w % 3 === 0 ? 'the' : NOUNS[(i * 7 + w * 3) % 8]));
  return { id: `t${i}`, title, body: `<p>Alpha: ${words.join(' ')} and not a route to the pool in ${i}. Omega.</p>` };
});
// The one page saying these common words in this order.
topics[417]!.body = '<p>Alpha: the network in not and the network is the pool of the tenant. Omega.</p>';
// The page saying the two words that are never side by side most often.
topics[613]!.body = '<p>Alpha, then omega; alpha again, and omega.</p>';

let engine: SearchEngine;
const ids = (query: string) => engine.search(query, {}, 10).map((hit) => hit.topicId);

beforeAll(async () => {
  const { db, dir } = docsDb();
  const files = Object.fromEntries(topics.map((t) => [`topics/${t.id}.html`, page(t.title, t.body)]));
  await runImport(db, dir, { kind: 'package', file: await writePackage(dir, manifestOf(topics), files), source: 'package' }, () => undefined);
  engine = new SearchEngine(db);
});

describe('queries made only of words found in hundreds of pages', () => {
  it('finds the one page holding a phrase of common words, typed or quoted', () => {
    expect(ids('network in not and the network ')[0]).toBe('t417');
    expect(ids('"pool of the tenant"')).toEqual(['t417']);
  });

  it('ranks the pages whose title the user typed first', () => {
    const titled = new Set(topics.filter((t) => t.title === 'Monitoring the route tenant').map((t) => t.id));
    expect(titled.size).toBeGreaterThan(0);
    expect(ids('Monitoring the route tenant ').slice(0, titled.size).every((id) => titled.has(id))).toBe(true);
  });

  it('still answers common words that are never side by side or in a title, from the bodies, best first', () => {
    const hits = ids('omega alpha ');
    expect(hits).toHaveLength(10);
    expect(hits[0]).toBe('t613');
  });
});
