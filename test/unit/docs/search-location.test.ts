import { describe, expect, it } from 'vitest';
import { breadcrumb, libraryLabel, readSearchLocation, RESULTS_MAX, RESULTS_PAGE, writeSearchLocation } from '../../../shared/docs-search-location';

describe('the search screen state in its URL (Back from a topic restores it)', () => {
  it('round-trips the query, the library filter, the page length and the scroll position', () => {
    const state = { query: 'bonding "active backup" -lacp', libraries: ['northwind-router-7-1-en', 'contoso-storage-4-0-en'], limit: 60, scrollY: 1234 };
    const params = writeSearchLocation(state);
    expect(params.toString()).toBe('q=bonding+%22active+backup%22+-lacp&lib=northwind-router-7-1-en&lib=contoso-storage-4-0-en&n=60&y=1234');
    expect(readSearchLocation(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it('leaves defaults out of the URL, and an empty URL is a fresh search', () => {
    expect(writeSearchLocation({ query: 'vlan', libraries: [], limit: RESULTS_PAGE, scrollY: null }).toString()).toBe('q=vlan');
    expect(readSearchLocation(new URLSearchParams(''))).toEqual({ query: '', libraries: [], limit: RESULTS_PAGE, scrollY: null });
  });

  it('ignores values a hand-edited URL may carry that the bridge would refuse', () => {
    const odd = readSearchLocation(new URLSearchParams(`q=${'x'.repeat(600)}&n=5000&y=-3`));
    expect(odd.query).toHaveLength(500);
    expect(odd.limit).toBe(RESULTS_PAGE);
    expect(odd.scrollY).toBeNull();
    expect(readSearchLocation(new URLSearchParams(`n=${RESULTS_MAX}&y=abc`))).toMatchObject({ limit: RESULTS_MAX, scrollY: null });
  });
});

describe('breadcrumbs (library and version > page, above the section title)', () => {
  const hit = { libraryTitle: 'Northwind Router OS 7.1 Documentation', version: '7.1', pageTitle: 'Configuring bonding', title: 'Parameters', anchor: 'parameters' };

  it('leads to a section through its library and page', () => {
    expect(breadcrumb(hit)).toEqual(['Northwind Router OS 7.1 Documentation', 'Configuring bonding']);
  });

  it('leads to a page through its library, and adds the version only when the title lacks it', () => {
    expect(breadcrumb({ ...hit, title: 'Configuring bonding', anchor: '' })).toEqual(['Northwind Router OS 7.1 Documentation']);
    expect(libraryLabel('Edge Router Guide', '9.2')).toBe('Edge Router Guide 9.2');
    expect(libraryLabel('Edge Router 9.2 Guide', '9.2')).toBe('Edge Router 9.2 Guide');
  });

  it('leaves out a library an older online service did not name, rather than show its id', () => {
    expect(breadcrumb({ ...hit, libraryTitle: '', version: '' })).toEqual(['Configuring bonding']);
  });
});
