export * from './protocol.js';
export * from './group.js';
export * from './schemas.js';
export * from './room.js';
export * from './events.js';
export * from './permissions.js';
export * from './media/schemas.js';
export * from './floor/index.js';
