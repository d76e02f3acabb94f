// Tests run the browser's own sealing code (client/src/e2ee/) under Node, whose WebCrypto key type is
// not a global name without the DOM library. An interface, so declarations like it merge (e2ee-keys.test.ts).
import type { webcrypto } from 'node:crypto';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CryptoKey extends webcrypto.CryptoKey {}
}
