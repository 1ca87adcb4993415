/**
 * `npm run bench [-- <area>]`: runs one benchmark area or all, prints a table per area and ends with
 * one JSON line holding every figure. Areas are added by the issues that build them; an area that
 * does not exist yet says so and fails, rather than printing made-up numbers.
 */
const AREAS: Record<string, () => Promise<Record<string, number>>> = {
  docs: () => import('./docs').then((m) => m.docsBench()),
  downloads: () => import('./downloads').then((m) => m.benchDownloads()),
  tickets: () => import('./tickets').then((m) => m.benchTickets()),
  export: () => import('./export').then((m) => m.benchExport()),
  ui: () => import('./ui').then((m) => m.benchUi()),
  localdb: () => import('./local-db').then((m) => m.benchLocalDb()),
};
const PLANNED = ['docs', 'downloads', 'tickets', 'export', 'ui', 'localdb'];

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
  console.table(result);
  for (const [key, value] of Object.entries(result)) figures[`${area}.${key}`] = value;
}
if (areas.length === 0) console.log(`No benchmark areas have landed yet (planned: ${PLANNED.join(', ')}).`);
console.log(JSON.stringify(figures));
process.exitCode = missing ? 1 : 0;
export {};
