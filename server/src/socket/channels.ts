/**
 * Socket.IO channels belong to one meeting, not to the group: a connection left in a channel of an
 * earlier meeting (or restored by a client that kept an old id) hears nothing of the next one. A leaf
 * module: anything may name a channel without depending on the room.
 */
export function meetingChannels(groupId: string, meetingId: string) {
  const scope = `${groupId}:${meetingId}`;
  return {
    room: `r:${scope}`,
    facilitators: `f:${scope}`,
    person: (pid: string) => `p:${scope}:${pid}`,
  };
}
export type MeetingChannels = ReturnType<typeof meetingChannels>;
