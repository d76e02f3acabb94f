import { useState } from 'react';
import { LIMITS } from '@circle/shared';
import type { MeetingSettings } from '@circle/shared';
import { call, type CircleSocket } from '../socket';
import { describeError } from '../errors';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { ExcludedList } from '../groups/ExcludedList';
import { ReplaceLinks } from '../groups/ReplaceLinks';
import { E2eeSettings } from '../e2ee/E2eeSettings';
import { LobbySwitch } from '../lobby/LobbySwitch';
import {
  MeetingFields,
  meetingFieldsFrom,
  meetingSettingsFrom,
  type MeetingFieldValues,
} from './MeetingFields';

const m = defineMessages({
  check: { id: 'meeting.GroupSettingsPanel.check', defaultMessage: 'Please check {what}.' },
  checkLength: {
    id: 'meeting.GroupSettingsPanel.checkLength',
    defaultMessage: 'Please check the meeting length ({min} to {max} minutes).',
  },
  saved: { id: 'meeting.GroupSettingsPanel.saved', defaultMessage: 'Saved.' },
  title: { id: 'meeting.GroupSettingsPanel.title', defaultMessage: 'Group settings' },
  minutes: { id: 'meeting.GroupSettingsPanel.minutes', defaultMessage: 'Meeting length (minutes)' },
  save: { id: 'meeting.GroupSettingsPanel.save', defaultMessage: 'Save the settings' },
  loading: { id: 'meeting.GroupSettingsPanel.loading', defaultMessage: 'Loading…' },
  deleteHeading: {
    id: 'meeting.GroupSettingsPanel.deleteHeading',
    defaultMessage: 'Delete this group’s data',
  },
  deleteHint: {
    id: 'meeting.GroupSettingsPanel.deleteHint',
    defaultMessage:
      'Ends this meeting for everyone and deletes the group, its links, attendance and everything else stored about it. This cannot be undone. Type the group’s name to confirm.',
  },
  confirm: { id: 'meeting.GroupSettingsPanel.confirm', defaultMessage: 'Group name to confirm' },
});

/**
 * Facilitators: the group's settings (opening and closing words, support contacts, day and time, kind,
 * retention), read when opened and saved for everyone; replacing invitation links; letting back in people
 * removed from the group; and deleting all the group's data.
 */
export function GroupSettingsPanel() {
  const intl = useIntl();
  const { room, view } = useRoomContext();
  const { groupName } = view;
  const [values, setValues] = useState<MeetingFieldValues | null>(null);
  const [minutes, setMinutes] = useState('60');
  const [status, setStatus] = useState<string | null>(null);
  const [confirmName, setConfirmName] = useState('');
  /** Counts openings: the list of people removed from the group is read afresh each time. */
  const [opened, setOpened] = useState(0);
  const socket = (): CircleSocket | null => room.socketRef.current;

  function load(open: boolean) {
    const s = socket();
    if (!open || !s) return;
    setOpened((n) => n + 1);
    call(s, 'meeting:settings', {}).then(
      (settings: MeetingSettings) => {
        setValues(meetingFieldsFrom(settings));
        setMinutes(String(settings.meetingMinutes));
      },
      (err: unknown) => setStatus(describeError(intl, err)),
    );
  }

  async function save() {
    if (!values) return;
    const checked = meetingSettingsFrom(intl, values);
    const length = Number(minutes);
    if ('invalid' in checked) return setStatus(intl.formatMessage(m.check, { what: checked.invalid }));
    const [min, max] = [LIMITS.meetingMinutesMin, LIMITS.meetingMinutesMax];
    if (!Number.isInteger(length) || length < min || length > max)
      return setStatus(intl.formatMessage(m.checkLength, { min, max }));
    const ok = await room.act('meeting:settings', { ...checked.settings, meetingMinutes: length });
    setStatus(ok ? intl.formatMessage(m.saved) : null);
  }

  return (
    <details className="panel" onToggle={(e) => load(e.currentTarget.open)}>
      <summary>{intl.formatMessage(m.title)}</summary>
      <LobbySwitch />
      {values ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor="settings-minutes">{intl.formatMessage(m.minutes)}</label>
          <input
            id="settings-minutes"
            type="number"
            min={LIMITS.meetingMinutesMin}
            max={LIMITS.meetingMinutesMax}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
          <MeetingFields id="settings" value={values} onChange={setValues} />
          <button type="submit" className="primary">
            {intl.formatMessage(m.save)}
          </button>
        </form>
      ) : (
        <p className="hint">{intl.formatMessage(m.loading)}</p>
      )}
      {status && <p role="status">{status}</p>}

      {opened > 0 && <E2eeSettings key={`e2ee-${opened}`} />}
      <ReplaceLinks />
      {opened > 0 && <ExcludedList key={opened} />}

      <h3>{intl.formatMessage(m.deleteHeading)}</h3>
      <p className="hint" id="delete-hint">
        {intl.formatMessage(m.deleteHint)}
      </p>
      <label htmlFor="delete-confirm">{intl.formatMessage(m.confirm)}</label>
      <input
        id="delete-confirm"
        value={confirmName}
        aria-describedby="delete-hint"
        onChange={(e) => setConfirmName(e.target.value)}
      />
      <button
        type="button"
        className="danger"
        disabled={confirmName.trim() !== groupName}
        onClick={() => void room.act('meeting:deleteGroup', { confirm: true })}
      >
        {intl.formatMessage(m.deleteHeading)}
      </button>
    </details>
  );
}
