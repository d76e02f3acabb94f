import { useState } from 'react';
import { describeError } from '../errors';
import { defineMessages, useIntl } from 'react-intl';
import { storage } from '../storage';
import { downloadAttendance } from './attendance';

const m = defineMessages({
  download: { id: 'meeting.AttendanceButton.download', defaultMessage: 'Download attendance (CSV)' },
});

/** Facilitators: the meeting's attendance (who came, when, the declaration, how each took part) as CSV. */
export function AttendanceButton(props: { token: string; groupId: string; meetingId: string }) {
  const intl = useIntl();
  const { token, groupId, meetingId } = props;
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          downloadAttendance(intl, token, storage.getIdentity(groupId), meetingId).then(
            () => setProblem(null),
            (err: unknown) => setProblem(describeError(intl, err)),
          )
        }
      >
        {intl.formatMessage(m.download)}
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
