import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../main/services/docs/query-parser';
import { SearchEngine } from '../../../main/services/docs/search-engine';
import { docsDb } from './docs-fixtures';

describe('query parser', () => {
  it('reads words, "quoted phrases", -exclusions and OR', () => {
    const q = parseQuery('bonding "active backup" -vlan lacp OR static ');
    expect(q.groups).toEqual([
      [{ words: ['bonding'], phrase: false }],
      [{ words: ['active', 'backup'], phrase: true }],
      [
        { words: ['lacp'], phrase: false },
        { words: ['static'], phrase: false },
      ],
    ]);
    expect(q.excluded).toEqual([{ words: ['vlan'], phrase: false }]);
    expect(q.prefixClause).toBeNull(); // a trailing space: the last word is complete
  });

  it('treats the last word typed without a space as a prefix (as-you-type)', () => {
    expect(parseQuery('network bon').prefixClause).toEqual({ words: ['bon'], phrase: false });
    expect(parseQuery('"network bon"').prefixClause).toBeNull();
    expect(parseQuery('network -bon').prefixClause).toBeNull();
  });

  it('folds case and diacritics, and splits "wi-fi" into a phrase as the index stores it', () => {
    expect(parseQuery('Café WI-FI').groups).toEqual([[{ words: ['cafe'], phrase: false }], [{ words: ['wi', 'fi'], phrase: true }]]);
  });

  it('turns stray FTS syntax into plain text: ", *, NEAR(, :, ^, brackets', () => {
    expect(parseQuery('"').groups).toEqual([]);
    expect(parseQuery('*').groups).toEqual([]);
    expect(parseQuery('NEAR(a b').groups).toEqual([[{ words: ['near', 'a'], phrase: true }], [{ words: ['b'], phrase: false }]]);
    expect(parseQuery('title:bonding').groups).toEqual([[{ words: ['title', 'bonding'], phrase: true }]]);
    expect(parseQuery('OR').groups).toEqual([[{ words: ['or'], phrase: false }]]);
    expect(parseQuery('- -').groups).toEqual([]);
  });

  it('never throws, and a search with any input never throws either (property test)', () => {
    const { db } = docsDb();
    const engine = new SearchEngine(db);
    const syntax = fc.constantFrom('"', '*', 'NEAR(', ')', ':', '-', 'OR', 'AND', 'NOT', '^', '{', '}', '+', ' ', 'a', 'é', '中文', '\u0000');
    fc.assert(
      fc.property(fc.array(fc.oneof(syntax, fc.string()), { maxLength: 12 }), (parts) => {
        const input = parts.join('');
        expect(() => parseQuery(input)).not.toThrow();
        expect(() => engine.search(input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
