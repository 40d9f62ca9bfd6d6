import { Building2, Plus } from 'lucide-react';
import type { FeatureContribution } from '../../ui/contribution';
import { AccountsPage } from './AccountsPage';

/** Accounts: the list (in the first bundle), an account's page and its form. */
export const accountsFeature: FeatureContribution = {
  screens: [
    { path: 'accounts', page: AccountsPage },
    { path: 'accounts/new', load: () => import('./AccountEditPage').then((m) => m.AccountEditPage) },
    { path: 'accounts/:id', load: () => import('./AccountPage').then((m) => m.AccountPage) },
    { path: 'accounts/:id/edit', load: () => import('./AccountEditPage').then((m) => m.AccountEditPage) },
  ],
  sidebar: [{ id: 'accounts', to: '/accounts', icon: Building2, label: 'common:nav.accounts', keys: ['G', 'A'] }],
  commands: [
    { id: 'newAccount', icon: Plus, label: 'palette:action.newAccount', keywords: 'palette:keywords.newAccount', keys: ['N'], run: ({ navigate }) => navigate('/accounts/new') },
    { id: 'goAccounts', icon: Building2, label: 'palette:action.goAccounts', keywords: 'palette:keywords.goAccounts', keys: ['G', 'A'], run: ({ navigate }) => navigate('/accounts') },
  ],
};
