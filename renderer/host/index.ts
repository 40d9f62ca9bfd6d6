import { HOST_GLOBAL, type HostApi } from '@shared/host';
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
