import { useLiveQuery } from 'dexie-react-hooks';
import { GitMerge } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { db } from '../../data/database';
import { unresolvedCount } from '../../data/sync/conflict-count';
import './sync.css';

/** The sidebar's "Conflicts" link, with a count badge while some wait to be settled. */
export function ConflictsNavLink() {
  const { t } = useTranslation('sync');
  const count = useLiveQuery(() => unresolvedCount(db), []) ?? 0;
  return (
    <NavLink to="/conflicts" className="nav-link" aria-label={count > 0 ? `${t('conflicts.nav')}, ${t('conflicts.navCount', { count })}` : undefined}>
      <GitMerge size={16} aria-hidden /> {t('conflicts.nav')}
      {count > 0 && (
        <span className="badge" aria-hidden>
          {count}
        </span>
      )}
    </NavLink>
  );
}
