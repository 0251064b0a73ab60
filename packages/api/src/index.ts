export * from './access';
export * from './app';
export * from './aws';
export * from './body';
export * from './config';
export * from './deps';
export * from './errors';
export * from './principal';
