import type { ChatMessage, SideRoom, Whisper } from '@circle/shared';
import { call } from '../socket';
import { useServerState } from '../room/useServerState';

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

const EMPTY: ChatState = { messages: [], whispers: [], sideRoom: null, supportAsked: false };

/**
 * The written side of the meeting as this person sees it: the group chat, their private word with the
 * facilitators (all threads for a facilitator), and what else is private to them: a side room they are
 * in, and whether they asked for support. All of it comes from the server on each join; nothing is kept.
 */
export function useChat() {
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
  return { ...chat, setSupportAsked };
}

export type Chat = ReturnType<typeof useChat>;
