import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SHORTCUTS } from './shortcuts';
import { useUi } from './ui-store';

/** The help dialog listing every keyboard shortcut. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  const { helpOpen, setHelpOpen } = useUi();
  return (
    <Dialog title={t('help.title')} isOpen={helpOpen} onOpenChange={setHelpOpen}>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>{t(`shortcut.${s.id}`)}</td>
              <td>
                {s.keys.map((k, i) => (
                  <span key={i}>
                    {i > 0 && ' '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <Button slot="close" onPress={() => setHelpOpen(false)}>{t('action.close')}</Button>
      </div>
    </Dialog>
  );
}
