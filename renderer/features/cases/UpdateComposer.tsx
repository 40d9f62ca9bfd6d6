import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseClocks } from '@shared/cases/sla-clocks';
import { primaryContact } from '@shared/domain/account-parts';
import type { Account } from '@shared/domain/account';
import type { SupportCase, TimelineEntry } from '@shared/domain/case';
import { useSettings } from '../../data/settings';
import { host } from '../../host';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast';
import { formatDue } from '../../ui/format';

const RECENT_KINDS: TimelineEntry['kind'][] = ['agent-response', 'progress-update', 'status-change', 'customer-information', 'note'];

/**
 * Drafts the next progress update to the customer from the case: its status,
 * what happened since the last update, and when the next one is due in the
 * customer's zone. The draft is the TAM's to edit; it leaves the app only by
 * the clipboard or as a draft in the mail client (nothing is sent from here).
 */
export function UpdateComposer({ c, timeline, account, clocks }: { c: SupportCase; timeline: TimelineEntry[]; account: Account; clocks: CaseClocks }) {
  const { t, i18n } = useTranslation('cases');
  const settings = useSettings();
  const contact = primaryContact(account);
  const draft = (() => {
    const lastUpdate = timeline.findLast((e) => e.kind === 'progress-update' || e.kind === 'agent-response');
    const recent = timeline.filter((e) => RECENT_KINDS.includes(e.kind) && e.body.trim() && (!lastUpdate || e.at >= lastUpdate.at)).slice(-5);
    const next = clocks.nextUpdate.dueAt;
    return [
      contact?.name ? t('composer.greeting', { name: contact.name.split(' ')[0] }) : t('composer.greetingNoName'),
      '',
      t('composer.intro', { title: c.title, status: t(`status.${c.status}`) }),
      ...(recent.length > 0 ? ['', t('composer.recent'), ...recent.map((e) => `- ${e.body.trim()}`)] : []),
      ...(next ? ['', t('composer.next', { when: formatDue(i18n.language, next, account.calendar.timeZone), zone: account.calendar.timeZone })] : []),
      '',
      t('composer.closing'),
      settings?.tamName ?? '',
    ].join('\n').trim();
  })();
  const [text, setText] = useState(draft);
  // A new event on the case makes a new draft.
  useEffect(() => setText(draft), [draft]);

  return (
    <section aria-labelledby="composer-heading" className="form-section">
      <h2 id="composer-heading">{t('composer.title')}</h2>
      <TextField label={t('composer.draft')} multiline value={text} onChange={setText} />
      <div className="page-head">
        <Button
          onPress={() =>
            void navigator.clipboard.writeText(text).then(() => showToast(t('composer.copied')))
          }
        >
          {t('composer.copy')}
        </Button>
        <Button
          isDisabled={!contact?.email}
          onPress={() => void host.composeEmail({ to: contact?.email ? [contact.email] : [], subject: t('composer.subject', { title: c.title }), body: text })}
        >
          {t('composer.mail')}
        </Button>
        {!contact?.email && <span className="muted">{t('composer.noContact')}</span>}
      </div>
    </section>
  );
}
