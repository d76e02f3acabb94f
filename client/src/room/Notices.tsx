import { useEffect, useRef, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { Chat } from '../chat/useChat';
import type { Media } from '../media/useMedia';
import type { Nudge } from '../moderation/useNudges';
import { noticeText, urgencyOf } from './announcements';
import { useRoomContext } from './RoomContext';

const m = defineMessages({
  micHeld: { id: 'room.Notices.micHeld', defaultMessage: 'A facilitator is holding your microphone' },
  micBack: { id: 'room.Notices.micBack', defaultMessage: 'Your microphone is yours again' },
  nudge: {
    id: 'room.Notices.nudge',
    defaultMessage: 'The facilitators sent you a note — {text}',
    description: "{text} is the note, in the facilitators' own words",
  },
  whisper: {
    id: 'room.Notices.whisper',
    defaultMessage: '{name} wrote to you privately. Open Chat to read it.',
    description: '"Chat" is the name of the button that opens the chat',
  },
  notices: { id: 'room.Notices.notices', defaultMessage: 'Notices' },
});

interface Said {
  key: number;
  text: string;
}

/** One line a region reads: replaced as a whole (a new node, read once), kept until something supersedes it. */
function useLine() {
  const [line, setLine] = useState<Said | null>(null);
  const say = useRef((text: string) => setLine((prev) => ({ key: (prev?.key ?? 0) + 1, text }))).current;
  return [line, say] as const;
}

interface Props {
  chat: Chat;
  media: Media;
  nudges: Nudge[];
}

/**
 * The room's two live regions, and the only ones for what happens in the circle: a polite one for what
 * changed (who has the word, you are next, time nearly up, your microphone held or given back) and an
 * assertive one for what is yours to act on (it is your turn, a facilitator wrote to you). Each holds
 * one line, the latest; a line is read when it arrives and never again, and it stays (no timer) until
 * the next one replaces it. The status strip and the bar show the same state without being live.
 */
export function Notices({ chat, media, nudges }: Props) {
  const intl = useIntl();
  const context = useRoomContext();
  const ctx = useRef(context);
  ctx.current = context;
  // Read when something arrives, not a reason to say it again: a new language words the next line.
  const words = useRef(intl);
  words.current = intl;
  const [polite, sayPolitely] = useLine();
  const [assertive, sayAssertively] = useLine();
  const latest = context.room.notices.at(-1);
  // Only what arrives from now on: history fetched on joining was already seen (or is in the chat).
  const since = useRef(Date.now() + context.clockOffset).current;

  useEffect(() => {
    if (!latest) return;
    const { me, nameOf, known } = ctx.current;
    // A notice about someone who has since left would only read "Someone…".
    if (latest.kind !== 'round-ended' && !known(latest.pid)) return;
    const urgency = urgencyOf(latest, me.pid);
    const text = noticeText(words.current, latest, me.pid, nameOf);
    if (urgency === 'assertive') sayAssertively(text);
    else if (urgency === 'polite') sayPolitely(text);
  }, [latest, sayPolitely, sayAssertively]);

  const held = media.held;
  const wasHeld = useRef(held);
  useEffect(() => {
    if (held === wasHeld.current) return;
    wasHeld.current = held;
    sayPolitely(words.current.formatMessage(held ? m.micHeld : m.micBack));
  }, [held, sayPolitely]);

  // Dismissing the latest note brings an older one last: only a newer one is news.
  const told = useRef({ nudge: 0, whisper: since });
  const nudge = nudges.at(-1);
  useEffect(() => {
    if (!nudge || nudge.at <= told.current.nudge) return;
    told.current.nudge = nudge.at;
    sayAssertively(words.current.formatMessage(m.nudge, { text: nudge.text }));
  }, [nudge, sayAssertively]);

  const myPid = context.me.pid;
  const written = chat.whispers.filter((w) => w.member === myPid && w.from !== myPid).at(-1);
  useEffect(() => {
    if (!written || written.at <= told.current.whisper) return;
    told.current.whisper = written.at;
    // Not the words themselves: they are in the private thread, one Tab away, and read there.
    sayAssertively(words.current.formatMessage(m.whisper, { name: written.fromName }));
  }, [written, sayAssertively]);

  return (
    <>
      <div className="sr-only" role="status" aria-live="polite" aria-label={intl.formatMessage(m.notices)}>
        {polite && <p key={polite.key}>{polite.text}</p>}
      </div>
      <div className="sr-only" aria-live="assertive">
        {assertive && <p key={assertive.key}>{assertive.text}</p>}
      </div>
    </>
  );
}
