import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../../shared/api/privacy';
import { recordVocabulary } from '../../../shared/api/privacy-records';
import en from '../../../renderer/features/privacy/i18n/en.json';
import zh from '../../../renderer/features/privacy/i18n/zh-CN.json';

// Issue 15: My data shows every field and every code in words, in both languages. A category that
// starts sending a field (declared in shared/api/privacy-records.ts) without a label fails here.
const catalogues = { en, 'zh-CN': zh } as const;

const lookup = (catalogue: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);

describe.each(Object.entries(catalogues))('My data in %s', (_language, catalogue) => {
  it.each(CATEGORY_IDS)('every field of %s has a label', (category) => {
    const missing = recordVocabulary(category).fields.filter(
      (field) => typeof lookup(catalogue, `fieldsIn.${category}.${field}`) !== 'string' && typeof lookup(catalogue, `fields.${field}`) !== 'string',
    );
    expect(missing).toEqual([]);
  });

  it.each(CATEGORY_IDS)('every code %s can send has a label', (category) => {
    const missing = recordVocabulary(category).codes.flatMap(({ path, codes }) =>
      codes.filter((code) => typeof lookup(catalogue, `codes.${category}.${path}.${code}`) !== 'string').map((code) => `${path}=${code}`),
    );
    expect(missing).toEqual([]);
  });
});
