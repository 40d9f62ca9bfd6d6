import type { TamDeskDb } from '../db';

/** How many conflicts wait for the user (the sidebar badge); apart so the start-up bundle stays small. */
export const unresolvedCount = (db: TamDeskDb): Promise<number> => db.conflicts.filter((c) => c.resolvedAt === null).count();
