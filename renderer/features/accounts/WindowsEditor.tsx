import { Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { BusinessWindow, IsoDay } from '@shared/calendar/business-calendar';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';

type Props = {
  windows: BusinessWindow[];
  onChange: (windows: BusinessWindow[]) => void;
  /** Prefix of this list's error keys, e.g. 'weekly' or 'changes.0.weekly'. */
  errorPath: string;
  errorFor: (key: string) => string | undefined;
  label: string;
};

const DAYS: IsoDay[] = [1, 2, 3, 4, 5, 6, 7];

/** Weekly business windows: a day, a start and an end per row (several a day for a lunch break). */
export function WindowsEditor({ windows, onChange, errorPath, errorFor, label }: Props) {
  const { t } = useTranslation('accounts');
  const set = (i: number, patch: Partial<BusinessWindow>) => onChange(windows.map((w, k) => (k === i ? { ...w, ...patch } : w)));
  const dayOptions = DAYS.map((d) => ({ id: String(d), label: t(`day.${d}`) }));
  return (
    <div className="list-editor" role="group" aria-label={label}>
      {windows.map((w, i) => (
        // Labels show above the first row only; later rows keep them for screen readers.
        <div key={i} className={i > 0 ? 'list-row window-row quiet-labels' : 'list-row window-row'} role="group" aria-label={t('hours.window', { n: i + 1 })}>
          <Select label={t('hours.day')} value={String(w.day)} options={dayOptions} onChange={(v) => set(i, { day: Number(v) as IsoDay })} />
          <TextField label={t('hours.start')} value={w.start} onChange={(start) => set(i, { start })} error={errorFor(`${errorPath}.${i}.start`)} placeholder="09:00" />
          <TextField label={t('hours.end')} value={w.end} onChange={(end) => set(i, { end })} error={errorFor(`${errorPath}.${i}.end`)} placeholder="17:00" />
          <Button variant="ghost" aria-label={t('hours.removeWindow', { n: i + 1 })} onPress={() => onChange(windows.filter((_, k) => k !== i))}>
            <Trash2 aria-hidden />
          </Button>
        </div>
      ))}
      <div>
        <Button size="small" onPress={() => onChange([...windows, { day: ((windows.at(-1)?.day ?? 0) % 7) + 1 as IsoDay, start: '09:00', end: '17:00' }])}>
          {t('hours.addWindow')}
        </Button>
      </div>
    </div>
  );
}
