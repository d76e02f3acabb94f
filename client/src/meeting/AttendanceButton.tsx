import { useState } from 'react';
import { describeError } from '../errors';
import { useIntl } from 'react-intl';
import { storage } from '../storage';
import { downloadAttendance } from './attendance';

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
          downloadAttendance(token, storage.getIdentity(groupId), meetingId).then(
            () => setProblem(null),
            (err: unknown) => setProblem(describeError(intl, err)),
          )
        }
      >
        Download attendance (CSV)
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
