import fc from 'fast-check';
import { z } from 'zod';

/** Strings that have broken other apps' IPC handlers: traversal, URLs, markup, huge and odd text. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '../../../../etc/passwd',
    '..\\..\\windows\\system32',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'smb://attacker/share',
    '\u0000',
    '\u202e\u0000\ud800',
    "' OR 1=1 --",
    '__proto__',
    'constructor',
  ),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);

/** Values that can cross Electron IPC (structured clone) or the preview socket (JSON). */
const anyValue = fc.oneof(
  fc.anything({
    maxDepth: 3,
    maxKeys: 6,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
  }),
  nastyString,
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 1e308),
);

const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
);

/** The object shape behind optional/nullable/default/pipe wrappers, if the schema is an object at heart. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let current: unknown = schema;
  for (let depth = 0; depth < 10; depth++) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, z.ZodType>;
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap();
    else if (current instanceof z.ZodPipe) current = current.in;
    else return undefined;
  }
  return undefined;
}

/**
 * Inputs for one bridge method, most of them malformed: random values of every type, and objects
 * with the method's own field names holding wrong types, nasty strings, unknown extra fields and
 * prototype-pollution keys. Callers keep only those the method's schema refuses.
 */
export function candidateInputs(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = objectShape(schema);
  if (!shape || Object.keys(shape).length === 0) return fc.oneof(anyValue, pollution);
  const keys = Object.keys(shape);
  const fieldValue = fc.oneof(anyValue, nastyString);
  const wrongFields = fc.record(Object.fromEntries(keys.map((key) => [key, fieldValue])), { requiredKeys: [] });
  const extraField = fc.tuple(wrongFields, fc.constantFrom('isAdmin', 'userId', 'path', 'nodeIntegration', '__proto__'), anyValue).map(([fields, key, value]) => {
    const input: Record<string, unknown> = { ...fields };
    Object.defineProperty(input, key, { value, enumerable: true, configurable: true, writable: true });
    return input;
  });
  return fc.oneof({ arbitrary: wrongFields, weight: 4 }, { arbitrary: extraField, weight: 2 }, { arbitrary: anyValue, weight: 2 }, { arbitrary: pollution, weight: 1 });
}
