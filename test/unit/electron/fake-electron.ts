import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of the `electron` module the main process uses,
 * recording what main.ts does with them, so its wiring can be tested in Node
 * where no Electron binary exists. Tests reach the records through `fake`.
 */
type Handler = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly focus = vi.fn();
  readonly show = vi.fn();
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  isMaximized = () => true;
  restore = vi.fn();
  maximize = vi.fn();
  getNormalBounds = () => ({ x: 40, y: 30, width: 1200, height: 780 });
}

export class Notification extends EventEmitter {
  static isSupported = () => true;
  static readonly shown: { title: string; body: string }[] = [];
  constructor(private readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    Notification.shown.push(this.options);
  }
}

export const fake = {
  appRoot: '',
  userData: '',
  appEvents: new EventEmitter(),
  ipcHandlers: new Map<string, Handler>(),
  protocolHandler: null as ((request: Request) => Promise<Response>) | null,
  permissionRequestHandler: null as Handler | null,
  permissionCheckHandler: null as Handler | null,
  encryptionAvailable: true,
  linuxBackend: 'gnome_libsecret',
};

export const app = {
  isPackaged: false,
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: () => true,
  on: (event: string, listener: (...args: unknown[]) => void) => fake.appEvents.on(event, listener),
  whenReady: () => Promise.resolve(),
  getAppPath: () => fake.appRoot,
  getPath: (name: string) => (name === 'documents' ? `${fake.userData}/Documents` : fake.userData),
  getVersion: () => '0.1.0',
  getPreferredSystemLanguages: () => ['pl-PL', 'en-US'],
  setAppUserModelId: vi.fn(),
  setAboutPanelOptions: vi.fn(),
  quit: vi.fn(),
  exit: vi.fn(),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
    fake.protocolHandler = handler;
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Handler) => {
      fake.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler: (handler: Handler) => {
      fake.permissionCheckHandler = handler;
    },
  },
};

export const ipcMain = {
  handle: (channel: string, handler: Handler) => {
    fake.ipcHandlers.set(channel, handler);
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: vi.fn(),
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
};

export const safeStorage = {
  isEncryptionAvailable: () => fake.encryptionAvailable,
  getSelectedStorageBackend: () => fake.linuxBackend,
  // Reversible but not plain text, like the real thing.
  encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
};

const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea }),
  getAllDisplays: () => [{ id: 1, workArea }],
};

export const nativeTheme = { shouldUseDarkColors: false };
