export * from './assessment';
export * from './common';
export * from './dev';
export * from './enterprise';
export * from './template';
export * from './zone';
