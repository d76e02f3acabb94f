/**
 * A member's browser in its own process (`node --import tsx`), for tests that look for words in the
 * server's memory: the words are made and sealed here, so the test process (which holds the in-process
 * server) never holds them; it learns only their bytes in hex.
 *
 *   argv[2]: JSON { port, link, plainLink, mediaKey, pairKey, facilitator } (keys in hex)
 *   stdout, one JSON line each: { pid, marker } after joining; { done, control } after sending.
 *   stdin: one line ("go") once the test has made this person an observer in a role-play's TIME OUT.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { MediaKeyStore, type E2ee } from '../../../client/src/e2ee/mediaKey.js';
import { sealForRoom, sealNotes, sealPrivateWord } from '../../../client/src/e2ee/messages/words.js';
import { joinAs, ok } from './client.js';
import { waitUntil } from './ports.js';

interface Args {
  port: number;
  link: string;
  plainLink: string;
  mediaKey: string;
  pairKey: string;
  facilitator: string;
}

const args = JSON.parse(process.argv[2]!) as Args;
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

const keys = new MediaKeyStore();
keys.set({ epoch: 1, raw: Buffer.from(args.mediaKey, 'hex') });
const pair = await crypto.subtle.importKey('raw', Buffer.from(args.pairKey, 'hex'), 'AES-GCM', false, [
  'encrypt',
  'decrypt',
]);
const e2ee: E2ee = {
  enabled: true,
  keys,
  pairKey: async (pid) => (pid === args.facilitator ? pair : null),
};

const marker = `Marker${randomBytes(8).toString('hex')}`;
const sam = await joinAs(args.port, args.link, 'Sam');
await waitUntil(() => sam.view() !== null);
const at = { meetingId: sam.view()!.meetingId, from: sam.pid };
say({ pid: sam.pid, marker: hex(marker) });
await lines.next();

await ok(sam.socket, 'chat:send', { sealed: await sealForRoom(keys, 'chat', at, `${marker} in the chat`) });
const word = await sealPrivateWord(
  e2ee,
  { ...at, member: sam.pid },
  [args.facilitator],
  `${marker} privately`,
);
await ok(sam.socket, 'chat:whisper', { sealed: word.sealed, keys: word.keys });
const notes = { text: `${marker} in my notes`, checked: [] };
await ok(sam.socket, 'exercise:shareNotes', { sealed: await sealNotes(keys, at, notes) });

// The control: the same kind of words in clear, in a group that is not encrypted, must be found.
const control = `Control${randomBytes(8).toString('hex')}`;
const plain = await joinAs(args.port, args.plainLink, 'Sam');
await ok(plain.socket, 'chat:send', { text: `${control} in the chat` });
say({ done: true, control: hex(control) });
await lines.next();
sam.socket.close();
plain.socket.close();
process.exit(0);
