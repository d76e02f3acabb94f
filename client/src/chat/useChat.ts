import type { ChatMessage, SideRoom, Whisper } from '@circle/shared';
import { call } from '../socket';
import { useRoomContext } from '../room/RoomContext';
import { useServerState } from '../room/useServerState';
import { ownWord, useOwnWords } from '../e2ee/messages/ownWords';
import { useOpened, type Unread } from '../e2ee/messages/useOpened';
import { openFromRoom, openPrivateWord, type Opened } from '../e2ee/messages/words';

const byId = <T extends { id: string }>(list: T[], more: T[]) => {
  const seen = new Set(list.map((x) => x.id));
  return [...list, ...more.filter((x) => !seen.has(x.id))];
};

interface ChatState {
  messages: ChatMessage[];
  whispers: Whisper[];
  sideRoom: SideRoom | null;
  supportAsked: boolean;
}

/** A message as shown: its words, or why a sealed one shows none (`unread`, with `text` empty). */
export type ShownMessage = Pick<ChatMessage, 'id' | 'at' | 'pid' | 'name'> & {
  text: string;
  unread?: Unread;
};
export type ShownWhisper = Pick<Whisper, 'id' | 'at' | 'member' | 'from' | 'fromName'> & {
  text: string;
  unread?: Unread;
};

const EMPTY: ChatState = { messages: [], whispers: [], sideRoom: null, supportAsked: false };

/** Words in clear as they are; sealed ones once opened (still opening: left out for now). */
function shown<T extends { id: string }>(
  item: T,
  clear: string | undefined,
  opened: Opened | undefined,
): (T & { text: string; unread?: Unread }) | null {
  if (clear !== undefined) return { ...item, text: clear };
  if (!opened) return null;
  return opened.ok ? { ...item, text: opened.text } : { ...item, text: '', unread: opened.reason };
}

/**
 * The written side of the meeting as this person sees it: the group chat, their private word with the
 * facilitators (all threads for a facilitator), and what else is private to them: a side room they are
 * in, and whether they asked for support. All of it comes from the server on each join; nothing is kept.
 * In an end-to-end encrypted group the words come sealed and are opened here.
 */
export function useChat() {
  const { e2ee, me, view } = useRoomContext();
  const [chat, setChat] = useServerState<ChatState>(EMPTY, {
    fetch: (socket) => call(socket, 'chat:history', {}),
    // What arrived while the history was on its way is merged by id.
    merge: (current, history) => ({
      ...history,
      messages: byId(history.messages, current.messages),
      whispers: byId(history.whispers, current.whispers),
    }),
    on: {
      'chat:message': (m, { set }) => set((s) => ({ ...s, messages: byId(s.messages, [m]) })),
      'chat:deleted': (id, { set }) =>
        set((s) => ({ ...s, messages: s.messages.filter((m) => m.id !== id) })),
      'chat:whisper': (w, { set }) => set((s) => ({ ...s, whispers: byId(s.whispers, [w]) })),
      'moderation:sideRoom': (sideRoom, { set }) => set((s) => ({ ...s, sideRoom })),
    },
  });
  const setSupportAsked = (supportAsked: boolean) => setChat((s) => ({ ...s, supportAsked }));

  const keys = e2ee.enabled ? e2ee.keys : null;
  const meetingId = view.meetingId;
  const noKey: Opened = { ok: false, reason: 'no-key' };
  const openedMessages = useOpened(
    chat.messages,
    (m) => m.id,
    (m) =>
      m.sealed
        ? keys
          ? openFromRoom(keys, 'chat', { meetingId, from: m.pid }, m.sealed)
          : Promise.resolve(noKey)
        : null,
    keys,
  );
  const openedWhispers = useOpened(
    chat.whispers,
    (w) => w.id,
    (w) =>
      w.sealed && w.from !== me.pid
        ? openPrivateWord(
            e2ee,
            { meetingId, from: w.from, member: w.member, reader: me.pid },
            w.sealed,
            w.key,
          )
        : null,
    keys,
  );
  useOwnWords();

  // A sealed message the server sends again under another id (a replay) is shown once.
  const ivs = new Set<string>();
  const messages = chat.messages
    .filter((m) => !m.sealed || (!ivs.has(m.sealed.iv) && !!ivs.add(m.sealed.iv)))
    .map(({ sealed: _sealed, text, ...m }): ShownMessage | null => shown(m, text, openedMessages.get(m.id)))
    .filter((m) => m !== null);
  const whispers = chat.whispers
    .map(({ sealed, key: _key, text, ...w }): ShownWhisper | null => {
      // One's own sealed word was wrapped for its readers only: this tab remembers what it wrote.
      const mine = sealed && w.from === me.pid ? (ownWord(sealed.iv) ?? null) : undefined;
      if (mine === null) return { ...w, text: '', unread: 'no-key' };
      return shown(w, text ?? mine, openedWhispers.get(w.id));
    })
    .filter((w) => w !== null);
  return { messages, whispers, sideRoom: chat.sideRoom, supportAsked: chat.supportAsked, setSupportAsked };
}

export type Chat = ReturnType<typeof useChat>;
