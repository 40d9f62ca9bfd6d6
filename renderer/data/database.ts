import { openDb } from './db';

/** The app's one database connection. */
export const db = openDb();
