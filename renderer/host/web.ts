import type { HostApi, SaveResult } from '@shared/host';

// The payload schemas (and the validation library) load on first use, not at start-up.
const schemas = () => import('@shared/host');

/**
 * The host API in a plain browser: downloads instead of save dialogs, the
 * print dialog for PDF, the Notification API, and sessionStorage-free secrets
 * (a browser has no safe place for them, so they live only in memory).
 */
function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const secrets = new Map<string, string>();

export const webHost: HostApi = {
  kind: 'web',
  appVersion: async () => __APP_VERSION__,
  async saveFile(request): Promise<SaveResult> {
    const { suggestedName, mimeType, data, encoding } = (await schemas()).saveFileRequestSchema.parse(request);
    const bytes = encoding === 'base64' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : data;
    download(suggestedName, new Blob([bytes], { type: mimeType }));
    return { saved: true, path: null };
  },
  openFile: ({ extensions }) =>
    new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = extensions.map((e) => `.${e}`).join(',');
      input.addEventListener('change', async () => {
        const file = input.files?.[0];
        resolve(file ? { name: file.name, text: await file.text() } : null);
      });
      input.addEventListener('cancel', () => resolve(null));
      input.click();
    }),
  async printToPdf() {
    window.print();
    return { saved: false };
  },
  async notify(request) {
    const { title, body } = (await schemas()).notificationRequestSchema.parse(request);
    if (!('Notification' in window)) return;
    if (Notification.permission === 'default') await Notification.requestPermission();
    if (Notification.permission === 'granted') new Notification(title, { body });
  },
  async composeEmail(request) {
    const { mailtoUrl, composeEmailRequestSchema } = await schemas();
    window.location.href = mailtoUrl(composeEmailRequestSchema.parse(request));
  },
  async openExternal(url) {
    window.open((await schemas()).externalUrlSchema.parse(url), '_blank', 'noopener,noreferrer');
  },
  getSecret: async (key) => secrets.get(key) ?? null,
  async setSecret(key, value) {
    if (value === null) secrets.delete(key);
    else secrets.set(key, value);
  },
};
