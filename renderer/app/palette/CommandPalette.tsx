import { useTranslation } from 'react-i18next';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import { useUi } from '../ui-store';
import { PaletteCommands } from './PaletteCommands';

/**
 * The command palette (Ctrl/Cmd+K): jump to an account or run an action.
 * cmdk provides the combobox and list; the dialog around it is React Aria's,
 * like every other dialog in the app, so it is labelled, traps focus, closes
 * on Escape or a click outside, and gives focus back to where it was.
 */
export function CommandPalette() {
  const { t } = useTranslation('palette');
  const open = useUi((s) => s.paletteOpen);
  const setOpen = useUi((s) => s.setPaletteOpen);
  return (
    <ModalOverlay isOpen={open} onOpenChange={setOpen} isDismissable className="react-aria-ModalOverlay palette-overlay">
      <Modal className="react-aria-Modal palette-modal">
        <Dialog aria-label={t('title')} className="palette-dialog">
          <PaletteCommands onClose={() => setOpen(false)} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
