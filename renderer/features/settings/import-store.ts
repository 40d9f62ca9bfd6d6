import { create } from 'zustand';
import { parseBackup, type BackupProblem } from '@shared/backup';
import { db } from '../../data/database';
import { importBackup, previewImport, type BackupTables, type ImportSummary } from '../../data/backup-import';
import { host } from '../../host';

/**
 * The import flow's UI state: choose a file, then either show why it was
 * refused or ask for confirmation, then import. It lives in a store (not in
 * the Settings page) so the command palette and the application menu can
 * start it too; the Settings page shows its dialogs.
 */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'refused'; fileName: string; problems: BackupProblem[] }
  | { phase: 'confirm' | 'importing'; fileName: string; exportedAt: string; tables: BackupTables; preview: ImportSummary }
  | { phase: 'failed'; fileName: string; reason: string };

type ImportStore = {
  state: ImportState;
  /** Asks the host for a file; `title` is the (translated) title of the open dialog. */
  start: (title: string) => Promise<void>;
  /** Runs the confirmed import; resolves with what it did, or null if it failed. */
  confirm: () => Promise<ImportSummary | null>;
  reset: () => void;
};

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useImport = create<ImportStore>((set, get) => ({
  state: { phase: 'idle' },
  async start(title) {
    const file = await host.openFile({ title, extensions: ['json'] });
    if (!file) return;
    const parsed = parseBackup(file.text);
    if (!parsed.ok) {
      set({ state: { phase: 'refused', fileName: file.name, problems: parsed.problems } });
      return;
    }
    try {
      const preview = await previewImport(db, parsed.tables);
      set({ state: { phase: 'confirm', fileName: file.name, exportedAt: parsed.exportedAt, tables: parsed.tables, preview } });
    } catch (error) {
      set({ state: { phase: 'failed', fileName: file.name, reason: reasonOf(error) } });
    }
  },
  async confirm() {
    const { state } = get();
    if (state.phase !== 'confirm') return null;
    set({ state: { ...state, phase: 'importing' } });
    try {
      const summary = await importBackup(db, state.tables);
      set({ state: { phase: 'idle' } });
      return summary;
    } catch (error) {
      set({ state: { phase: 'failed', fileName: state.fileName, reason: reasonOf(error) } });
      return null;
    }
  },
  reset: () => set({ state: { phase: 'idle' } }),
}));
