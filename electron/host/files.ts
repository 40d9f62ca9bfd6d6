import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { OpenedFile, SaveResult } from '@shared/host';
import { openFileSizeError, saveDialogFilters, withExtension } from '../policy/files';
import type { HostArguments } from '../policy/ipc';

type SaveFileRequest = HostArguments<'saveFile'>[0];
type OpenFileRequest = HostArguments<'openFile'>[0];

export async function saveFile(window: BrowserWindow, request: SaveFileRequest): Promise<SaveResult> {
  return saveWithDialog(window, request.suggestedName, Buffer.from(request.data, request.encoding));
}

export async function openFile(window: BrowserWindow, request: OpenFileRequest): Promise<OpenedFile | null> {
  const result = await dialog.showOpenDialog(window, {
    title: request.title,
    properties: ['openFile'],
    filters:
      request.extensions.length === 0
        ? []
        : [{ name: request.extensions.map((e) => e.toUpperCase()).join(', '), extensions: request.extensions }],
  });
  const filePath = result.filePaths[0];
  if (result.canceled || filePath === undefined) return null;
  const tooBig = openFileSizeError((await stat(filePath)).size);
  if (tooBig !== null) throw new Error(tooBig);
  return { name: path.basename(filePath), text: await readFile(filePath, 'utf8') };
}

/** Prints the page as it is now (the renderer lays it out with its print styles), then asks where to save. */
export async function printToPdf(window: BrowserWindow, suggestedName: string): Promise<SaveResult> {
  const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
  return saveWithDialog(window, withExtension(suggestedName, 'pdf'), pdf);
}

async function saveWithDialog(window: BrowserWindow, suggestedName: string, content: Buffer): Promise<SaveResult> {
  const result = await dialog.showSaveDialog(window, {
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: saveDialogFilters(suggestedName),
  });
  if (result.canceled || !result.filePath) return { saved: false };
  await writeFile(result.filePath, content);
  return { saved: true, path: result.filePath };
}
