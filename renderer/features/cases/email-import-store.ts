import { create } from 'zustand';
import type { EmailImportError, ImportedEmail } from '@shared/cases/email';
import { db } from '../../data/database';
import { host } from '../../host';

/**
 * The email import's UI state: an .eml file (dropped on the window or chosen
 * from the Cases screen) parsed and waiting for the TAM to say what it
 * becomes, or refused with the reason. It lives in a store so that the drop
 * anywhere in the app and the button on the Cases screen open the same
 * dialog, mounted once in the app shell.
 */
export type EmailImportState =
  | { phase: 'closed' }
  | { phase: 'refused'; id: number; fileName: string; error: EmailImportError }
  | { phase: 'ready'; id: number; fileName: string; email: ImportedEmail; guessedAccountId: string | null };

type EmailImportStore = {
  state: EmailImportState;
  /** Parses a file's content and opens the dialog with the email, or with why it is refused. */
  open: (fileName: string, source: ArrayBuffer | Uint8Array | string) => Promise<void>;
  /** Asks the host for an .eml file; `title` is the (translated) title of the open dialog. */
  choose: (title: string) => Promise<void>;
  close: () => void;
};

// The latest file wins when two are read at once.
let latest = 0;

export const useEmailImport = create<EmailImportStore>((set) => ({
  state: { phase: 'closed' },
  async open(fileName, source) {
    const id = ++latest;
    // The parser (postal-mime) loads on the first import, not at start-up.
    const { parseEmail, guessAccount } = await import('@shared/cases/email');
    const parsed = await parseEmail(source);
    if (!parsed.ok) {
      if (id === latest) set({ state: { phase: 'refused', id, fileName, error: parsed.error } });
      return;
    }
    const accounts = (await db.accounts.toArray()).filter((a) => !a.archivedAt && !a.deletedAt);
    const guessed = guessAccount(parsed.email, accounts);
    if (id === latest) set({ state: { phase: 'ready', id, fileName, email: parsed.email, guessedAccountId: guessed?.id ?? null } });
  },
  async choose(title) {
    const file = await host.openFile({ title, extensions: ['eml'] });
    if (file) await useEmailImport.getState().open(file.name, file.text);
  },
  close: () => {
    latest++;
    set({ state: { phase: 'closed' } });
  },
}));
