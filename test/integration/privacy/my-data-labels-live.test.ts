import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MyDataSchema, type MyData } from '../../../shared/api/privacy';
import { recordVocabulary } from '../../../shared/api/privacy-records';
import en from '../../../renderer/features/privacy/i18n/en.json';
import zh from '../../../renderer/features/privacy/i18n/zh-CN.json';
import { startTestApi, type TestApi } from '../server/helpers';
import { ALICE, plantEveryCategory, signedIn } from './api-helpers';

// Issue 15, item 7, driven by what the server really sends: every field name (nested ones too) of
// every record of every category, and every code in a coded field, has words in en and zh-CN, as do
// each category's purposes, legal basis, retention, source, safeguards and countries. A field a
// provider starts sending without a label fails here, whether or not anyone declared it.
let api: TestApi;
let data: MyData;
beforeAll(async () => {
  api = await startTestApi();
  const alice = await signedIn(api, ALICE);
  await plantEveryCategory(api, alice);
  data = MyDataSchema.parse(await alice.get('/privacy/my-data'));
});
afterAll(() => api.close());

const lookup = (catalogue: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
const has = (catalogue: object, key: string) => typeof lookup(catalogue, key) === 'string';

/** Every field path in a record, with the values found there ("contact.email", "comments.author"). */
function fieldsOf(value: unknown, path: string, into: Map<string, unknown[]>): void {
  if (Array.isArray(value)) return value.forEach((item) => fieldsOf(item, path, into));
  if (value === null || typeof value !== 'object') return void into.get(path)?.push(value);
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (!into.has(childPath)) into.set(childPath, []);
    fieldsOf(child, childPath, into);
  }
}

describe.each([
  ['en', en],
  ['zh-CN', zh],
] as const)('My data as the server sends it, in %s', (_language, catalogue) => {
  it('has a label for every field and a word for every code of every record', () => {
    expect(data.categories.filter((category) => category.records.length === 0).map((category) => category.id)).toEqual([]);
    const missing: string[] = [];
    for (const category of data.categories) {
      const fields = new Map<string, unknown[]>();
      category.records.forEach((record) => fieldsOf(record, '', fields));
      const coded = new Set(recordVocabulary(category.id).codes.map((field) => field.path));
      for (const [path, values] of fields) {
        const field = path.split('.').at(-1)!;
        if (!has(catalogue, `fieldsIn.${category.id}.${field}`) && !has(catalogue, `fields.${field}`)) missing.push(`${category.id}: field ${path}`);
        if (!coded.has(path) || (category.id === 'sign-in-history' && path === 'method')) continue;
        for (const code of new Set(values.filter((value) => typeof value === 'string' && value !== ''))) {
          if (!has(catalogue, `codes.${category.id}.${path}.${String(code)}`)) missing.push(`${category.id}: ${path}=${String(code)}`);
        }
      }
      // Sign-in methods: the kind always has words; a provider without a name has the "unnamed" wording.
      for (const method of fields.get('method') ?? []) {
        if (category.id !== 'sign-in-history') break;
        const [kind, provider] = String(method).split(':');
        if (!has(catalogue, `codes.sign-in-history.method.${kind}`)) missing.push(`sign-in method ${String(method)}`);
        if (provider && !has(catalogue, `signInProviders.${provider}`) && !has(catalogue, `codes.sign-in-history.method.${kind}Unnamed`)) missing.push(`provider ${provider}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has words for what each category is for, its legal basis, how long it is kept, where it comes from and where it goes', () => {
    const missing = data.categories.flatMap((category) =>
      [
        `categories.${category.id}`,
        ...category.purposes.map((purpose) => `purposes.${purpose.replace('.', '_')}`),
        `legalBases.${category.legalBasis}`,
        `retentions.${category.retention}`,
        `sources.${category.source}`,
        ...category.safeguards.map((safeguard) => `safeguards.${safeguard}`),
        ...[category.storedIn, ...category.processedIn].map((country) => `countries.${country}`),
      ].filter((key) => !has(catalogue, key)),
    );
    expect(missing).toEqual([]);
  });
});

describe('My data names what it refers to (issue 13)', () => {
  it('P5.1 no record value is a raw catalogue id such as "svault" or "nwos-720-img": software records name the product (the file by name: client-help-request.test.ts)', () => {
    const productIds = new Set(
      (api.app.db.prepare('SELECT id FROM software_products UNION SELECT id FROM software_files').all() as { id: string }[]).map((row) => row.id),
    );
    const values = new Map<string, unknown[]>();
    for (const category of data.categories) category.records.forEach((record) => fieldsOf(record, category.id, values));
    const raw = [...values].flatMap(([path, found]) => found.filter((value) => typeof value === 'string' && productIds.has(value)).map((value) => `${path}=${String(value)}`));
    expect(raw).toEqual([]);
    const products = data.categories.find((category) => category.id === 'software')!.records.map((record) => record.product);
    expect(products.length).toBeGreaterThan(0);
    for (const product of products) expect(String(product)).toMatch(/ /); // a product's name, such as "NW-OS Router Firmware"
  });
});
