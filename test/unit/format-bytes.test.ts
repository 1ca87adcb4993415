import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../shared/format-bytes';

describe('sizes, written one way everywhere (issue 13)', () => {
  it.each([
    [0, 'en', '0 B'],
    [1023, 'en', '1,023 B'],
    [1024, 'en', '1 KiB'],
    [73_830, 'en', '72.1 KiB'],
    [73_830, 'zh-CN', '72.1 KiB'],
    [5 * 1024 ** 3, 'en', '5 GiB'],
    [1.5 * 1024 ** 4, 'en', '1.5 TiB'],
  ])('%d bytes in %s reads "%s"', (bytes, language, text) => {
    expect(formatBytes(bytes, language)).toBe(text);
  });

  it('has no second size formatter: no source outside shared/format-bytes.ts names a decimal or binary unit of its own', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const sources = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
      );
    const unitList = /\[\s*'(B|bytes?)',\s*'(KB|kB|KiB|kilobyte)'/;
    const offenders = ['renderer', 'main', 'shared'].flatMap(sources).filter((file) => unitList.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
