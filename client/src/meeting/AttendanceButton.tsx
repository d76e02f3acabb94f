import { useState } from 'react';
import { describeError } from '../errors';
import { downloadAttendance } from './attendance';

/** Facilitators: the meeting's attendance (who came, when, the declaration, how each took part) as CSV. */
export function AttendanceButton({ token, meetingId }: { token: string; meetingId: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          downloadAttendance(token, meetingId).then(
            () => setProblem(null),
            (err: unknown) => setProblem(describeError(err)),
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
