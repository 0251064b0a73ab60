export * from './config';
export * from './demo-data';
export * from './dev-routes';
export * from './platform';
