import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { HOST_CHANNELS, type HostApi } from '@shared/host';
import { isTrustedSender, parseHostCall, type HostArguments, type HostMethod } from './policy/ipc';

type HostResult<M extends HostMethod> = Awaited<ReturnType<HostApi[M]>>;

export type HostHandlers = {
  [M in HostMethod]: (window: BrowserWindow, ...args: HostArguments<M>) => HostResult<M> | Promise<HostResult<M>>;
};

/**
 * The one choke point of the renderer's calls: every host channel checks
 * that the call comes from the app window's top frame on the app origin and
 * validates its arguments with the contract's schema before the handler runs.
 */
export function registerHostHandlers(getAppWindow: () => BrowserWindow | null, handlers: HostHandlers): void {
  for (const method of Object.keys(HOST_CHANNELS) as HostMethod[]) {
    register(method, getAppWindow, handlers[method]);
  }
}

function register<M extends HostMethod>(
  method: M,
  getAppWindow: () => BrowserWindow | null,
  handler: HostHandlers[M],
): void {
  const channel = HOST_CHANNELS[method];
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const window = getAppWindow();
    const frame = event.senderFrame;
    const trusted = isTrustedSender({
      frameUrl: frame?.url ?? null,
      isMainFrame: frame !== null && frame.parent === null,
      fromAppWindow: window !== null && !window.isDestroyed() && event.sender === window.webContents,
    });
    if (!trusted || window === null) throw new Error(`Refused ${channel}: the call does not come from the TAM Desk window.`);
    const parsed = parseHostCall(method, args);
    if (!parsed.ok) throw new Error(parsed.error);
    return handler(window, ...parsed.args);
  });
}
