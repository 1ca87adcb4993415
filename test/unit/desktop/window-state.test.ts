import { describe, expect, it } from 'vitest';
import { restoreWindowBounds, type Rect } from '../../../main/services/desktop/window-state';

const limits = { defaultWidth: 1280, defaultHeight: 820, minWidth: 900, minHeight: 600 };
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 870 };
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };
const inside = (r: Rect, area: Rect) => r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

describe('window size and position', () => {
  it('opens where it was closed when that screen is still there', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    expect(restoreWindowBounds(saved, [laptop, external], limits)).toEqual({ bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: false });
  });

  it('moves onto the remaining screen after the external monitor is unplugged, and shrinks to fit', () => {
    const saved = { x: 1600, y: 100, width: 2000, height: 1200, maximized: true };
    const { bounds, maximized } = restoreWindowBounds(saved, [laptop], limits);
    expect(inside(bounds, laptop)).toBe(true);
    expect(bounds).toMatchObject({ width: 1440, height: 870 });
    expect(maximized).toBe(true);
  });

  it('pulls a window whose title bar was above the top of the screen back down', () => {
    const { bounds } = restoreWindowBounds({ x: 100, y: -300, width: 1000, height: 700, maximized: false }, [laptop], limits);
    expect(inside(bounds, laptop)).toBe(true);
  });

  it('keeps a window that hangs a little off the edge on that screen, fully visible', () => {
    const { bounds } = restoreWindowBounds({ x: 1000, y: 300, width: 1000, height: 700, maximized: false }, [laptop, external], limits);
    expect(inside(bounds, laptop) || inside(bounds, external)).toBe(true);
  });

  it('uses a secondary screen at negative coordinates (monitor left of the primary)', () => {
    const left: Rect = { x: -1920, y: 0, width: 1920, height: 1080 };
    const saved = { x: -1800, y: 50, width: 1200, height: 800, maximized: false };
    expect(restoreWindowBounds(saved, [laptop, left], limits).bounds).toEqual({ x: -1800, y: 50, width: 1200, height: 800 });
  });

  it('centres the default size on the primary screen when nothing (or garbage) was saved', () => {
    for (const saved of [undefined, null, { x: 'a' }, { x: 1, y: 1, width: -5, height: 10, maximized: false }]) {
      expect(restoreWindowBounds(saved, [laptop, external], limits)).toEqual({ bounds: { x: 80, y: 25, width: 1280, height: 820 }, maximized: false });
    }
  });

  it('never goes below the minimum size unless the screen itself is smaller', () => {
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 };
    const { bounds } = restoreWindowBounds({ x: 0, y: 0, width: 300, height: 200, maximized: false }, [tiny], limits);
    expect(bounds).toEqual({ x: 0, y: 0, width: 800, height: 560 });
    const { bounds: normal } = restoreWindowBounds({ x: 0, y: 0, width: 300, height: 200, maximized: false }, [laptop], limits);
    expect(normal).toMatchObject({ width: 900, height: 600 });
  });
});
