import { v7 } from 'uuid';

/** A new record id: UUIDv7, time-ordered and made on the device (works offline). */
export const newId = (): string => v7();
