import type { ClientPayload } from '@circle/shared';
import { useRoomContext } from '../../room/RoomContext';
import type { MediaKeyStore } from '../mediaKey';
import { rememberOwnWord } from './ownWords';
import { sealForRoom, sealNotes, sealPrivateWord, type Notes, type SealedWord } from './words';

/** Why words could not be sealed: no media key yet, or nobody to read a private word has a key with us yet. */
export type SealProblem = 'no-key' | 'no-reader';
type Sealing<E extends 'chat:send' | 'chat:whisper' | 'exercise:shareNotes'> =
  { payload: ClientPayload<E> } | { problem: SealProblem };

/** How long words written just after joining wait for the meeting's key (or a reader's) before giving up. */
const KEY_WAIT_MS = 5_000;

/** Resolves once the store holds a key, or after KEY_WAIT_MS. */
function keyReady(keys: MediaKeyStore): Promise<void> {
  if (keys.current) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = keys.subscribe((k) => k && done());
    const timer = setTimeout(done, KEY_WAIT_MS);
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The payloads of the room's written words as this group takes them: in clear, or sealed in this browser
 * before they leave it (end-to-end encrypted groups; the server refuses anything else there).
 */
export function useSealing() {
  const { e2ee, me, view } = useRoomContext();
  const at = { meetingId: view.meetingId, from: me.pid };

  async function chat(text: string): Promise<Sealing<'chat:send'>> {
    if (!e2ee.enabled) return { payload: { text } };
    await keyReady(e2ee.keys);
    const sealed = await sealForRoom(e2ee.keys, 'chat', at, text);
    return sealed ? { payload: { sealed } } : { problem: 'no-key' };
  }

  /** A member writes to the facilitators; a facilitator to `member`, and the other facilitators follow. */
  async function privateWord(member: string, text: string): Promise<Sealing<'chat:whisper'>> {
    const to = me.role === 'facilitator' ? member : undefined;
    if (!e2ee.enabled) return { payload: { to, text } };
    const facilitators = view.participants
      .filter((p) => p.role === 'facilitator' && p.pid !== me.pid)
      .map((p) => p.pid);
    const readers = to ? [to, ...facilitators] : facilitators;
    const unreachable = (w: SealedWord) =>
      Object.keys(w.keys).length === 0 || (!!to && w.missing.includes(to));
    let word = await sealPrivateWord(e2ee, { ...at, member }, readers, text);
    // A reader who has just joined may not have published their key yet: wait a little for it.
    for (let waited = 0; unreachable(word) && waited < KEY_WAIT_MS; waited += 250) {
      await pause(250);
      word = await sealPrivateWord(e2ee, { ...at, member }, readers, text);
    }
    if (unreachable(word)) return { problem: 'no-reader' };
    rememberOwnWord(word.sealed.iv, text);
    return { payload: { to, sealed: word.sealed, keys: word.keys } };
  }

  async function notes(shared: Notes): Promise<Sealing<'exercise:shareNotes'>> {
    if (!e2ee.enabled) return { payload: shared };
    await keyReady(e2ee.keys);
    const sealed = await sealNotes(e2ee.keys, at, shared);
    return sealed ? { payload: { sealed } } : { problem: 'no-key' };
  }

  return { chat, privateWord, notes };
}
