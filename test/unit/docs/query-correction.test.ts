import { describe, expect, it } from 'vitest';
import { correctedQuery } from '../../../main/services/docs/query-correction';
import { Vocabulary } from '../../../main/services/docs/vocabulary';
import { docsDb } from './docs-fixtures';

/** A vocabulary as an import leaves it: words with the number of records they are in. */
function vocabularyOf(words: Record<string, number>): Vocabulary {
  const { db } = docsDb();
  db.prepare("INSERT INTO docs_installs (id, library_id, product, version, language, title, source, state, updated_at, toc_json, installed_at) VALUES (1, 'fixture-1-0-en', 'Fixture', '1.0', 'en', 'Fixture 1.0', 'folder', 'ready', '2026-01-01', '[]', '2026-01-01')").run();
  const insert = db.prepare('INSERT INTO docs_terms (install_id, term, df) VALUES (1, ?, ?)');
  for (const [word, df] of Object.entries(words)) insert.run(word, df);
  const vocabulary = new Vocabulary();
  vocabulary.load(db);
  return vocabulary;
}

describe('"showing results for": the query as the engine searched it', () => {
  const vocabulary = vocabularyOf({ creating: 40, snapshot: 30, snapshots: 5, configuring: 50, bonding: 12, bondage: 1, replication: 9 });

  it('says nothing when every word is known or is being typed as the start of one', () => {
    expect(correctedQuery('creating snapshot', vocabulary)).toBeNull();
    expect(correctedQuery('creating snaps', vocabulary)).toBeNull();
    expect(correctedQuery('', vocabulary)).toBeNull();
  });

  it('corrects a typo to its most frequent one-edit neighbour, keeping what was typed around it', () => {
    expect(correctedQuery('configuring bondng ', vocabulary)).toBe('configuring bonding');
    expect(correctedQuery('Configurng "exact phrase" -bondage', vocabulary)).toBe('configuring "exact phrase" -bondage');
  });

  it('completes a mistyped word being typed to the word it most likely begins', () => {
    expect(correctedQuery('creating snapshto', vocabulary)).toBe('creating snapshot');
  });

  it('leaves numbers, short words and quoted phrases as typed', () => {
    expect(correctedQuery('7.1 vln "snapshto replication"', vocabulary)).toBeNull();
  });
});
