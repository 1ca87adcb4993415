/**
 * `npm run bench [-- <area>]`: runs one benchmark area or all, prints a table per area and ends with
 * one JSON line holding every figure. Areas are added by the issues that build them; an area that
 * does not exist yet says so and fails, rather than printing made-up numbers.
 */
const AREAS: Record<string, () => Promise<Record<string, number>>> = {
  // The synthetic 100,000-topic corpus, then the real Debian manuals (docs-real.ts); docs-real alone
  // runs only the manuals, under the same figure names.
  docs: async () => ({
    ...(await import('./docs').then((m) => m.docsBench())),
    ...(await import('./docs-real').then((m) => m.realDocsBench())),
    ...(await import('./docs-pdf').then((m) => m.pdfDocsBench())),
  }),
  'docs-real': () => import('./docs-real').then((m) => m.realDocsBench()),
  // Real PDF manuals from Debian (docs-pdf.ts); its figures are docs.pdf.*.
  'docs-pdf': () => import('./docs-pdf').then((m) => m.pdfDocsBench()),
  downloads: () => import('./downloads').then((m) => m.benchDownloads()),
  tickets: () => import('./tickets').then((m) => m.benchTickets()),
  export: () => import('./export').then((m) => m.benchExport()),
  ui: () => import('./ui').then((m) => m.benchUi()),
  localdb: () => import('./local-db').then((m) => m.benchLocalDb()),
};
const PLANNED = ['docs', 'docs-real', 'docs-pdf', 'downloads', 'tickets', 'export', 'ui', 'localdb'];
/** Areas whose figures are named under another area's (docs-real's are docs.real.*). */
const FIGURE_PREFIX: Record<string, string> = { 'docs-real': 'docs', 'docs-pdf': 'docs' };
/** Areas that print their own tables (one per manual) instead of one table of every figure. */
const OWN_TABLES = new Set(['docs', 'docs-real', 'docs-pdf']);

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const areas = requested.length ? requested : Object.keys(AREAS);
const figures: Record<string, number> = {};
let missing = false;

for (const area of areas) {
  const run = AREAS[area];
  if (!run) {
    missing = true;
    console.error(PLANNED.includes(area) ? `bench ${area}: not built yet (its feature has not landed).` : `bench ${area}: no such area. Areas: ${PLANNED.join(', ')}.`);
    continue;
  }
  const result = await run();
  if (!OWN_TABLES.has(area)) console.table(result);
  for (const [key, value] of Object.entries(result)) figures[`${FIGURE_PREFIX[area] ?? area}.${key}`] = value;
}
if (areas.length === 0) console.log(`No benchmark areas have landed yet (planned: ${PLANNED.join(', ')}).`);
console.log(JSON.stringify(figures));
process.exitCode = missing ? 1 : 0;
export {};
