export * from './schemas.js';
export * from './machine.js';
