import type { Manifest } from '../../shared/api/docs';

/** Building blocks of the deterministic demo libraries (English and Chinese). */
export interface DemoLibrary {
  manifest: Manifest;
  files: Map<string, Buffer>;
}

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function figure(label: string, hue: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120"><rect width="320" height="120" rx="8" fill="hsl(${hue},45%,92%)" stroke="hsl(${hue},45%,40%)"/><text x="160" y="66" font-family="sans-serif" font-size="16" text-anchor="middle" fill="hsl(${hue},45%,25%)">${escape(label)}</text></svg>`,
  );
}

export function addTopic(files: Map<string, Buffer>, topics: Manifest['topics'], id: string, title: string, body: string, lang = 'en'): void {
  const file = `topics/${id}.html`;
  files.set(file, Buffer.from(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>\n${body}\n</body></html>\n`));
  topics.push({ id, title, file });
}
