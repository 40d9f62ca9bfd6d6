import type { Account } from './account';

/*
 * Helpers over an account's parts, kept apart from the zod schemas so that
 * the Accounts list can use them without loading the validation library.
 */

/** Every IP of an account, across its pools. */
export const accountIps = (a: Pick<Account, 'ipPools'>) => a.ipPools.flatMap((p) => p.ips);

/** The contact to call first: the primary one, else the first. */
export const primaryContact = (a: Pick<Account, 'contacts'>) => a.contacts.find((c) => c.primary) ?? a.contacts[0];
