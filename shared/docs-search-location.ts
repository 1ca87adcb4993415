import type { SearchHit } from './contract/docs-contract';

/**
 * The search screen's state lives in its URL (/docs?q=…&lib=…&n=…&y=…), so Back from a topic
 * returns to the same query, filters, number of results and scroll position, and a search can be
 * bookmarked or opened from the command palette.
 */
export interface SearchLocation {
  query: string;
  /** Library ids the search is limited to (none: all). */
  libraries: string[];
  /** How many results are shown (more on demand). */
  limit: number;
  /** The window's scroll position when the user left for a topic. */
  scrollY: number | null;
}

export const RESULTS_PAGE = 30;
/** The bridge's own limit for one search. */
export const RESULTS_MAX = 100;

export function readSearchLocation(params: URLSearchParams): SearchLocation {
  const limit = Number(params.get('n'));
  const scrollY = Number(params.get('y'));
  return {
    query: (params.get('q') ?? '').slice(0, 500),
    libraries: params.getAll('lib').slice(0, 100),
    limit: Number.isInteger(limit) && limit >= RESULTS_PAGE && limit <= RESULTS_MAX ? limit : RESULTS_PAGE,
    scrollY: params.has('y') && Number.isFinite(scrollY) && scrollY >= 0 ? Math.round(scrollY) : null,
  };
}

/** The URL's query string for a state; defaults are left out, so a plain search reads /docs?q=bonding. */
export function writeSearchLocation(location: SearchLocation): URLSearchParams {
  const params = new URLSearchParams();
  if (location.query) params.set('q', location.query);
  for (const library of location.libraries) params.append('lib', library);
  if (location.limit !== RESULTS_PAGE) params.set('n', String(location.limit));
  if (location.scrollY !== null) params.set('y', String(location.scrollY));
  return params;
}

/** A library as a person names it: its title, with the version when the title does not carry it. */
export function libraryLabel(title: string, version: string): string {
  if (!title) return '';
  return version && !title.includes(version) ? `${title} ${version}` : title;
}

/**
 * Where a hit sits, above its own title: the library, and the page when the hit is one of its
 * sections (so "Parameters" reads as Northwind Router OS 7.1 Documentation › Planning VLAN ›
 * Parameters). An empty library title (an older online service that sent none) is left out rather
 * than replaced by the id.
 */
export function breadcrumb(hit: Pick<SearchHit, 'libraryTitle' | 'version' | 'pageTitle' | 'title' | 'anchor'>): string[] {
  const parts = [libraryLabel(hit.libraryTitle, hit.version)];
  if (hit.anchor && hit.pageTitle !== hit.title) parts.push(hit.pageTitle);
  return parts.filter(Boolean);
}
