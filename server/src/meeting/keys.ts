import { groupKey } from '../groups/service.js';

/** Store names of what a group keeps about its meetings, all under the group's prefix. */
export const meetingKeys = {
  /** The meeting in progress (the room record). */
  room: (g: string) => `${groupKey(g)}room`,
  /** Past meetings, for the attendance export and retention. */
  meetings: (g: string) => `${groupKey(g)}meetings`,
  declarations: (g: string) => `${groupKey(g)}declarations`,
  attendance: (g: string, meetingId: string) => `${groupKey(g)}attendance:${meetingId}`,
};
