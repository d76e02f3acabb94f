import type { Celebration } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import { call } from '../socket';
import { useRoomContext } from '../room/RoomContext';
import { useServerState } from '../room/useServerState';
import { milestoneText } from './words';

const m = defineMessages({
  heading: { id: 'celebrate.CelebrationList.heading', defaultMessage: 'Celebrations told to you' },
  told: {
    id: 'celebrate.CelebrationList.told',
    defaultMessage: '{name}: {milestone}',
    description: 'A member and the milestone they told the facilitators privately',
  },
  mayAnnounce: { id: 'celebrate.CelebrationList.mayAnnounce', defaultMessage: 'may be announced' },
  privateOnly: {
    id: 'celebrate.CelebrationList.privateOnly',
    defaultMessage: 'facilitators only: do not announce',
  },
  quietly: { id: 'celebrate.CelebrationList.quietly', defaultMessage: 'Acknowledge {name} quietly' },
  announce: {
    id: 'celebrate.CelebrationList.announce',
    defaultMessage: 'Announce {name}’s milestone to the group',
  },
});

/**
 * Facilitators only (the server sends the list to their channel alone): each milestone told, whether the
 * member allows an announcement, and the two ways to acknowledge it, whenever the meeting has room for it.
 */
export function CelebrationList() {
  const intl = useIntl();
  const { act, facilitator } = useRoomContext();
  const [told] = useServerState<Celebration[]>([], {
    enabled: facilitator,
    fetch: (socket) => call(socket, 'celebrate:list', {}),
    on: { 'celebrate:state': (list, { set }) => set(list) },
  });
  if (!facilitator || told.length === 0) return null;
  return (
    <section className="panel attention" aria-labelledby="celebrations-heading">
      <h2 id="celebrations-heading">{intl.formatMessage(m.heading)}</h2>
      <ul className="plain attention-list">
        {told.map((c) => (
          <li key={c.pid} className="attention-item">
            <span>
              {intl.formatMessage(m.told, { name: c.name, milestone: milestoneText(intl, c) })}{' '}
              <span className="muted">
                ({intl.formatMessage(c.announce ? m.mayAnnounce : m.privateOnly)})
              </span>
            </span>
            <span className="row-actions">
              <button
                type="button"
                onClick={() => void act('celebrate:acknowledge', { pid: c.pid, announce: false })}
              >
                {intl.formatMessage(m.quietly, { name: c.name })}
              </button>
              {c.announce && (
                <button
                  type="button"
                  onClick={() => void act('celebrate:acknowledge', { pid: c.pid, announce: true })}
                >
                  {intl.formatMessage(m.announce, { name: c.name })}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
