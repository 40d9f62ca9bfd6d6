import { z } from 'zod';

/**
 * The host API: everything the renderer may ask of the machine it runs on.
 * Electron implements it in electron/preload.ts (over validated IPC), the
 * browser in renderer/host/web.ts. The renderer reaches it only through
 * renderer/host/. Each payload has a zod schema; the main process validates
 * every IPC call with the same schema.
 */

// No path separators, characters Windows forbids, or control characters.
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20), { error: 'fileName.invalid' });

export const saveFileRequestSchema = z.object({
  suggestedName: fileName,
  mimeType: z.string().min(1).max(100),
  /** Text content (JSON, CSV) or base64 for binary when `encoding` is 'base64'. */
  data: z.string().max(200 * 1024 * 1024),
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
});
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;

export const openFileRequestSchema = z.object({
  title: z.string().max(200),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(10),
});
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>;
export type OpenedFile = { name: string; text: string };

export const notificationRequestSchema = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
});
export type NotificationRequest = z.infer<typeof notificationRequestSchema>;

/**
 * A message for the user's own mail client to open as a draft (nothing is
 * sent by the app). Only plain addresses, a subject and a text body: the
 * mailto: link is built from them by the host, never taken from the page.
 */
export const composeEmailRequestSchema = z.object({
  to: z.array(z.email()).max(20),
  subject: z.string().max(300),
  body: z.string().max(20_000),
});
export type ComposeEmailRequest = z.infer<typeof composeEmailRequestSchema>;

/** The mailto: link of a draft (RFC 6068): addresses and fields percent-encoded, line breaks as CRLF. */
export function mailtoUrl({ to, subject, body }: ComposeEmailRequest): string {
  const crlf = body.replace(/\r?\n/g, '\r\n');
  return `mailto:${to.map(encodeURIComponent).join(',')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

/** Only https links leave the app, and only to the system browser. */
export const externalUrlSchema = z.url({ protocol: /^https$/, error: 'url.notHttps' }).max(2048);

export const secretKeySchema = z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/);
export const secretValueSchema = z.string().max(8192);

export type SaveResult = { saved: true; path: string | null } | { saved: false };

export type HostApi = {
  /** 'electron' or 'web': for wording only ("Save as…" vs "Download"). */
  readonly kind: 'electron' | 'web';
  appVersion(): Promise<string>;
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /** null when the user cancels. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  printToPdf(suggestedName: string): Promise<SaveResult>;
  notify(request: NotificationRequest): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** Opens a draft in the user's mail client. */
  composeEmail(request: ComposeEmailRequest): Promise<void>;
  getSecret(key: string): Promise<string | null>;
  setSecret(key: string, value: string | null): Promise<void>;
  /**
   * Electron only: the application menu's commands. Returns the unsubscribe
   * function. The browser has no application menu, so it leaves this out.
   */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
};

/** What the application menu asks of the renderer; everything else it does natively. */
export const MENU_COMMANDS = ['new-account', 'import-backup', 'export-backup', 'keyboard-shortcuts'] as const;
export const menuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** The one channel on which the main process sends menu commands to the renderer. */
export const MENU_CHANNEL = 'menu:command';

/** The IPC channel of each host call; preload and main agree on them here. */
export const HOST_CHANNELS = {
  appVersion: 'host:app-version',
  saveFile: 'host:save-file',
  openFile: 'host:open-file',
  printToPdf: 'host:print-to-pdf',
  notify: 'host:notify',
  openExternal: 'host:open-external',
  composeEmail: 'host:compose-email',
  getSecret: 'host:get-secret',
  setSecret: 'host:set-secret',
} as const satisfies Record<Exclude<keyof HostApi, 'kind' | 'onMenuCommand'>, string>;

export { HOST_GLOBAL } from './host-global';

