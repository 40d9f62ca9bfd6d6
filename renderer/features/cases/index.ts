import { LifeBuoy, Siren } from 'lucide-react';
import type { FeatureContribution } from '../../ui/contribution';
import { EmailImport } from './EmailImport';

/** Support Cases and escalations: the lists, a case's page, the account's Cases tab, email import and SLA alerts. */
export const casesFeature: FeatureContribution = {
  screens: [
    { path: 'escalations', load: () => import('./EscalationsPage').then((m) => m.EscalationsPage) },
    { path: 'cases', load: () => import('./CasesPage').then((m) => m.CasesPage) },
    { path: 'cases/new', load: () => import('./NewCasePage').then((m) => m.NewCasePage) },
    { path: 'cases/:id', load: () => import('./CasePage').then((m) => m.CasePage) },
  ],
  sidebar: [
    { id: 'escalations', to: '/escalations', icon: Siren, label: 'common:nav.escalations' },
    { id: 'cases', to: '/cases', icon: LifeBuoy, label: 'common:nav.cases', keys: ['G', 'C'] },
  ],
  commands: [
    { id: 'goCases', icon: LifeBuoy, label: 'palette:action.goCases', keywords: 'palette:keywords.goCases', keys: ['G', 'C'], run: ({ navigate }) => navigate('/cases') },
  ],
  accountTabs: [{ id: 'cases', label: 'accounts:tabs.cases', load: () => import('./AccountCases').then((m) => m.AccountCases) }],
  overlays: [EmailImport],
  // The SLA alerts need the SLA engine: they start after the first screen, not in the start-up bundle.
  background: [{ id: 'sla-alerts', load: () => import('./SlaAlerts').then((m) => m.SlaAlerts) }],
  prefetch: () => [import('./EmailImportDialog'), import('@shared/cases/email')],
};
