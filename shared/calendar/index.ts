export * from './business-calendar';
export * from './open-status';
