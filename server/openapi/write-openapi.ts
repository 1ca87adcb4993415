import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openApiDocument } from './openapi-document';

/** docs/openapi.json as the repository keeps it: two-space JSON and a final newline. */
export const OPENAPI_COPY = join(import.meta.dirname, '../../docs/openapi.json');
export const serializeOpenApi = () => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

// `npm run openapi` writes the copy (through a temp file, so a failed run leaves the old one whole);
// `npm run openapi -- --check` only says whether it is current, for CI and pre-commit hooks.
if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' } } });
  const text = serializeOpenApi();
  let current = '';
  try {
    current = readFileSync(OPENAPI_COPY, 'utf8');
  } catch {
    // No copy yet.
  }
  if (values.check) {
    console.log(current === text ? 'docs/openapi.json is current.' : 'docs/openapi.json is stale: run npm run openapi.');
    process.exitCode = current === text ? 0 : 1;
  } else {
    writeFileSync(`${OPENAPI_COPY}.tmp`, text);
    renameSync(`${OPENAPI_COPY}.tmp`, OPENAPI_COPY);
    console.log(`Wrote docs/openapi.json (${Object.keys(openApiDocument().paths ?? {}).length} paths).`);
  }
}
