import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is saved between runs. Read back through the schema: the file may be damaged or hand-edited. */
export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface WindowSizeLimits {
  defaultWidth: number;
  defaultHeight: number;
  minWidth: number;
  minHeight: number;
}

// The title bar must stay reachable: at least this much of the window's top strip on some screen.
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 32;

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clampSize(width: number, height: number, area: Rect, limits: WindowSizeLimits) {
  return {
    width: Math.max(Math.min(width, area.width), Math.min(limits.minWidth, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(limits.minHeight, area.height)),
  };
}

/**
 * Where to open the window, given what was saved and the screens' work areas now. A window that
 * was on a monitor since unplugged, or whose title bar would be off-screen, moves onto the screen
 * it overlaps most (or the primary one) and shrinks to fit; otherwise it opens where it was.
 */
export function restoreWindowBounds(saved: unknown, workAreas: readonly Rect[], limits: WindowSizeLimits): { bounds: Rect; maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: limits.defaultWidth, height: limits.defaultHeight };
  const parsed = WindowStateSchema.safeParse(saved);
  const centred = (area: Rect, width: number, height: number): Rect => {
    const size = clampSize(width, height, area, limits);
    return { x: Math.round(area.x + (area.width - size.width) / 2), y: Math.round(area.y + (area.height - size.height) / 2), ...size };
  };
  if (!parsed.success) return { bounds: centred(primary, limits.defaultWidth, limits.defaultHeight), maximized: false };

  const state = parsed.data;
  const titleBar: Rect = { x: state.x, y: state.y, width: Math.min(state.width, GRAB_WIDTH), height: GRAB_HEIGHT };
  const reachable = workAreas.some((area) => {
    const grab = overlap(titleBar, area);
    return grab >= Math.min(GRAB_WIDTH * GRAB_HEIGHT, titleBar.width * titleBar.height) * 0.5 && state.y >= area.y;
  });
  const best = [...workAreas].sort((a, b) => overlap(state, b) - overlap(state, a))[0] ?? primary;
  const home = overlap(state, best) > 0 ? best : primary;
  if (!reachable) return { bounds: centred(home, state.width, state.height), maximized: state.maximized };

  const size = clampSize(state.width, state.height, home, limits);
  // Pull the window fully inside the screen it is mostly on.
  const x = Math.min(Math.max(state.x, home.x), home.x + home.width - size.width);
  const y = Math.min(Math.max(state.y, home.y), home.y + home.height - size.height);
  return { bounds: { x, y, ...size }, maximized: state.maximized };
}
