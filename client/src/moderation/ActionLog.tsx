import type { ActionEntry } from '@circle/shared';

/** How each facilitator command reads in the log ("Fran gave the word to Ana"). */
const VERBS: Record<string, string> = {
  'floor:give': 'gave the word to',
  'floor:take': 'took back the word',
  'floor:next': 'passed the word on',
  'floor:round': 'started a round',
  'floor:endRound': 'ended the round',
  'floor:skip': 'skipped',
  'floor:reorder': 'reordered the raised hands',
  'floor:settings': 'changed the turn settings',
  'floor:lower': 'lowered the hand of',
  'seats:reorder': 'reordered the seats',
  'lobby:admit': 'admitted',
  'lobby:admitAll': 'admitted everyone waiting',
  'meeting:open': 'opened the meeting',
  'meeting:pause': 'paused the meeting',
  'meeting:lock': 'locked the meeting',
  'meeting:settings': 'changed the group settings',
  'meeting:close': 'closed the meeting',
  'moderation:nudge': 'nudged',
  'moderation:toLobby': 'sent back to the lobby',
  'moderation:remove': 'removed from the meeting',
  'moderation:removeFromGroup': 'removed from the group',
  'invite:replace': 'replaced an invitation link',
  'invite:letBack': 'let someone back into the group',
  'moderation:sideOpen': 'opened a side room with',
  'moderation:sideClose': 'ended the side room with',
  'moderation:supportSeen': 'saw the support request of',
  'chat:delete': 'deleted a chat message',
  'chat:toggle': 'turned the chat on',
  'media:mute': 'held the microphone of',
  'media:muteAll': 'held all microphones',
  'media:release': 'released microphones',
  'media:strict': 'turned strict circle on',
};

/** The same switches, turned the other way. */
const OFF: Record<string, string> = {
  'meeting:pause': 'resumed the meeting',
  'meeting:lock': 'unlocked the meeting',
  'chat:toggle': 'turned the chat off',
  'media:strict': 'turned strict circle off',
};

function verb(e: ActionEntry): string {
  if (e.on === false && OFF[e.event]) return OFF[e.event]!;
  return VERBS[e.event] ?? e.event;
}

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Facilitators: what each of them did this meeting, newest first, so co-facilitators stay in step. */
export function ActionLog({ log, myPid }: { log: ActionEntry[]; myPid: string }) {
  return (
    <section className="panel" aria-labelledby="log-heading">
      <h2 id="log-heading">What facilitators did</h2>
      {log.length === 0 ? (
        <p className="hint">Nothing yet.</p>
      ) : (
        <ol className="plain action-log" aria-label="Facilitator actions">
          {[...log].reverse().map((e) => (
            <li key={e.id}>
              <span className="muted">{time(e.at)}</span> {e.by === myPid ? 'You' : e.byName} {verb(e)}
              {e.targetName ? ` ${e.targetName}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
