import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { PROTOCOL_DOC, renderProtocolDoc } from './protocol-doc.js';

/** docs/protocol.md is generated from the command definitions; a command changed without it fails here. */
it('docs/protocol.md is up to date with the command definitions (npm run docs:protocol)', async () => {
  const checkedIn = readFileSync(PROTOCOL_DOC, 'utf8');
  expect(checkedIn === (await renderProtocolDoc()), 'stale: run `npm run docs:protocol`').toBe(true);
}, 60_000);
