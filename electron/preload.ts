import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { HOST_CHANNELS, HOST_GLOBAL, MENU_CHANNEL, menuCommandSchema, type HostApi } from '@shared/host';

/**
 * The host API over IPC, and nothing else: no ipcRenderer, no event objects
 * reach the page. The main process validates every call again; this side
 * only forwards.
 */
const api = {
  kind: 'electron',
  appVersion: () => ipcRenderer.invoke(HOST_CHANNELS.appVersion),
  saveFile: (request) => ipcRenderer.invoke(HOST_CHANNELS.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(HOST_CHANNELS.openFile, request),
  printToPdf: (suggestedName) => ipcRenderer.invoke(HOST_CHANNELS.printToPdf, suggestedName),
  notify: (request) => ipcRenderer.invoke(HOST_CHANNELS.notify, request),
  openExternal: (url) => ipcRenderer.invoke(HOST_CHANNELS.openExternal, url),
  composeEmail: (request) => ipcRenderer.invoke(HOST_CHANNELS.composeEmail, request),
  getSecret: (key) => ipcRenderer.invoke(HOST_CHANNELS.getSecret, key),
  setSecret: (key, value) => ipcRenderer.invoke(HOST_CHANNELS.setSecret, key, value),
  onMenuCommand: (listener) => {
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      const parsed = menuCommandSchema.safeParse(command);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
} satisfies HostApi;

contextBridge.exposeInMainWorld(HOST_GLOBAL, api);
