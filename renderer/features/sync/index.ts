import type { FeatureContribution } from '../../ui/contribution';
import { ConflictsNavLink } from './ConflictsNavLink';
import { SyncIndicator } from './SyncIndicator';

/** Team sync: the top bar's status, Settings' sign-in and status, and the conflicts to settle. */
export const syncFeature: FeatureContribution = {
  screens: [{ path: 'conflicts', load: () => import('./ConflictsPage').then((m) => m.ConflictsPage) }],
  sidebar: [{ id: 'conflicts', Component: ConflictsNavLink }],
  topBar: [SyncIndicator],
  settingsSections: [{ id: 'sync', load: () => import('./SyncSection').then((m) => m.SyncSection) }],
};
