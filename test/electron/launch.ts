import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from '@playwright/test';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const mainBundle = path.join(projectRoot, 'dist-electron', 'main.cjs');

/** Why these tests cannot run here, or null when they can. */
export function cannotRunReason(): string | null {
  const binary = electronBinary();
  if ('missing' in binary) return `Electron binary not installed here: ${binary.missing} (npm start fetches it at first launch)`;
  if (!existsSync(mainBundle)) return 'the app is not built: run npm run build first';
  return null;
}

function electronBinary(): { path: string } | { missing: string } {
  try {
    // The electron package exports its binary's path and throws when it was never downloaded.
    const binary = createRequire(import.meta.url)('electron') as string;
    return existsSync(binary) ? { path: binary } : { missing: `nothing at ${binary}` };
  } catch {
    return { missing: 'the electron package has no downloaded binary' };
  }
}

export type LaunchedApp = { app: ElectronApplication; close(): Promise<void> };

/** Starts the built app with a fresh, throw-away profile (user data, window state, secrets). */
export async function launchApp(): Promise<LaunchedApp> {
  const binary = electronBinary();
  if ('missing' in binary) throw new Error(binary.missing);
  const profile = mkdtempSync(path.join(tmpdir(), 'tam-desk-electron-test-'));
  const app = await _electron.launch({
    executablePath: binary.path,
    // Chromium refuses to run as root with its sandbox; only CI containers run tests as root.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectRoot],
    cwd: projectRoot,
    // userData lives under these on Linux, Windows and macOS.
    env: { ...process.env, XDG_CONFIG_HOME: profile, APPDATA: profile, HOME: profile },
  });
  return {
    app,
    close: async () => {
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
