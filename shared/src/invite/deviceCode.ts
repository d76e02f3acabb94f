// In a module without schemas so that the join page's device-code form loads without zod.
/** How long a code for adding a device stays valid. */
export const DEVICE_CODE_TTL_MS = 5 * 60_000;
/** Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const DEVICE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const DEVICE_CODE_LENGTH = 8;
