import type Database from 'better-sqlite3';
import { stemmer } from 'stemmer';
import { foldText } from './text';

/**
 * The span index of long records: what lets a query read a bounded part of a record, whatever its
 * length. A body longer than LONG_BODY_CHARS is cut into overlapping spans (docs_spans, keyed by
 * record and span number), and for each word stem of the body the first spans holding it are listed
 * (docs_span_terms, keyed by record and stem). Snippets and phrase checks look their query words up
 * there (one B-tree lookup a word) and read at most SPANS_READ spans. FTS5's own rowid-range search
 * over a span table was measured first: 0.1-1 ms a record, growing with the manual's size.
 */
export const SPAN_TABLES = `
CREATE TABLE docs_spans (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE docs_span_terms (
  record_id INTEGER NOT NULL,
  stem TEXT NOT NULL,
  spans TEXT NOT NULL,
  PRIMARY KEY (record_id, stem)
) WITHOUT ROWID;
`;

/** A body longer than this is read through its spans only. */
export const LONG_BODY_CHARS = 3000;
const SPAN_CHARS = 1500;
/** Each span repeats the end of the one before, so a phrase cut by a span boundary is whole in the next one. */
const SPAN_OVERLAP = 160;
/** Spans listed per stem: a word on every line of a page is found in its first ones. */
const SPANS_PER_STEM = 12;
/** Spans read for one record by a phrase check or a snippet. */
export const SPANS_READ = 3;
/** docs_spans ids are the record's id times this plus the span's number. */
const SPAN_SLOTS = 65536;
const WORD = /[\p{L}\p{N}]+/gu;

export interface Span {
  text: string;
  /** Text before it was left out: a snippet cut from it starts with an ellipsis. */
  cut: boolean;
}

/** Indexed text cut into overlapping spans at spaces: [start, end) offsets. */
export function spanBounds(text: string): [number, number][] {
  const bounds: [number, number][] = [];
  let start = 0;
  while (start < text.length && bounds.length < SPAN_SLOTS) {
    let end = Math.min(text.length, start + SPAN_CHARS);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start + SPAN_CHARS / 2) end = space;
    }
    bounds.push([start, end]);
    if (end >= text.length) break;
    const next = text.indexOf(' ', end - SPAN_OVERLAP);
    start = next > start && next < end ? next + 1 : end;
  }
  return bounds;
}

export class SpanWriter {
  private readonly insertSpan: Database.Statement;
  private readonly insertStem: Database.Statement;
  /** Porter stems of words already seen in this import (a manual repeats its vocabulary). */
  private readonly stems = new Map<string, string>();

  constructor(db: Database.Database) {
    this.insertSpan = db.prepare('INSERT INTO docs_spans (id, text) VALUES (?, ?)');
    this.insertStem = db.prepare('INSERT INTO docs_span_terms (record_id, stem, spans) VALUES (?, ?, ?)');
  }

  /** The spans of a long record's indexed body, and its stems' first spans (nothing for a short body, which is read whole). */
  add(id: number, indexedBody: string): void {
    if (indexedBody.length <= LONG_BODY_CHARS) return;
    const firstSpans = new Map<string, number[]>();
    spanBounds(indexedBody).forEach(([start, end], i) => {
      const text = indexedBody.slice(start, end);
      this.insertSpan.run(id * SPAN_SLOTS + i, text);
      for (const [word] of foldText(text).matchAll(WORD)) {
        const stem = this.stem(word);
        const spans = firstSpans.get(stem);
        if (!spans) firstSpans.set(stem, [i]);
        else if (spans[spans.length - 1] !== i && spans.length < SPANS_PER_STEM) spans.push(i);
      }
    });
    for (const [stem, spans] of firstSpans) this.insertStem.run(id, stem, spans.join(' '));
  }

  private stem(word: string): string {
    let stem = this.stems.get(word);
    if (stem === undefined) {
      stem = stemmer(word);
      this.stems.set(word, stem);
    }
    return stem;
  }
}

/** Deletes the spans of one install's long records (call inside a transaction, before its records go). */
export function deleteSpans(db: Database.Database, installId: number): void {
  const long = db.prepare('SELECT id FROM docs_records WHERE install_id = ? AND body_chars > ?').pluck().all(installId, LONG_BODY_CHARS) as number[];
  const spans = db.prepare('DELETE FROM docs_spans WHERE id BETWEEN ? AND ?');
  const stems = db.prepare('DELETE FROM docs_span_terms WHERE record_id = ?');
  for (const id of long) {
    spans.run(id * SPAN_SLOTS, id * SPAN_SLOTS + SPAN_SLOTS - 1);
    stems.run(id);
  }
}

/**
 * Reads spans of long records for the search engine, for all the records of one query at once: a
 * query word is a list of alternatives (a word being typed stands for its completions), each looked
 * up by its porter stem. One statement finds every (record, stem) list and one reads the chosen spans,
 * instead of a round trip into SQLite per record and word (a dozen completions on ten hits were
 * hundreds of them).
 */
export class SpanReader {
  private readonly stemSpans: Database.Statement;
  private readonly spanText: Database.Statement;
  private readonly stems = new Map<string, string>();

  constructor(db: Database.Database) {
    this.stemSpans = db
      .prepare('SELECT record_id, stem, spans FROM docs_span_terms WHERE record_id IN (SELECT value FROM json_each(?)) AND stem IN (SELECT value FROM json_each(?))')
      .raw();
    this.spanText = db.prepare('SELECT id, text FROM docs_spans WHERE id IN (SELECT value FROM json_each(?))').raw();
  }

  /** Per record, the first spans holding a word (for a phrase check: its rarest word). */
  withWord(ids: number[], alternatives: string[]): Map<number, Span[]> {
    const lists = this.spansOf(ids, [alternatives]);
    return this.read(new Map(ids.map((id) => [id, [...(lists.get(id)?.keys() ?? [])].sort((a, b) => a - b).slice(0, SPANS_READ)])));
  }

  /**
   * Per record, the `count` spans holding the most distinct query words, earliest first among equals
   * (for a snippet); the first span when none does.
   */
  withMost(ids: number[], words: string[][], count = 1): Map<number, Span[]> {
    const lists = this.spansOf(ids, words);
    const chosen = new Map<number, number[]>();
    for (const id of ids) {
      const counts = [...(lists.get(id) ?? new Map<number, Set<number>>())].map(([span, found]) => [span, found.size] as const);
      const best = counts.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, count).map(([span]) => span);
      chosen.set(id, best.length ? best : [0]);
    }
    return this.read(chosen);
  }

  /** Record -> span -> which of the words (by index) it holds. */
  private spansOf(ids: number[], words: string[][]): Map<number, Map<number, Set<number>>> {
    const byStem = new Map<string, number[]>();
    words.forEach((alternatives, i) => {
      for (const word of alternatives) {
        const stem = this.stem(word);
        const owners = byStem.get(stem);
        if (!owners) byStem.set(stem, [i]);
        else if (!owners.includes(i)) owners.push(i);
      }
    });
    const result = new Map<number, Map<number, Set<number>>>();
    if (ids.length === 0 || byStem.size === 0) return result;
    const rows = this.stemSpans.all(JSON.stringify(ids), JSON.stringify([...byStem.keys()])) as [number, string, string][];
    for (const [id, stem, list] of rows) {
      let spans = result.get(id);
      if (!spans) result.set(id, (spans = new Map()));
      for (const span of list.split(' ')) {
        const n = Number(span);
        let found = spans.get(n);
        if (!found) spans.set(n, (found = new Set()));
        for (const owner of byStem.get(stem) ?? []) found.add(owner);
      }
    }
    return result;
  }

  private read(chosen: Map<number, number[]>): Map<number, Span[]> {
    const keys = [...chosen].flatMap(([id, spans]) => spans.map((span) => id * SPAN_SLOTS + span));
    const texts = new Map(keys.length ? (this.spanText.all(JSON.stringify(keys)) as [number, string][]) : []);
    const result = new Map<number, Span[]>();
    for (const [id, spans] of chosen) {
      result.set(id, spans.flatMap((span) => {
        const text = texts.get(id * SPAN_SLOTS + span);
        return text === undefined ? [] : [{ text, cut: span > 0 }];
      }));
    }
    return result;
  }

  private stem(word: string): string {
    let stem = this.stems.get(word);
    if (stem === undefined) {
      stem = stemmer(word);
      if (this.stems.size > 50_000) this.stems.clear();
      this.stems.set(word, stem);
    }
    return stem;
  }
}
