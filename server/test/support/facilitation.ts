import type { ClientEventName, Role } from '@circle/shared';

/**
 * Payloads that pass the schemas of the facilitation events (meeting, moderation, chat, care, fairness)
 * and, when allowed, change as little as possible: targets that do not exist, switches already in place.
 * So only the permission check, or the handler's own refusal, can answer them.
 */
export function facilitationPayload(event: ClientEventName, target = 'nobody', role?: Role): unknown {
  switch (event) {
    case 'meeting:pause':
      return { on: false };
    case 'meeting:lock':
    case 'chat:toggle':
      return { on: false };
    case 'meeting:deleteGroup':
      return { confirm: true };
    case 'moderation:nudge':
      return { pid: target, text: 'A gentle note' };
    case 'moderation:toLobby':
      return { pid: target, message: '' };
    case 'moderation:remove':
    case 'moderation:removeFromGroup':
    case 'moderation:sideOpen':
    case 'moderation:sideClose':
    case 'moderation:supportSeen':
      return { pid: target };
    case 'chat:send':
      return { text: 'hello' };
    case 'chat:whisper':
      // A facilitator writes to someone; a member writes to the facilitators.
      return role === 'facilitator' ? { to: target, text: 'hello' } : { text: 'hello' };
    case 'chat:delete':
      return { id: 'nothing' };
    case 'care:support':
      return { on: false };
    default:
      return undefined;
  }
}

/** The facilitation events, by domain prefix. */
export const FACILITATION_DOMAINS = ['meeting:', 'moderation:', 'chat:', 'care:', 'fairness:'];
