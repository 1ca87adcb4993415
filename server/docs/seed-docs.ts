import type { Database } from 'better-sqlite3';
import { buildPackage } from './package-builder';
import { demoLibraries } from './demo-library';
import { DocsRepository } from './docs-repository';

/** Seeds the demo libraries into an empty catalogue; a restart leaves an existing catalogue alone. */
export async function seedDemoDocs(db: Database): Promise<boolean> {
  if (db.prepare('SELECT 1 FROM doc_libraries LIMIT 1').get()) return false;
  const repository = new DocsRepository(db);
  for (const library of demoLibraries()) {
    const pkg = await buildPackage(library.manifest, library.files);
    const html = new Map(library.manifest.topics.map((t) => [t.id, library.files.get(t.file)!.toString('utf8')]));
    repository.putLibrary(library.manifest, html, pkg);
  }
  return true;
}
