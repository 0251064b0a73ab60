export * from './config';
export * from './demo-data';
export * from './dev-routes';
export * from './platform';
export * from './s3-local';
