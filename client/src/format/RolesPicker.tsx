import { defineMessages, useIntl } from 'react-intl';
import { MEETING_ROLES } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { ROLE_NAMES } from './labels';

const m = defineMessages({
  heading: { id: 'format.RolesPicker.heading', defaultMessage: 'Meeting roles' },
  hint: {
    id: 'format.RolesPicker.hint',
    defaultMessage:
      'For this meeting only. The Reader gets the word for each reading and sees it large; the Timekeeper sees turn time and may gently signal it, nothing else.',
  },
  nobody: { id: 'format.RolesPicker.nobody', defaultMessage: 'Nobody' },
});

/** Facilitators hand the Reader and Timekeeper roles to seated people; they end with the meeting. */
export function RolesPicker() {
  const intl = useIntl();
  const { view, act, nameOf } = useRoomContext();
  const seated = view.floor.seats;
  return (
    <section aria-labelledby="meeting-roles-heading">
      <h3 id="meeting-roles-heading">{intl.formatMessage(m.heading)}</h3>
      <p className="hint" id="meeting-roles-hint">
        {intl.formatMessage(m.hint)}
      </p>
      {MEETING_ROLES.map((role) => (
        <div className="field" key={role}>
          <label htmlFor={`meeting-role-${role}`}>{intl.formatMessage(ROLE_NAMES[role])}</label>
          <select
            id={`meeting-role-${role}`}
            aria-describedby="meeting-roles-hint"
            value={view.format?.[role] ?? ''}
            onChange={(e) => void act('format:role', { role, pid: e.target.value || null })}
          >
            <option value="">{intl.formatMessage(m.nobody)}</option>
            {seated.map((pid) => (
              <option key={pid} value={pid}>
                {nameOf(pid)}
              </option>
            ))}
          </select>
        </div>
      ))}
    </section>
  );
}
