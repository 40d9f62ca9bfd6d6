import { z } from 'zod';

export type Rectangle = { x: number; y: number; width: number; height: number };

/** Where the window was; without a position the window is centred. */
export type WindowState = {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
};

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** How much of the window's top strip must be on a display for the user to grab it. */
const GRAB_STRIP = { width: 120, height: 32 } as const;

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { ...DEFAULT_SIZE }, maximized: false };

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const storedStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: length,
  height: length,
  maximized: z.boolean().default(false),
});

/** Reads the stored file's text; anything unreadable gives the default state. */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return DEFAULT_WINDOW_STATE;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const parsed = storedStateSchema.safeParse(json);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const { x, y, width, height, maximized } = parsed.data;
  // A position needs both coordinates.
  const position = x !== undefined && y !== undefined ? { x, y } : {};
  return { bounds: { ...position, width, height }, maximized };
}

export function serializeWindowState(bounds: Rectangle, maximized: boolean): string {
  return JSON.stringify({ ...bounds, maximized });
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Fits a remembered state to the displays there are now (their work areas,
 * primary first). A window whose title strip is on no display, say because
 * that monitor was unplugged, is centred on the primary display instead. The
 * size never exceeds the chosen display nor goes below the minimum.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0];
  if (primary === undefined) return state;
  const { x, y } = state.bounds;
  let home: Rectangle | undefined;
  if (x !== undefined && y !== undefined) {
    const strip = { x, y, width: state.bounds.width, height: GRAB_STRIP.height };
    home = workAreas.find((area) => {
      const visible = overlap(strip, area);
      return visible.width >= Math.min(GRAB_STRIP.width, state.bounds.width) && visible.height >= GRAB_STRIP.height;
    });
  }
  const display = home ?? primary;
  const width = clamp(state.bounds.width, MIN_SIZE.width, display.width);
  const height = clamp(state.bounds.height, MIN_SIZE.height, display.height);
  if (home === undefined || x === undefined || y === undefined) {
    return { bounds: { width, height }, maximized: state.maximized };
  }
  // Keep the remembered position, pulled in just enough to fit on its display.
  return {
    bounds: {
      x: clamp(x, display.x, display.x + display.width - width),
      y: clamp(y, display.y, display.y + display.height - height),
      width,
      height,
    },
    maximized: state.maximized,
  };
}

/** Bounded below by min, above by max; a display smaller than the minimum wins. */
function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
