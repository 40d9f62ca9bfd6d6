import { Command } from 'cmdk';
import { useLiveQuery } from 'dexie-react-hooks';
import { Building2 } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { sortAccounts } from '@shared/domain/account-search';
import { db } from '../../data/database';
import { useSettings } from '../../data/settings';
import { formatNumber } from '../../ui/format';
import { PALETTE_COMMANDS, useAppCommands } from '../use-app-commands';
import { matchAccounts } from './palette-accounts';
import { matchActions } from './palette-actions';

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
    const state = { settings, accountCount };
    return PALETTE_COMMANDS.filter((c) => c.offered?.(state) ?? true).map((c) => ({
      id: c.id,
      icon: c.icon,
      label: t(c.label, c.labelValues?.(state)),
      keywords: t(c.keywords),
      keys: c.keys,
    }));
  }, [t, settings, accountCount]);

  const shownActions = useMemo(() => matchActions(actions, search), [actions, search]);

  const run = (id: string) => {
    onClose();
    runCommand(id);
  };

  const nothing = shownActions.length === 0 && accounts !== undefined && accounts.shown.length === 0;

  return (
    <Command label={t('label')} shouldFilter={false} loop className="palette">
      <Command.Input value={search} onValueChange={setSearch} placeholder={t('placeholder')} autoFocus />
      <Command.List label={t('results')}>
        {nothing && <Command.Empty>{t('empty')}</Command.Empty>}
        {shownActions.length > 0 && (
          <Command.Group heading={t('group.actions')}>
            {shownActions.map((action) => {
              const Icon = action.icon;
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
            ? t('more', { shown: formatNumber(i18n.language, accounts.shown.length), total: formatNumber(i18n.language, accounts.total) })
            : null}
      </div>
    </Command>
  );
}
