export * from './assessment';
export * from './common';
export * from './dev';
export * from './enterprise';
export * from './evidence';
export * from './template';
export * from './zone';
