import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_NAME, safeAttachmentName } from '../../../shared/attachment-name';

// The one rule for attachment names (server upload, app staging, save dialog): attack finding 5.
describe('attachment names', () => {
  it.each([
    // A right-to-left override shows "invoice\u202Etxt.exe" as "invoiceexe.txt": the real extension must show.
    ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
    ['report\u2066\u2069\u200F.pdf\u200B', 'report.pdf'],
    ['pay\u200Bment\u200C\u200D\u2060\uFEFF.xlsx', 'payment.xlsx'],
    ['\u061Cscan\u200E.png', 'scan.png'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\bob\\report.log', 'report.log'],
    ['bad\u0000name\u001f\u0085".txt', 'badname_.txt'],
    ['what?<now>|*.txt', 'what__now___.txt'],
    ['setup.exe. . .', 'setup.exe'],
    ['  notes.txt  ', 'notes.txt'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['\u202E', 'attachment'],
    ['..', 'attachment'],
    ['', 'attachment'],
  ])('%j becomes %j', (raw, safe) => expect(safeAttachmentName(raw)).toBe(safe));

  it('keeps the extension when it shortens a long name', () => {
    const name = safeAttachmentName(`${'a'.repeat(300)}.tar.gz`);
    expect([...name]).toHaveLength(MAX_ATTACHMENT_NAME);
    expect(name.endsWith('.gz')).toBe(true);
  });

  it('gives any name a safe, stable result: no folder, no invisible or control character, short, never empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = safeAttachmentName(raw);
        expect(name).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029/\\<>:"|?*]/u);
        expect([...name].length).toBeGreaterThan(0);
        expect([...name].length).toBeLessThanOrEqual(MAX_ATTACHMENT_NAME);
        expect(name).not.toMatch(/[.\s]$/u);
        expect(safeAttachmentName(name)).toBe(name);
      }),
      { numRuns: 2_000 },
    );
  });
});
