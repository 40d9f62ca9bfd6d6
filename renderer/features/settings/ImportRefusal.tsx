import { useTranslation } from 'react-i18next';
import type { BackupProblem } from '@shared/backup';
import { Button } from '../../ui/Button';
import { describeProblem, refusalReason } from './backup-problems';

type Props = { fileName: string; problems: readonly BackupProblem[]; onDismiss: () => void };

const SHOWN = 5;

/** Why a backup file was refused: the first problems, where they are, and that nothing changed. */
export function ImportRefusal({ fileName, problems, onDismiss }: Props) {
  const { t } = useTranslation('settings');
  const listed = problems.length > 1 ? problems.slice(0, SHOWN) : [];
  return (
    <div role="alert" className="callout danger">
      <p className="callout-title">{t('backup.refused', { reason: refusalReason(t, problems) })}</p>
      <p className="muted mono">{fileName}</p>
      {listed.length > 0 && (
        <ul>
          {listed.map((p, i) => (
            <li key={i}>{describeProblem(t, p)}</li>
          ))}
          {problems.length > SHOWN && <li className="muted">{t('backup.moreProblems', { count: problems.length - SHOWN })}</li>}
        </ul>
      )}
      <p>{t('backup.refusedHelp')}</p>
      <div>
        <Button size="small" onPress={onDismiss}>
          {t('backup.dismiss')}
        </Button>
      </div>
    </div>
  );
}
