export * from './clock.js';
export * from './listing.js';
export * from './schedule.js';
export * from './schemas.js';
