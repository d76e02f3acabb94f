import type { NoticeMessage } from '@circle/shared';
import { useRoomContext } from './RoomContext';

export function noticeText(n: NoticeMessage, myPid: string, nameOf: (pid: string) => string): string {
  if (n.kind === 'round-ended') return 'The round has ended';
  const mine = n.pid === myPid;
  const name = nameOf(n.pid);
  switch (n.kind) {
    case 'next-up':
      return mine ? "You're next" : `${name} is next`;
    case 'your-turn':
      return mine ? "It's your turn" : `${name} has the word`;
    case 'time-warning':
      return mine ? 'Time is almost up' : `Time is almost up for ${name}`;
    case 'time-up':
      return mine ? 'Your time is up' : `Time is up for ${name}`;
  }
}

/** Floor notices, announced politely by screen readers; the status strip shows the same state on screen. */
export function Notices() {
  const { room, me, nameOf, known } = useRoomContext();
  const { notices } = room;
  const myPid = me.pid;
  return (
    <div className="notices sr-only" role="status" aria-live="polite" aria-label="Notices">
      {notices.map((n) => {
        // A notice about someone who has since left would only read "Someone…".
        if (n.kind !== 'round-ended' && !known(n.pid)) return null;
        const mine = n.kind !== 'round-ended' && n.pid === myPid;
        return (
          <p key={n.id} className={`notice ${n.kind}${mine ? ' mine' : ''}`}>
            {noticeText(n, myPid, nameOf)}
          </p>
        );
      })}
    </div>
  );
}
