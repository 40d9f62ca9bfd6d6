import { Command } from 'cmdk';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Building2,
  Download,
  FlaskConical,
  Keyboard,
  Languages,
  LifeBuoy,
  Monitor,
  Moon,
  Plus,
  Settings as SettingsIcon,
  Sun,
  Upload,
  type LucideIcon,
} from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { sortAccounts } from '@shared/domain/account-search';
import { useAppCommands } from '../../app/use-app-commands';
import { db } from '../../data/database';
import { useSettings } from '../../data/settings';
import { intlLocale } from '../../i18n';
import { matchAccounts } from './palette-accounts';
import { matchActions, type ActionId, type PaletteAction } from './palette-actions';

const ICONS: Record<ActionId, LucideIcon> = {
  newAccount: Plus,
  goAccounts: Building2,
  goCases: LifeBuoy,
  goSettings: SettingsIcon,
  shortcuts: Keyboard,
  loadDemo: FlaskConical,
  exportBackup: Download,
  importBackup: Upload,
  switchLanguage: Languages,
  'theme:system': Monitor,
  'theme:light': Sun,
  'theme:dark': Moon,
};

type Props = { onClose: () => void };

/**
 * The palette's content: the input, the matching actions, the matching
 * accounts. Mounted only while the palette is open, so the accounts are read
 * (live) only then, and the search starts empty each time.
 */
export function PaletteCommands({ onClose }: Props) {
  const { t, i18n } = useTranslation('palette');
  const navigate = useNavigate();
  const runCommand = useAppCommands();
  const settings = useSettings();
  const descriptionPrefix = useId();
  const [search, setSearch] = useState('');

  const accountCount = useLiveQuery(() => db.accounts.count(), []);
  // The small list summaries (name, org id, primary domain, search text), not whole accounts.
  const summaries = useLiveQuery(async () => sortAccounts(await db.accountSummaries.toArray(), 'name', 'ascending'), []);
  // Filtered in the same render as the keystroke (not deferred): cmdk then
  // selects the first match, so a quick Enter opens what is on screen.
  const accounts = useMemo(() => (summaries ? matchAccounts(summaries, search) : undefined), [summaries, search]);

  const actions = useMemo(() => {
    const other = settings?.language === 'pl' ? 'en' : 'pl';
    const list: PaletteAction[] = [
      { id: 'newAccount', label: t('action.newAccount'), keywords: t('keywords.newAccount'), keys: ['N'] },
      { id: 'goAccounts', label: t('action.goAccounts'), keywords: t('keywords.goAccounts'), keys: ['G', 'A'] },
      { id: 'goCases', label: t('action.goCases'), keywords: t('keywords.goCases'), keys: ['G', 'C'] },
      { id: 'goSettings', label: t('action.goSettings'), keywords: t('keywords.goSettings'), keys: ['G', 'S'] },
      { id: 'shortcuts', label: t('action.shortcuts'), keywords: t('keywords.shortcuts'), keys: ['?'] },
    ];
    // Demo data only ever goes into an empty database.
    if (accountCount === 0) list.push({ id: 'loadDemo', label: t('action.loadDemo'), keywords: t('keywords.loadDemo') });
    list.push(
      { id: 'exportBackup', label: t('action.exportBackup'), keywords: t('keywords.exportBackup') },
      { id: 'importBackup', label: t('action.importBackup'), keywords: t('keywords.importBackup') },
      {
        id: 'switchLanguage',
        label: t('action.switchLanguage', { language: other === 'pl' ? 'Polski' : 'English' }),
        keywords: t('keywords.switchLanguage'),
      },
    );
    for (const theme of ['system', 'light', 'dark'] as const) {
      if (settings?.theme !== theme) list.push({ id: `theme:${theme}`, label: t(`action.theme.${theme}`), keywords: t('keywords.theme') });
    }
    return list;
  }, [t, settings?.language, settings?.theme, accountCount]);

  const shownActions = useMemo(() => matchActions(actions, search), [actions, search]);

  const run = (id: ActionId) => {
    onClose();
    runCommand(id);
  };

  const format = new Intl.NumberFormat(intlLocale(i18n.language));
  const nothing = shownActions.length === 0 && accounts !== undefined && accounts.shown.length === 0;

  return (
    <Command label={t('label')} shouldFilter={false} loop className="palette">
      <Command.Input value={search} onValueChange={setSearch} placeholder={t('placeholder')} autoFocus />
      <Command.List label={t('results')}>
        {nothing && <Command.Empty>{t('empty')}</Command.Empty>}
        {shownActions.length > 0 && (
          <Command.Group heading={t('group.actions')}>
            {shownActions.map((action) => {
              const Icon = ICONS[action.id];
              return (
                <Command.Item key={action.id} value={`action:${action.id}`} onSelect={() => run(action.id)} aria-label={action.label}>
                  <Icon aria-hidden className="palette-icon" />
                  <span className="palette-label">{action.label}</span>
                  {action.keys && (
                    <span className="palette-keys" aria-hidden>
                      {action.keys.map((k) => (
                        <kbd key={k}>{k}</kbd>
                      ))}
                    </span>
                  )}
                </Command.Item>
              );
            })}
          </Command.Group>
        )}
        {accounts && accounts.shown.length > 0 && (
          <Command.Group heading={t('group.accounts')}>
            {accounts.shown.map((account) => {
              const descriptionId = `${descriptionPrefix}-${account.id}`;
              const secondary = [account.primaryDomain, account.orgId].filter(Boolean).join(' · ');
              return (
                <Command.Item
                  key={account.id}
                  value={`account:${account.id}`}
                  onSelect={() => {
                    onClose();
                    navigate(`/accounts/${account.id}`);
                  }}
                  aria-label={account.name}
                  aria-describedby={secondary ? descriptionId : undefined}
                >
                  <Building2 aria-hidden className="palette-icon" />
                  <span className="palette-label">{account.name}</span>
                  {secondary && (
                    <span className="palette-secondary" id={descriptionId}>
                      {secondary}
                    </span>
                  )}
                </Command.Item>
              );
            })}
          </Command.Group>
        )}
      </Command.List>
      <div className="palette-foot">
        {accounts === undefined
          ? t('loading')
          : accounts.total > accounts.shown.length
            ? t('more', { shown: format.format(accounts.shown.length), total: format.format(accounts.total) })
            : null}
      </div>
    </Command>
  );
}
