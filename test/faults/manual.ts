import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A manual of `pages` HTML pages in nested folders: long enough to import that a kill lands mid-way. */
export function writeManual(dir: string, pages: number): string {
  const root = join(dir, 'storage-manual');
  for (let i = 0; i < pages; i++) {
    const folder = join(root, `chapter-${Math.floor(i / 100)}`);
    mkdirSync(folder, { recursive: true });
    const body = Array.from({ length: 12 }, (_, p) => `<p>Replication volume ${i} paragraph ${p}: snapshots, quotas and failover for array ${i % 37}.</p>`).join('');
    writeFileSync(join(folder, `page-${i}.html`), `<title>Topic ${i}</title><h1>Topic ${i}</h1>${body}<h2 id="s${i}">Section ${i}</h2><p>More on ${i}.</p>`);
  }
  return root;
}
