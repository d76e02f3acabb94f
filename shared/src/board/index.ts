export * from './limits.js';
export * from './model.js';
export * from './edit.js';
export * from './protocol.js';
export * from './replica.js';
export * from './schemas.js';
export * from './markdown.js';
export * from './compare.js';
