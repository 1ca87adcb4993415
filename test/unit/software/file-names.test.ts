import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateName, moveWithoutOverwrite, sanitizeFileName } from '../../../main/services/downloads/file-names';

describe('server file names are made safe before anything is written', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\system32\\evil.dll', 'evil.dll'],
    ['CON', '_CON'],
    ['com1.txt', '_com1.txt'],
    ['LPT9', '_LPT9'],
    ['report.pdf\u202Eexe.', 'report.pdfexe'],
    ['a\u200Bb.zip', 'ab.zip'],
    ['what?<>|*.bin', 'what_____.bin'],
    ['trailing. . ', 'trailing'],
    ['..', 'download'],
    ['', 'download'],
    ['.hidden', 'hidden'],
    ['ｆｉｒｍ／ware.img', 'firm_ware.img'],
    ['固件-7.2.0.img', '固件-7.2.0.img'],
  ])('%j becomes %j', (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
  });

  it('cuts very long names to 200 bytes of UTF-8, keeping the extension and whole characters', () => {
    const name = sanitizeFileName(`${'固'.repeat(150)}.img`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name.endsWith('.img')).toBe(true);
    expect(name).not.toMatch(/\uFFFD/);
  });

  it('never returns a name with a separator, a control character, a reserved device name or more than 200 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = sanitizeFileName(raw);
        // eslint-disable-next-line no-control-regex -- control characters are what the check is about
        expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/);
        expect(name).not.toMatch(/^\.|[. ]$/);
        expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
        expect(name.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('moving a verified file to its final name', () => {
  it('never overwrites an existing file: it picks "name (1).ext", then "name (2).ext"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esd-names-'));
    writeFileSync(join(dir, 'fw.img'), 'mine');
    for (const [n, expected] of [[1, 'fw (1).img'], [2, 'fw (2).img']] as const) {
      const part = join(dir, `.part${n}`);
      writeFileSync(part, `download ${n}`);
      expect(await moveWithoutOverwrite(part, dir, 'fw.img')).toBe(join(dir, expected));
    }
    expect(readFileSync(join(dir, 'fw.img'), 'utf8')).toBe('mine');
    expect(candidateName('README', 3)).toBe('README (3)');
  });
});
