export * from './applicability';
export * from './period';
export * from './schedule';
export * from './scoring';
export * from './sectors';
export * from './targeting';
export * from './template';
