import type { HostApi, MenuCommand } from '@shared/host';
import { HOST_GLOBAL } from '@shared/host-global';
import { webHost } from './web';

// Declaration merging needs an interface here.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare global {
  interface Window {
    [HOST_GLOBAL]?: HostApi;
  }
}

/** The host the app runs in: Electron's preload when present, else the browser. */
export const host: HostApi = window[HOST_GLOBAL] ?? webHost;

/** Subscribes to the desktop menu's commands; a no-op in the browser. Returns the unsubscribe. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return host.onMenuCommand?.(listener) ?? (() => {});
}
