import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

/**
 * pdf.js once compiled font glyphs with `new Function` (CVE-2024-4367: a PDF ran script through
 * it). pdf.js 6 has no such path and no `isEvalSupported` option any more; this check fails if an
 * upgrade brings a dynamic-code path back into the builds the importer and the reader load.
 */
describe('pdf.js builds used here run no code made from a PDF', () => {
  it.each(['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs', 'pdfjs-dist/build/pdf.mjs', 'pdfjs-dist/build/pdf.worker.mjs'])('%s has no eval or new Function', (entry) => {
    const source = readFileSync(require.resolve(entry), 'utf8');
    expect(source).not.toMatch(/\bnew Function\s*\(/);
    expect(source).not.toMatch(/(?<![.\w])eval\s*\(/);
  });
});
