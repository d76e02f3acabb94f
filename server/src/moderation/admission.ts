import type { Role } from '@circle/shared';
import { meetingOf } from '../meeting/record.js';
import type { RoomRecord } from '../room/records.js';

export type Admission = 'refused' | 'lobby' | 'enter';

/**
 * Where someone new to this meeting goes. Facilitators always enter (they hold the secret link and run
 * the meeting); a removed identity is refused; otherwise the lobby holds members and observers when the
 * group uses one,
 * when the meeting is locked, or once anyone has been removed (the member link is shared).
 */
export function admissionFor(
  rec: Readonly<RoomRecord>,
  settings: { lobby: boolean },
  pid: string,
  role: Role,
): Admission {
  const m = meetingOf(rec);
  if (m.removed.includes(pid)) return 'refused';
  if (role === 'facilitator') return 'enter';
  if (m.locked || m.lobbyForced) return 'lobby';
  // Observers follow everything said: with a lobby they wait to be admitted like members.
  return settings.lobby ? 'lobby' : 'enter';
}
