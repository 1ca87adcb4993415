import { closeSync, openSync, writeSync } from 'node:fs';
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

/**
 * RFC 4180 CSV written to a file while the JSON pass reads the rows, so a tabular category is read
 * from the database once; the header comes from the first record's keys.
 */
export class CsvSpool {
  rows = 0;
  private readonly fd: number;
  private columns: string[] | undefined;
  private pending: string[] = [];
  private length = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w', 0o600);
  }

  write(row: Row): void {
    if (!this.columns) {
      this.columns = Object.keys(row);
      this.push(`${this.columns.map(cell).join(',')}\r\n`);
    }
    this.push(`${this.columns.map((column) => cell(row[column])).join(',')}\r\n`);
    this.rows++;
  }

  close(): void {
    if (this.length) writeSync(this.fd, this.pending.join(''));
    closeSync(this.fd);
  }

  private push(line: string): void {
    this.pending.push(line);
    this.length += line.length;
    if (this.length >= CHUNK_BYTES) {
      writeSync(this.fd, this.pending.join(''));
      this.pending = [];
      this.length = 0;
    }
  }
}
