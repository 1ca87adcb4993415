import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';

/** Something on screen: the first element `selector` matches, with exactly this text if one is given. */
export interface Target {
  selector: string;
  text?: string;
}

/** The page-side half, reached through globalThis (the Node project has no DOM types). */
interface Probe {
  /** performance.now() (ms since navigation start) of the first frame showing every startup target. */
  shellShown: Promise<number>;
  /** Arms the input timer: the next click or key press starts it, the first frame showing `target` stops it. */
  arm(target: Target): void;
  /** The armed measurement, in ms. */
  result: Promise<number> | undefined;
}
/** A cast only: functions given to page.evaluate run in the page and can call nothing of this module. */
type ProbeScope = { __benchProbe: Probe };

/**
 * Runs in the page before any of its scripts (an init script, as text like the e2e tests' in-page
 * code, since this project compiles without DOM types). Timing happens in the page because Node-side
 * timing would add CDP round trips and Playwright's polling to every figure: the clock starts at the
 * input event's own timeStamp (or at navigation start, performance.now()'s zero) and stops in the
 * requestAnimationFrame callback after a MutationObserver first sees the target, that is at the
 * start of the frame that paints it.
 */
const probeScript = (startup: Target[]) => `(() => {
  const shows = ({ selector, text }) => {
    const element = document.querySelector(selector);
    return element !== null && (text === undefined || element.textContent === text);
  };
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const whenShown = (targets) => new Promise((resolve) => {
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (!targets.every(shows)) return false;
      observer.disconnect();
      nextFrame().then(resolve);
      return true;
    };
    if (!check()) observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const probe = {
    shellShown: whenShown(${JSON.stringify(startup)}),
    result: undefined,
    arm(target) {
      probe.result = new Promise((resolve) => {
        const onInput = (event) => {
          // Ctrl+K arrives as a Control keydown first: the shortcut starts with the K.
          if (event.type === 'keydown' && ['Control', 'Meta', 'Shift', 'Alt'].includes(event.key)) return;
          removeEventListener('click', onInput, true);
          removeEventListener('keydown', onInput, true);
          whenShown([target]).then((end) => resolve(end - event.timeStamp));
        };
        addEventListener('click', onInput, true);
        addEventListener('keydown', onInput, true);
      });
    },
  };
  globalThis.__benchProbe = probe;
})();`;

export const addProbe = (context: BrowserContext, startup: Target[]) => context.addInitScript({ content: probeScript(startup) });

export const shellShownAt = (page: Page) => page.evaluate(() => (globalThis as unknown as ProbeScope).__benchProbe.shellShown);

/** A measurement that never ends (a heading renamed, say) fails the run instead of hanging it. */
export async function within<T>(promise: Promise<T>, what: () => string, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what()} (waited ${ms / 1000} s)`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Milliseconds from the input `act` performs to the first frame showing `target`. */
export async function timeInput(page: Page, target: Target, act: () => Promise<void>): Promise<number> {
  // Armed in its own round trip, so the listener is there before Playwright sends the input.
  await page.evaluate((t) => (globalThis as unknown as ProbeScope).__benchProbe.arm(t), target);
  await act();
  return within(
    page.evaluate(() => (globalThis as unknown as ProbeScope).__benchProbe.result!),
    () => `Nothing matching ${JSON.stringify(target)} came on screen`,
  );
}

/** Static import and export statements cannot stand inside a block; blanks of the same length keep the byte size. */
const withoutModuleStatements = (code: string) =>
  code.replace(/\bimport\s*\{[^}]*\}\s*from\s*"[^"]*";?|\bexport\s*\{[^}]*\};?/g, (statement) => ' '.repeat(statement.length));

/**
 * The startup baseline: a plain node:http server on loopback with a minimal page that fetches the
 * same bytes as the app (its initial scripts concatenated into one module, its stylesheets as one),
 * and puts the startup targets on screen once that module has been evaluated. The scripts sit in a
 * block that never runs, so V8 still parses and compiles them but none of our code executes: the
 * ratio is what running the app costs beyond fetching, parsing and compiling its bytes.
 */
export async function startBaselineServer(scripts: string[], css: string) {
  // One block per script: each keeps its own top-level names.
  const script = `if (globalThis.__benchNeverSet) {\n${scripts.map((code) => `{\n${withoutModuleStatements(code)}\n}`).join('\n')}\n}\n`;
  const page = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Baseline</title>
<script type="module" src="./baseline.js"></script><link rel="stylesheet" href="./baseline.css">
<script type="module">document.body.insertAdjacentHTML('beforeend', '<nav aria-label="Main"><a href="#">Documentation</a></nav><main><h1>Documentation</h1></main>');</script>
</head><body></body></html>`;
  const files: Record<string, [string, string]> = {
    '/': ['text/html', page],
    '/baseline.js': ['text/javascript', script],
    '/baseline.css': ['text/css', css],
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    response.writeHead(file ? 200 : 404, { 'content-type': `${file?.[0] ?? 'text/plain'}; charset=utf-8`, 'cache-control': 'no-store' });
    response.end(file?.[1] ?? 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    scriptBytes: Buffer.byteLength(script),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
