// `npm run docs -- <command>` from a source checkout. The command line is bundled once (esbuild,
// which tsx already brings) into node_modules/.cache/esd-docs-cli and rebuilt only when one of the
// sources it was built from changed, so a command no longer pays for compiling TypeScript in its
// own process and again in the import worker's (about 2 s of CPU per command under tsx, measured).
// Dependencies stay external: they are loaded from node_modules as the app loads them.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(repo, 'node_modules', '.cache', 'esd-docs-cli');
const entry = join(outdir, 'docs-cli.js');
const inputsFile = join(outdir, 'inputs.json');

/** The bundle is current when it exists and no source it was built from is newer (or gone). */
function isCurrent() {
  try {
    const built = statSync(entry).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.every((file) => statSync(join(repo, file)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (!isCurrent()) {
  const { build } = await import('esbuild');
  // Built beside the cache and moved into place whole, so two commands started together never run a half-written bundle.
  const building = `${outdir}-${process.pid}`;
  mkdirSync(building, { recursive: true });
  const result = await build({
    absWorkingDir: repo,
    // The import worker starts the PDF worker (pdf/pdf-extract.ts) from the file beside it.
    entryPoints: { 'docs-cli': 'main/services/docs/docs-cli.ts', 'docs-import-worker': 'main/services/docs/import-worker.ts', 'docs-pdf-worker': 'main/services/docs/pdf/pdf-worker.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    outdir: building,
    metafile: true,
    logLevel: 'warning',
  });
  // The bundle's folder is inside node_modules, where no package.json says these files are ES modules.
  writeFileSync(join(building, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(building, 'inputs.json'), JSON.stringify(Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'))));
  rmSync(outdir, { recursive: true, force: true });
  try {
    renameSync(building, outdir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another command put its bundle there first
  }
}
await import(pathToFileURL(entry).href);
