import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every string is translated: each message file has a Simplified Chinese twin with the same keys.
const root = new URL('../../renderer/', import.meta.url).pathname;
const pairs = [
  // The main process's words (menus, dialog titles, the sign-in finish page), loaded by the renderer too.
  new URL('../../shared/i18n/desktop/', import.meta.url).pathname,
  join(root, 'i18n'),
  ...readdirSync(join(root, 'features')).map((feature) => join(root, 'features', feature, 'i18n')),
].filter((dir) => {
  try {
    return readdirSync(dir).includes('en.json');
  } catch {
    return false;
  }
});

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it.each(pairs)('%s: zh-CN has exactly the keys of en, none empty', (dir) => {
    const en = JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(join(dir, 'zh-CN.json'), 'utf8'));
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    const valueAt = (key: string): unknown => key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], zh);
    const empty = keys(zh).filter((key) => key !== '' && valueAt(key) === '');
    expect(empty).toEqual([]);
  });
});
