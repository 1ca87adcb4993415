import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvSpool, jsonChunks } from '../../../server/privacy/export/chunks';

const json = (rows: Record<string, unknown>[]) => {
  const counter = { rows: 0 };
  const text = Buffer.concat([...jsonChunks(rows, counter)]).toString();
  return { value: JSON.parse(text) as unknown, counter };
};

describe('export files (P5.1)', () => {
  it('writes a JSON array for no, one and many records, counting them', () => {
    expect(json([])).toEqual({ value: [], counter: { rows: 0 } });
    expect(json([{ a: 1 }])).toEqual({ value: [{ a: 1 }], counter: { rows: 1 } });
    const many = Array.from({ length: 5000 }, (_, i) => ({ i, text: 'x'.repeat(100) }));
    expect(json(many)).toEqual({ value: many, counter: { rows: 5000 } });
  });

  it('writes RFC 4180 CSV: a header from the first record, quotes doubled, commas and line breaks quoted', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'esd-csv-')), 'out.csv');
    const spool = new CsvSpool(path);
    spool.write({ name: 'Alice "Al" Becker', note: 'a,b', text: 'two\nlines', empty: null, nested: { k: 1 } });
    spool.write({ name: 'Bernd', note: '', text: 'ok', empty: undefined, nested: [1, 2] });
    spool.close();
    expect(readFileSync(path, 'utf8')).toBe(
      'name,note,text,empty,nested\r\n"Alice ""Al"" Becker","a,b","two\nlines",,"{""k"":1}"\r\nBernd,,ok,,"[1,2]"\r\n',
    );
    expect(spool.rows).toBe(2);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'esd-csv-')), 'out.csv');
    const spool = new CsvSpool(path);
    for (const value of ['=1+1', '+49 30 1234', '-2', '@SUM(A1)']) spool.write({ value });
    spool.close();
    expect(readFileSync(path, 'utf8').split('\r\n').slice(1, 5)).toEqual(["'=1+1", "'+49 30 1234", "'-2", "'@SUM(A1)"]);
  });
});
