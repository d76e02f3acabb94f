import { useRoomContext } from '../room/RoomContext';

/** Facilitators, before the meeting is open: the one thing to do first, at the top of their console. */
export function OpenMeeting() {
  const { view, act } = useRoomContext();
  if (view.meeting.phase !== 'gathering') return null;
  return (
    <section className="panel open-meeting" aria-labelledby="open-meeting-heading">
      <h2 id="open-meeting-heading" className="sr-only">
        The meeting is not open yet
      </h2>
      <p className="hint">
        People can gather meanwhile; the meeting clock and the opening words start when you open it.
      </p>
      <button type="button" className="primary big" onClick={() => void act('meeting:open', {})}>
        Open the meeting
      </button>
    </section>
  );
}
