import type Database from 'better-sqlite3';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The unstemmed words of every ready library with their document frequency, held in memory:
 * typo correction checks the few hundred one-edit variants of a word against it (microseconds,
 * where fuzzy scans of the index take 100 ms), and prefix expansion binary-searches its sorted list.
 */
export class Vocabulary {
  private counts = new Map<string, number>();
  private sorted: string[] = [];
  /** Search records in ready libraries: what a document frequency is a share of. */
  documents = 0;

  load(db: Database.Database): void {
    const rows = db
      .prepare("SELECT t.term AS term, sum(t.df) AS df FROM docs_terms t JOIN docs_installs i ON i.id = t.install_id WHERE i.state = 'ready' GROUP BY t.term")
      .raw()
      .all() as [string, number][];
    this.counts = new Map(rows);
    this.sorted = rows.map((r) => r[0]).sort();
    this.documents = (db.prepare("SELECT count(*) FROM docs_records r JOIN docs_installs i ON i.id = r.install_id WHERE i.state = 'ready'").pluck().get() as number) ?? 0;
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** In how many topics the word occurs (0 when unknown). */
  df(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** The most frequent known word one edit (insert, delete, replace, swap) away, or null. */
  correct(word: string): string | null {
    return this.corrections(word, 1)[0] ?? null;
  }

  /** Up to `max` known words one edit away, most frequent first ("patjh": path, patch). */
  corrections(word: string, max: number): string[] {
    if (word.length < 4 || this.counts.size === 0) return [];
    const found = new Map<string, number>();
    for (const candidate of edits1(word)) {
      const df = this.counts.get(candidate);
      if (df) found.set(candidate, df);
    }
    return [...found].sort((a, b) => b[1] - a[1]).slice(0, max).map(([w]) => w);
  }

  /** Known words starting with `prefix`, most frequent first. */
  complete(prefix: string, max = 12, scanLimit = 3000): string[] {
    const found: [string, number][] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length && found.length < scanLimit; i++) {
      const term = this.sorted[i]!;
      if (!term.startsWith(prefix)) break;
      found.push([term, this.counts.get(term)!]);
    }
    return found.sort((a, b) => b[1] - a[1]).slice(0, max).map((f) => f[0]);
  }

  /** For a mistyped prefix: the one-edit variant that begins the most frequent known word. */
  correctPrefix(prefix: string): string | null {
    if (prefix.length < 4) return null;
    let best: string | null = null;
    let bestDf = 0;
    for (const candidate of edits1(prefix)) {
      const first = this.complete(candidate, 1, 200)[0];
      const df = first ? this.counts.get(first)! : 0;
      if (df > bestDf) {
        best = candidate;
        bestDf = df;
      }
    }
    return best;
  }
}

function lowerBound(list: string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function* edits1(word: string): Generator<string> {
  const letters = new Set(ALPHABET + word);
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) yield head + tail.slice(1);
    if (tail.length > 1) yield head + tail[1] + tail[0] + tail.slice(2);
    for (const c of letters) {
      if (tail) yield head + c + tail.slice(1);
      yield head + c + tail;
    }
  }
}
