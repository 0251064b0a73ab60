export * from './applicability';
export * from './period';
export * from './schedule';
export * from './scoring';
export * from './sectors';
export * from './template';
