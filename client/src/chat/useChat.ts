import { useState } from 'react';
import type { ChatMessage, SideRoom, Whisper } from '@circle/shared';
import { call } from '../socket';
import { useAdmittedSocket } from '../room/useAdmittedSocket';
import type { Room } from '../room/useRoom';

const byId = <T extends { id: string }>(list: T[], more: T[]) => {
  const seen = new Set(list.map((x) => x.id));
  return [...list, ...more.filter((x) => !seen.has(x.id))];
};

/**
 * The written side of the meeting as this person sees it: the group chat, their private word with the
 * facilitators (all threads for a facilitator), and what else is private to them: a side room they are
 * in, and whether they asked for support. All of it comes from the server on each join; nothing is kept.
 */
export function useChat(room: Room) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [whispers, setWhispers] = useState<Whisper[]>([]);
  const [sideRoom, setSideRoom] = useState<SideRoom | null>(null);
  const [supportAsked, setSupportAsked] = useState(false);

  useAdmittedSocket(room, (socket) => {
    let live = true;
    const onMessage = (m: ChatMessage) => setMessages((prev) => byId(prev, [m]));
    const onDeleted = (id: string) => setMessages((prev) => prev.filter((m) => m.id !== id));
    const onWhisper = (w: Whisper) => setWhispers((prev) => byId(prev, [w]));
    socket.on('chat:message', onMessage);
    socket.on('chat:deleted', onDeleted);
    socket.on('chat:whisper', onWhisper);
    socket.on('moderation:sideRoom', setSideRoom);
    // Subscribed first, then caught up: anything arriving meanwhile is merged by id.
    call(socket, 'chat:history', {}).then(
      (h) => {
        if (!live) return;
        setMessages((prev) => byId(h.messages, prev));
        setWhispers((prev) => byId(h.whispers, prev));
        setSideRoom(h.sideRoom);
        setSupportAsked(h.supportAsked);
      },
      () => undefined,
    );
    return () => {
      live = false;
      socket.off('chat:message', onMessage);
      socket.off('chat:deleted', onDeleted);
      socket.off('chat:whisper', onWhisper);
      socket.off('moderation:sideRoom', setSideRoom);
    };
  });

  return { messages, whispers, sideRoom, supportAsked, setSupportAsked };
}

export type Chat = ReturnType<typeof useChat>;
