import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Command, Keyboard } from 'lucide-react';
import type { AppCommand } from '../ui/contribution';
import { CONTRIBUTIONS } from './features';
import { useUi } from './ui-store';

/** The shell's own commands; the features contribute the rest. */
const SHELL_COMMANDS: readonly AppCommand[] = [
  { id: 'shortcuts', icon: Keyboard, label: 'palette:action.shortcuts', keywords: 'palette:keywords.shortcuts', keys: ['?'], run: () => useUi.getState().setHelpOpen(true) },
];
const PALETTE: AppCommand = { id: 'palette', icon: Command, label: 'common:palette.open', keywords: '', run: () => useUi.getState().setPaletteOpen(true) };

/** Every command the palette offers, in its order: the features', then the shell's. */
export const PALETTE_COMMANDS: readonly AppCommand[] = [...CONTRIBUTIONS.commands, ...SHELL_COMMANDS];

const BY_ID = new Map([...PALETTE_COMMANDS, PALETTE].map((c) => [c.id, c]));

/**
 * Runs the app's commands by id, the same way from the command palette, the
 * keyboard shortcuts and the desktop menu. An unknown id does nothing.
 */
export function useAppCommands(): (id: string) => void {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (id) => BY_ID.get(id)?.run({ t, navigate: (to) => void navigate(to) });
}
