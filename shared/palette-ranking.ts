/**
 * Ranks command palette entries from every domain against what the user typed. Pure and shared:
 * the renderer runs it over docs, tickets, software and settings results together.
 */
export type PaletteKind = 'setting' | 'page' | 'doc' | 'ticket' | 'software' | 'action';

export interface PaletteEntry {
  id: string;
  kind: PaletteKind;
  title: string;
  subtitle?: string;
  /** Extra words that should find the entry (synonyms, both languages, an id). */
  keywords?: readonly string[];
  /** Where choosing it goes: an app route such as /tickets/T-1001. */
  path: string;
}

export interface RankedEntry extends PaletteEntry {
  score: number;
}

const normalize = (text: string) => text.normalize('NFKC').toLocaleLowerCase().trim();

/** Characters of the query in order, not necessarily adjacent ("prxy" finds "Proxy"). */
function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const char of haystack) if (char === needle[i]) i++;
  return i === needle.length;
}

function scoreText(query: string, text: string): number {
  const value = normalize(text);
  if (!value) return 0;
  if (value === query) return 100;
  if (value.startsWith(query)) return 80;
  if (value.split(/[\s/._:-]+/).some((word) => word.startsWith(query))) return 60;
  if (value.includes(query)) return 40;
  return 0;
}

function scoreEntry(query: string, entry: PaletteEntry): number {
  const title = scoreText(query, entry.title);
  const keywords = Math.max(0, ...(entry.keywords ?? []).map((k) => scoreText(query, k) * 0.7));
  const subtitle = entry.subtitle ? scoreText(query, entry.subtitle) * 0.5 : 0;
  const best = Math.max(title, keywords, subtitle);
  if (best > 0) return best;
  // Loose matches only on titles, and only for queries long enough to mean something.
  return query.length >= 3 && isSubsequence(query, normalize(entry.title)) ? 10 : 0;
}

// On equal scores: what the user most often jumps to first.
const KIND_ORDER: Record<PaletteKind, number> = { page: 0, setting: 1, ticket: 2, doc: 3, software: 4, action: 5 };

/**
 * Every query term must match somewhere; the entry's score is its terms' sum. An empty query lists
 * pages, settings and actions only, so the palette is useful before typing.
 */
export function rankPaletteEntries(rawQuery: string, entries: readonly PaletteEntry[], limit = 30): RankedEntry[] {
  const terms = normalize(rawQuery).split(/\s+/).filter(Boolean);
  const ranked: RankedEntry[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = `${entry.kind}:${entry.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (terms.length === 0) {
      if (entry.kind === 'page' || entry.kind === 'setting' || entry.kind === 'action') ranked.push({ ...entry, score: 0 });
      continue;
    }
    const scores = terms.map((term) => scoreEntry(term, entry));
    if (scores.every((s) => s > 0)) ranked.push({ ...entry, score: scores.reduce((a, b) => a + b, 0) });
  }
  return ranked
    .sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title))
    .slice(0, limit);
}
