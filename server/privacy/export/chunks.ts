import type { Row } from '../categories/category-provider';

const CHUNK_BYTES = 256 * 1024;

/** Joins small strings into ~256 KiB buffers, so the ZIP writer sees few large chunks, not one per row. */
function* batched(parts: Iterable<string>): Generator<Buffer> {
  let pending: string[] = [];
  let length = 0;
  for (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= CHUNK_BYTES) {
      yield Buffer.from(pending.join(''));
      pending = [];
      length = 0;
    }
  }
  if (pending.length) yield Buffer.from(pending.join(''));
}

/** A JSON array, one record per line, produced row by row. */
export function jsonChunks(rows: Iterable<Row>, counter: { rows: number }): Generator<Buffer> {
  return batched(
    (function* () {
      yield '[';
      for (const row of rows) {
        yield `${counter.rows === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`;
        counter.rows++;
      }
      yield counter.rows === 0 ? ']\n' : '\n]\n';
    })(),
  );
}

// A cell starting with one of these is a formula to a spreadsheet: prefix it so opening the export runs nothing.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header taken from the first record's keys. */
export function csvChunks(rows: Iterable<Row>): Generator<Buffer> {
  return batched(
    (function* () {
      let columns: string[] | undefined;
      for (const row of rows) {
        if (!columns) {
          columns = Object.keys(row);
          yield `${columns.map(cell).join(',')}\r\n`;
        }
        yield `${columns.map((column) => cell(row[column])).join(',')}\r\n`;
      }
    })(),
  );
}
