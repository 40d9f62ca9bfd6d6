import { z } from 'zod';
import {
  HOST_CHANNELS,
  composeEmailRequestSchema,
  externalUrlSchema,
  notificationRequestSchema,
  openFileRequestSchema,
  saveFileRequestSchema,
  secretKeySchema,
  secretValueSchema,
} from '@shared/host';
import { isAppUrl } from './app-origin';

export type HostMethod = keyof typeof HOST_CHANNELS;

/**
 * The arguments of each host call, as a tuple: exactly these, nothing more.
 * The same schemas as the contract in shared/host.ts.
 */
export const HOST_ARGUMENTS = {
  appVersion: z.tuple([]),
  saveFile: z.tuple([saveFileRequestSchema]),
  openFile: z.tuple([openFileRequestSchema]),
  printToPdf: z.tuple([saveFileRequestSchema.shape.suggestedName]),
  notify: z.tuple([notificationRequestSchema]),
  openExternal: z.tuple([externalUrlSchema]),
  composeEmail: z.tuple([composeEmailRequestSchema]),
  getSecret: z.tuple([secretKeySchema]),
  setSecret: z.tuple([secretKeySchema, secretValueSchema.nullable()]),
} as const satisfies Record<HostMethod, z.ZodType<unknown[]>>;

export type HostArguments<M extends HostMethod> = z.output<(typeof HOST_ARGUMENTS)[M]>;

export type ParsedHostCall<M extends HostMethod> = { ok: true; args: HostArguments<M> } | { ok: false; error: string };

/** Validates one call's arguments; the error names the channel and every problem. */
export function parseHostCall<M extends HostMethod>(method: M, args: readonly unknown[]): ParsedHostCall<M> {
  const parsed = HOST_ARGUMENTS[method].safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data as HostArguments<M> };
  const problems = parsed.error.issues.map((issue) => `${['args', ...issue.path].join('.')}: ${issue.message}`);
  return { ok: false, error: `Invalid arguments for ${HOST_CHANNELS[method]}: ${problems.join('; ')}` };
}

/** What the main process knows of an IPC message's sender. */
export type IpcSender = {
  /** The sending frame's URL; null when the frame is already gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
  /** Whether the message came from the app's own window. */
  fromAppWindow: boolean;
};

/** Only the top frame of our window, showing our own origin, may call the host. */
export function isTrustedSender(sender: IpcSender): boolean {
  return sender.fromAppWindow && sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl);
}
