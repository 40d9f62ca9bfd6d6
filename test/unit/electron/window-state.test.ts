import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  MIN_SIZE,
  fitToDisplays,
  parseWindowState,
  serializeWindowState,
  type WindowState,
} from '../../../electron/policy/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1415 };

const at = (x: number, y: number, width = 1280, height = 800, maximized = false): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('parseWindowState', () => {
  it('reads back what serializeWindowState wrote', () => {
    const text = serializeWindowState({ x: 100, y: 80, width: 1300, height: 820 }, true);
    expect(parseWindowState(text)).toEqual(at(100, 80, 1300, 820, true));
  });

  it('gives the default 1280x800 for a missing, corrupt or hostile file', () => {
    for (const text of [null, '', '{', 'null', '[]', '"x"', '{"width":"1280","height":800}', '{"width":-5,"height":800}',
      '{"width":1e309,"height":800}', '{"width":1280.5,"height":800}', '{"x":1e12,"y":0,"width":1280,"height":800}']) {
      expect(parseWindowState(text), String(text)).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false });
    }
  });

  it('drops a position that has only one coordinate, and defaults maximized', () => {
    expect(parseWindowState('{"x":10,"width":1000,"height":700}')).toEqual({
      bounds: { width: 1000, height: 700 },
      maximized: false,
    });
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is on a display', () => {
    expect(fitToDisplays(at(100, 50), [laptop])).toEqual(at(100, 50));
    expect(fitToDisplays(at(2000, 200, 1600, 1000, true), [laptop, monitorOnTheRight])).toEqual(
      at(2000, 200, 1600, 1000, true),
    );
  });

  it('centres on the primary display a window left on a monitor that is gone', () => {
    expect(fitToDisplays(at(2000, 200, 1600, 1000, true), [laptop])).toEqual({
      bounds: { width: 1440, height: 875 },
      maximized: true,
    });
  });

  it('centres a window whose title bar is off screen, where it cannot be grabbed', () => {
    expect(fitToDisplays(at(100, -400), [laptop])).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false });
    expect(fitToDisplays(at(1400, 100), [laptop])).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false });
  });

  it('pulls a partly visible window fully onto its display', () => {
    expect(fitToDisplays(at(1000, 300), [laptop])).toEqual(at(160, 75));
  });

  it('shrinks a window larger than its display, and never below the minimum', () => {
    expect(fitToDisplays(at(0, 0, 3000, 2000), [laptop])).toEqual(at(0, 0, 1440, 875));
    expect(fitToDisplays(at(10, 10, 200, 100), [laptop])).toEqual(at(10, 10, MIN_SIZE.width, MIN_SIZE.height));
  });

  it('lets a display smaller than the minimum win', () => {
    const tiny = { x: 0, y: 0, width: 640, height: 480 };
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [tiny])).toEqual({ bounds: { width: 640, height: 480 }, maximized: false });
  });

  it('handles displays left of and above the primary one (negative coordinates)', () => {
    const leftMonitor = { x: -1920, y: -200, width: 1920, height: 1080 };
    expect(fitToDisplays(at(-1800, -150), [laptop, leftMonitor])).toEqual(at(-1800, -150));
  });

  it('leaves the state alone when no display is known', () => {
    expect(fitToDisplays(at(5000, 5000), [])).toEqual(at(5000, 5000));
  });
});
