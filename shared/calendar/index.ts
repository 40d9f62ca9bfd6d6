export * from './business-calendar';
export * from './open-status';
export * from './week-view';
