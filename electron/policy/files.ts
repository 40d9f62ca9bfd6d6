/** The largest file openFile reads: a year of a big account's bounce logs fits well within it. */
const OPEN_FILE_MAX_BYTES = 50 * 1024 * 1024;

export type FileFilter = { name: string; extensions: string[] };

/** The save dialog offers the suggested name's own type, e.g. "CSV (*.csv)". */
export function saveDialogFilters(suggestedName: string): FileFilter[] {
  const extension = extensionOf(suggestedName);
  return extension === '' ? [] : [{ name: extension.toUpperCase(), extensions: [extension] }];
}

/** `plan` -> `plan.pdf`; a name that already ends in `.pdf` (any case) is kept. */
export function withExtension(name: string, extension: string): string {
  return extensionOf(name) === extension.toLowerCase() ? name : `${name}.${extension}`;
}

export function openFileSizeError(sizeInBytes: number): string | null {
  if (sizeInBytes <= OPEN_FILE_MAX_BYTES) return null;
  const megabytes = (sizeInBytes / 1024 / 1024).toFixed(1);
  return `The file is ${megabytes} MB; files over ${OPEN_FILE_MAX_BYTES / 1024 / 1024} MB cannot be opened.`;
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match?.[1]?.toLowerCase() ?? '';
}
