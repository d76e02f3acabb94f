import type { Router } from 'express';
import { Chats } from '../chat/service.js';
import { Fairness } from '../fairness/aggregator.js';
import type { Groups } from '../groups/service.js';
import type { Identities } from '../identity/service.js';
import type { MediaService } from '../media/service.js';
import { Facilitation } from '../moderation/service.js';
import type { RoomRegistry } from '../room/registry.js';
import type { CircleServer } from '../socket/types.js';
import type { Store } from '../store/index.js';
import { meetingRoutes } from './http.js';
import { Meetings } from './service.js';

export interface FacilitationServices {
  meetings: Meetings;
  facilitation: Facilitation;
  chats: Chats;
  fairness: Fairness;
}

/**
 * Sets up everything facilitation needs and lets it follow every room as it loads: the meeting's lifecycle,
 * the facilitators' shared view, the chat and the fairness view. Media feeds talk time into `fairness`.
 */
export function attachFacilitation(deps: {
  store: Store;
  io: CircleServer;
  groups: Groups;
  identities: Identities;
  rooms: RoomRegistry;
  now: () => number;
  media?: MediaService;
}): { services: FacilitationServices; routes: Router } {
  const { store, io, groups, identities, rooms, now } = deps;
  const meetings = new Meetings({ store, io, groups, now });
  const facilitation = new Facilitation({ io, store, now });
  const chats = new Chats();
  const fairness = new Fairness({ io, now });
  rooms.onLoad((room) => {
    meetings.attach(room);
    facilitation.attach(room);
    chats.attach(room);
    fairness.attach(room);
  });
  deps.media?.onTalk((groupId, pid, ms, outOfTurn) => fairness.addTalk(groupId, pid, ms, outOfTurn));
  const routes = meetingRoutes({
    groups,
    identities,
    store,
    meetings,
    now,
    onAbsence: (groupId) => void facilitation.publish(groupId),
  });
  return { services: { meetings, facilitation, chats, fairness }, routes };
}
