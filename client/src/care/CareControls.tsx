import type { Chat } from '../chat/useChat';
import { useRoomContext } from '../room/RoomContext';

/** Taking care of oneself: where you are (stepped out, a side room), and a discreet request for support. */
export function CareControls({ chat }: { chat: Chat }) {
  const { view, me, nameOf, act } = useRoomContext();
  const { floor } = view;
  const { pid: myPid, role } = me;
  const { sideRoom, supportAsked, setSupportAsked: onSupportChange } = chat;
  const seated = role !== 'observer' && floor.seats.includes(myPid);
  const away = floor.presence[myPid] === 'away';
  // A side room ends when the circle has them back; the server says so, this only avoids a stale banner.
  const inSide = sideRoom !== null && away;

  async function support(on: boolean) {
    if (await act('care:support', { on })) onSupportChange(on);
  }

  return (
    <section className="care" aria-label="Taking care of yourself">
      {inSide && (
        <p className="banner" role="status">
          You are in a private side room with{' '}
          {nameOf(sideRoom.pid === myPid ? sideRoom.facilitator : sideRoom.pid)}. The group goes on meanwhile.
        </p>
      )}
      {seated && !inSide && away && (
        <p className="status-text" role="status">
          You have stepped out. Your seat is kept, and the go-around passes you by. Press I&apos;m back when
          you return.
        </p>
      )}
      {role !== 'facilitator' && (
        <button
          type="button"
          aria-pressed={supportAsked}
          aria-describedby="support-hint"
          onClick={() => void support(!supportAsked)}
        >
          I need support
        </button>
      )}
      {role !== 'facilitator' && (
        <span id="support-hint" className="hint">
          {supportAsked
            ? 'The facilitators know. Press again to withdraw it.'
            : 'Only the facilitators see this. They can talk with you privately.'}
        </span>
      )}
    </section>
  );
}
