import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { build } from 'vite';
import { startPreview } from '../../main/preview/start-preview';
import { launchChromium, signIn } from './browser';
import { addProbe, shellShownAt, startBaselineServer, timeInput, within, type Target } from './ui-probe';

const LOADS = 5;
const ROUNDS = 5;
const PALETTE_OPENS = 10;
/** The main navigation's links with the English names AppShell shows (nav.* in en.json), and each screen's h1. */
const ROUTE_CYCLE = ['Software', 'Service requests', 'My data', 'Settings', 'Documentation'];
const EVERY_SCREEN = ['Documentation', 'Software', 'Service requests', 'My data', 'Settings', 'Profile'];
/** The shell is usable once the main navigation and the start screen's heading are on screen. */
const SHELL: Target[] = [{ selector: 'nav[aria-label="Main"] a' }, { selector: 'main h1', text: 'Documentation' }];
const VIEWPORT = { width: 1280, height: 800 };
const say = (line: string) => console.error(`bench ui: ${line}`);

const median = (values: number[]) => percentile(values, 0.5);
/** Nearest rank: of 10 samples the p95 is the slowest, of 25 the second slowest. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
const round1 = (value: number) => Math.round(value * 10) / 10;
const ratio = (value: number, baseline: number) => Number((value / baseline).toFixed(2));

interface Load {
  context: BrowserContext;
  page: Page;
  /** Navigation start to the first frame showing SHELL, in the page's clock. */
  ms: number;
  scripts: string[];
  css: string;
}

/**
 * One page load in a fresh browser context (no HTTP cache, no code cache). The bytes counted are the
 * script and stylesheet responses that had arrived by the time the shell was on screen.
 */
async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await addProbe(context, SHELL);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const bodies: Promise<{ type: string; text: string }>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') bodies.push(response.text().then((text) => ({ type, text })));
  });
  await page.goto(url);
  const ms = await within(shellShownAt(page), () => `${url} did not show the shell: ${errors.join('; ') || 'no page error'}`);
  const initial = await Promise.all(bodies.slice());
  if (errors.length) throw new Error(`${url} threw while loading: ${errors.join('; ')}`);
  return {
    context,
    page,
    ms,
    scripts: initial.filter((b) => b.type === 'script').map((b) => b.text),
    css: initial.filter((b) => b.type === 'stylesheet').map((b) => b.text).join('\n'),
  };
}

/** Loads `url` and closes its context again, returning the startup time. */
async function startupMs(browser: Browser, url: string): Promise<number> {
  const { context, ms } = await load(browser, url);
  await context.close();
  return ms;
}

/** JS heap in use after a full garbage collection (so the figure does not depend on when V8 last collected). */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** Signs the preview's main process in once; it stays signed in for every later browser context. */
async function signInOnce(browser: Browser, url: string, account: { email: string; password: string }): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await signIn(page, account);
  // A returning user has acknowledged the current privacy policy: its notice (which every fresh data
  // folder shows) is not part of every start.
  const acknowledge = page.getByRole('button', { name: 'I have read it' });
  await acknowledge.click();
  await acknowledge.waitFor({ state: 'hidden' });
  await context.close();
}

/**
 * Route switches against a no-op click, alternated so both see the same load on the machine. A route
 * switch runs from the click event to the frame showing the target screen's h1; the baseline from the
 * click on a <details> summary injected outside React to the frame showing it toggled, so the ratio is
 * what React, the router and the screen cost beyond the browser handling a click and painting.
 */
async function routeSwitches(page: Page): Promise<{ routes: number[]; noops: number[] }> {
  await page.evaluate(`document.body.insertAdjacentHTML('beforeend',
    '<details id="bench-noop" style="position:fixed;top:0;left:40%;z-index:2147483647;background:#fff"><summary>Bench no-op</summary><p>Nothing happens here.</p></details>')`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const summary = page.locator('#bench-noop summary');
  const routes: number[] = [];
  const noops: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const screen of ROUTE_CYCLE) {
      routes.push(await timeInput(page, { selector: 'main h1', text: screen }, () => nav.getByRole('link', { name: screen, exact: true }).click()));
      const selector = noops.length % 2 ? '#bench-noop:not([open])' : '#bench-noop[open]';
      noops.push(await timeInput(page, { selector }, () => summary.click()));
    }
  }
  return { routes, noops };
}

/**
 * Ctrl+K from the keydown event to the frame showing the palette's dialog; Escape closes it between.
 * Its baseline is a key press that changes only what the browser draws itself: Enter on the focused
 * no-op <summary> (routeSwitches injected it), toggling the <details>, measured the same way.
 */
async function paletteOpens(page: Page): Promise<{ opens: number[]; noops: number[] }> {
  const dialog = page.getByRole('dialog');
  const summary = page.locator('#bench-noop summary');
  const opens: number[] = [];
  const noops: number[] = [];
  for (let i = 0; i < PALETTE_OPENS; i++) {
    await summary.focus();
    const selector = i % 2 ? '#bench-noop:not([open])' : '#bench-noop[open]';
    noops.push(await timeInput(page, { selector }, () => page.keyboard.press('Enter')));
    opens.push(await timeInput(page, { selector: '[role="dialog"]' }, () => page.keyboard.press('Control+K')));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }
  return { opens, noops };
}

const COUNT_NODES = `(() => {
  const all = document.querySelectorAll('*').length;
  return { nodes: all, shellNodes: all - (document.querySelector('main')?.querySelectorAll('*').length ?? 0) };
})()`;

/**
 * The DOM once a screen has settled: its lists arrive over the preview's WebSocket after the heading
 * (no HTTP request to wait for), so it is counted until the count holds for 300 ms (3 s at most).
 */
async function settledDom(page: Page): Promise<{ nodes: number; shellNodes: number }> {
  let last = { nodes: -1, shellNodes: -1 };
  for (let stable = 0, tries = 0; stable < 3 && tries < 30; tries++) {
    const now = (await page.evaluate(COUNT_NODES)) as typeof last;
    stable = now.nodes === last.nodes ? stable + 1 : 0;
    last = now;
    await page.waitForTimeout(100);
  }
  return last;
}

/** Every screen once: the DOM size of the heaviest, and the part of it that is the shell around the screen. */
async function tour(page: Page): Promise<{ screen: string; nodes: number; shellNodes: number }> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  let heaviest = { screen: '', nodes: 0, shellNodes: 0 };
  for (const screen of EVERY_SCREEN) {
    await nav.getByRole('link', { name: screen, exact: true }).click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: screen, exact: true }).waitFor();
    const { nodes, shellNodes } = await settledDom(page);
    if (nodes > heaviest.nodes) heaviest = { screen, nodes, shellNodes };
  }
  return heaviest;
}

/**
 * The app's start against the baseline page (ui-probe.ts), alternated so both see the same load on the
 * machine; the baseline's heap is taken too, as the bytes alone cost it.
 */
async function startups(browser: Browser, url: string, first: Load) {
  const baseline = await startBaselineServer(first.scripts, first.css);
  try {
    await startupMs(browser, baseline.url); // its warm-up
    const app: number[] = [];
    const bytesOnly: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      say(`startup ${i + 1}/${LOADS}`);
      app.push(await startupMs(browser, url));
      bytesOnly.push(await startupMs(browser, baseline.url));
    }
    const page = await load(browser, baseline.url);
    const heap = await heapMb(page.page);
    await page.context.close();
    return { app, bytesOnly, heap, scriptBytes: baseline.scriptBytes };
  } finally {
    await baseline.close();
  }
}

export async function benchUi(): Promise<Record<string, number>> {
  await build({ configFile: 'vite.preview.config.ts', logLevel: 'warn' });
  const dir = mkdtempSync(join(tmpdir(), 'esd-bench-ui-'));
  const preview = await startPreview({ dataDir: join(dir, 'app') });
  const browser = await launchChromium();
  try {
    say('signing in');
    await signInOnce(browser, preview.url, preview.demoAccount!);
    // The first load is a warm-up (the preview's services answer their first calls) and tells which bytes the renderer needs.
    const first = await load(browser, preview.url);
    await first.context.close();
    const startup = await startups(browser, preview.url, first);

    say('route switches, palette, every screen');
    const app = await load(browser, preview.url);
    const { routes, noops } = await routeSwitches(app.page);
    const palette = await paletteOpens(app.page);
    await app.page.evaluate(`document.getElementById('bench-noop').remove()`); // not part of any screen
    const dom = await tour(app.page);
    const heap = await heapMb(app.page);
    await app.context.close();
    say(`heaviest screen: ${dom.screen}`);

    const scriptBytes = first.scripts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    // Each figure beside its baseline from this run: startup against the same bytes fetched, parsed and
    // compiled but not run (and its heap against theirs); route switches and palette opens against a
    // no-op click or key press painting; the heaviest screen's DOM against the shell around it. The
    // byte counts have no speed baseline: baselineScriptKb only shows the baseline fetched as much.
    return {
      startupMs: Math.round(median(startup.app)),
      baselineStartupMs: Math.round(median(startup.bytesOnly)),
      startupRatio: ratio(median(startup.app), median(startup.bytesOnly)),
      initialScriptKb: Math.round(scriptBytes / 1024),
      baselineScriptKb: Math.round(startup.scriptBytes / 1024),
      initialCssKb: Math.round(Buffer.byteLength(first.css) / 1024),
      routeSwitchP50Ms: round1(median(routes)),
      routeSwitchP95Ms: round1(percentile(routes, 0.95)),
      baselineRouteSwitchMs: round1(median(noops)),
      routeSwitchRatio: ratio(median(routes), median(noops)),
      paletteOpenP95Ms: round1(percentile(palette.opens, 0.95)),
      baselinePaletteMs: round1(percentile(palette.noops, 0.95)),
      paletteOpenRatio: ratio(percentile(palette.opens, 0.95), percentile(palette.noops, 0.95)),
      jsHeapMb: round1(heap),
      baselineJsHeapMb: round1(startup.heap),
      jsHeapRatio: ratio(heap, startup.heap),
      domNodes: dom.nodes,
      baselineDomNodes: dom.shellNodes,
      domNodesRatio: ratio(dom.nodes, dom.shellNodes),
    };
  } finally {
    await browser.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
