import type { Role } from './protocol.js';
import type { ClientEventName } from './schemas.js';

const SEATED: readonly Role[] = ['facilitator', 'member'];
const EVERYONE: readonly Role[] = ['facilitator', 'member', 'observer'];
const FACILITATORS: readonly Role[] = ['facilitator'];

/**
 * Which roles may send each event once joined. The server enforces this before any handler runs;
 * the client only uses it to decide what to show. `room:join` is the one event sent before joining.
 * Acting on someone else (e.g. lowering another person's hand) is further restricted in the handler.
 */
export const EVENT_ROLES: Record<Exclude<ClientEventName, 'room:join'>, readonly Role[]> = {
  'room:leave': EVERYONE,
  'identity:erase': EVERYONE,
  'meeting:open': FACILITATORS,
  'meeting:close': FACILITATORS,
  'meeting:pause': FACILITATORS,
  'meeting:lock': FACILITATORS,
  'meeting:settings': FACILITATORS,
  'meeting:deleteGroup': FACILITATORS,
  'moderation:view': FACILITATORS,
  'moderation:nudge': FACILITATORS,
  'moderation:toLobby': FACILITATORS,
  'moderation:remove': FACILITATORS,
  'moderation:removeFromGroup': FACILITATORS,
  // Links and who may use them are the facilitators'; anyone admitted may add a device of their own.
  'invite:replace': FACILITATORS,
  'invite:excluded': FACILITATORS,
  'invite:letBack': FACILITATORS,
  'identity:deviceCode': EVERYONE,
  'moderation:sideOpen': FACILITATORS,
  'moderation:sideClose': FACILITATORS,
  'moderation:supportSeen': FACILITATORS,
  // Observers read the chat but never write in it; the private word is between facilitators and members.
  'chat:history': EVERYONE,
  'chat:send': SEATED,
  'chat:whisper': SEATED,
  'chat:delete': FACILITATORS,
  'chat:toggle': FACILITATORS,
  // Anyone may ask discreetly for support; only someone with a seat can step out of it.
  'care:stepOut': SEATED,
  'care:back': SEATED,
  'care:support': EVERYONE,
  'fairness:view': FACILITATORS,
  'seats:reorder': FACILITATORS,
  'lobby:admit': FACILITATORS,
  'lobby:admitAll': FACILITATORS,
  'floor:raise': SEATED,
  'floor:lower': SEATED,
  'floor:pass': SEATED,
  'floor:done': SEATED,
  'floor:give': FACILITATORS,
  'floor:take': FACILITATORS,
  'floor:next': FACILITATORS,
  'floor:round': FACILITATORS,
  'floor:endRound': FACILITATORS,
  'floor:skip': FACILITATORS,
  'floor:reorder': FACILITATORS,
  'floor:settings': FACILITATORS,
  // Observers receive media but never publish; holding microphones and strict circle are facilitators' tools.
  'media:join': EVERYONE,
  'media:transport': EVERYONE,
  'media:connect': EVERYONE,
  'media:restartIce': EVERYONE,
  'media:consume': EVERYONE,
  'media:consumerPause': EVERYONE,
  'media:consumerResume': EVERYONE,
  'media:produce': SEATED,
  'media:pause': SEATED,
  'media:resume': SEATED,
  'media:close': SEATED,
  'media:mute': FACILITATORS,
  'media:muteAll': FACILITATORS,
  'media:release': FACILITATORS,
  'media:strict': FACILITATORS,
  // Role-play: facilitators run it; everyone reads their own view; exercise observers share their notes.
  'exercise:get': EVERYONE,
  'exercise:scenarios': FACILITATORS,
  'exercise:saveScenario': FACILITATORS,
  'exercise:setup': FACILITATORS,
  'exercise:start': FACILITATORS,
  'exercise:timeOut': FACILITATORS,
  'exercise:nextFeedback': FACILITATORS,
  'exercise:resume': FACILITATORS,
  'exercise:end': FACILITATORS,
  'exercise:shareNotes': SEATED,
  'exercise:summaries': FACILITATORS,
  // Observers read shared balances but never write; ownership and sharing are checked per balance by the server.
  'board:list': EVERYONE,
  'board:open': EVERYONE,
  'board:close': EVERYONE,
  'board:create': SEATED,
  'board:update': SEATED,
  'board:awareness': SEATED,
  'board:share': SEATED,
  'board:rename': SEATED,
  'board:delete': SEATED,
  'board:spotlight': FACILITATORS,
};

export function maySend(role: Role, event: Exclude<ClientEventName, 'room:join'>): boolean {
  return EVENT_ROLES[event].includes(role);
}
