import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: { id: 'meeting.OpenMeeting.heading', defaultMessage: 'The meeting is not open yet' },
  hint: {
    id: 'meeting.OpenMeeting.hint',
    defaultMessage:
      'People can gather meanwhile; the meeting clock and the opening words start when you open it.',
  },
  open: { id: 'meeting.OpenMeeting.open', defaultMessage: 'Open the meeting' },
});

/** Facilitators, before the meeting is open: the one thing to do first, at the top of their console. */
export function OpenMeeting() {
  const intl = useIntl();
  const { view, act } = useRoomContext();
  if (view.meeting.phase !== 'gathering') return null;
  return (
    <section className="panel open-meeting" aria-labelledby="open-meeting-heading">
      <h2 id="open-meeting-heading" className="sr-only">
        {intl.formatMessage(m.heading)}
      </h2>
      <p className="hint">{intl.formatMessage(m.hint)}</p>
      <button type="button" className="primary big" onClick={() => void act('meeting:open', {})}>
        {intl.formatMessage(m.open)}
      </button>
    </section>
  );
}
