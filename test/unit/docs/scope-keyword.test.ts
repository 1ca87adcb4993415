import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../main/services/docs/import-job';
import { matchesScopeKeyword, splitScopeKeyword } from '../../../main/services/docs/query-parser';
import { SearchEngine } from '../../../main/services/docs/search-engine';
import { docsDb, manifestOf, page, writePackage } from './docs-fixtures';

describe('library keyword before the query (Zeal/Dash style)', () => {
  it('reads up to three words before a colon as the keyword, lower-cased, and the rest as the query', () => {
    expect(splitScopeKeyword('router: vlan tagging')).toEqual({ keyword: ['router'], query: 'vlan tagging' });
    expect(splitScopeKeyword('Northwind Router: "bonding modes"')).toEqual({ keyword: ['northwind', 'router'], query: '"bonding modes"' });
    expect(splitScopeKeyword('contoso-storage:')).toEqual({ keyword: ['contoso', 'storage'], query: '' });
  });

  it('leaves a colon inside a word, a quoted phrase, an exclusion or a long sentence as plain text', () => {
    for (const input of ['ipv6:addr', 'http://host', '"error: disk full"', '-router: vlan', 'when the array says: disk full', ': vlan', 'vlan']) {
      expect(splitScopeKeyword(input)).toEqual({ keyword: null, query: input });
    }
  });

  it('matches every keyword word as the start of a word of the product name or the library id, ignoring case', () => {
    const router = { libraryId: 'northwind-router-7-1-en', product: 'Northwind Router OS' };
    expect(matchesScopeKeyword(['router'], router)).toBe(true);
    expect(matchesScopeKeyword(['north', 'rout'], router)).toBe(true);
    expect(matchesScopeKeyword(['7'], router)).toBe(true);
    expect(matchesScopeKeyword(['storage'], router)).toBe(false);
    expect(matchesScopeKeyword(['outer'], router)).toBe(false);
    expect(matchesScopeKeyword(['router', 'storage'], router)).toBe(false);
  });
});

describe('search with a library keyword (real SQLite index, two products)', () => {
  let engine: SearchEngine;
  beforeAll(async () => {
    const { db, dir } = docsDb();
    const libraries = [
      { id: 'northwind-router-7-1-en', product: 'Northwind Router OS', title: 'VLAN tagging on the router', body: 'Tag frames with 802.1Q on a router port.' },
      { id: 'contoso-storage-4-0-en', product: 'Contoso Storage Array', title: 'VLAN for storage traffic', body: 'Put iSCSI traffic on its own VLAN.' },
    ];
    for (const library of libraries) {
      const manifest = manifestOf([{ id: 'vlan', title: library.title }], { id: library.id, product: library.product, title: library.product });
      await runImport(db, dir, { kind: 'package', file: await writePackage(dir, manifest, { 'topics/vlan.html': page(library.title, `<p>${library.body}</p>`) }), source: 'package' }, () => undefined);
    }
    engine = new SearchEngine(db);
  });
  const libraries = (query: string) => engine.search(query).map((h) => h.library);

  it('searches only the libraries the keyword names', () => {
    expect(libraries('vlan').sort()).toEqual(['contoso-storage-4-0-en', 'northwind-router-7-1-en']);
    expect(libraries('router: vlan')).toEqual(['northwind-router-7-1-en']);
    expect(libraries('Storage: vlan')).toEqual(['contoso-storage-4-0-en']);
    expect(libraries('contoso storage: vla')).toEqual(['contoso-storage-4-0-en']);
  });

  it('a keyword that names no installed library is part of the query, as before', () => {
    expect(libraries('traffic: vlan')).toEqual(['contoso-storage-4-0-en']);
  });
});
