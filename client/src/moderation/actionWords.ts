import type { IntlShape, MessageDescriptor } from 'react-intl';
import { defineMessages } from 'react-intl';
import type { ActionEntry } from '@circle/shared';

/**
 * What each facilitator command says in the action log, in the reader's language. `{actor}` is a name or
 * “You”, `{target}` the person acted on: translations may rephrase (“{actor}: meeting opened”) so the verb
 * need not agree with either. `:off` is the wording of a switch turned off.
 */
const says: Record<string, MessageDescriptor> = defineMessages({
  'seats:reorder': {
    id: 'moderation.actionWords.seatsReorder',
    defaultMessage: '{actor} reordered the seats',
  },
  'seats:offer': {
    id: 'moderation.actionWords.seatsOffer',
    defaultMessage: '{actor} offered the next seat to {target}',
  },
  'lobby:admit': { id: 'moderation.actionWords.lobbyAdmit', defaultMessage: '{actor} admitted {target}' },
  'lobby:admitAll': {
    id: 'moderation.actionWords.lobbyAdmitAll',
    defaultMessage: '{actor} admitted everyone waiting',
  },
  'floor:lower': {
    id: 'moderation.actionWords.floorLower',
    defaultMessage: '{actor} lowered the hand of {target}',
  },
  'floor:give': {
    id: 'moderation.actionWords.floorGive',
    defaultMessage: '{actor} gave the word to {target}',
  },
  'floor:take': { id: 'moderation.actionWords.floorTake', defaultMessage: '{actor} took back the word' },
  'floor:next': { id: 'moderation.actionWords.floorNext', defaultMessage: '{actor} passed the word on' },
  'floor:undo': {
    id: 'moderation.actionWords.floorUndo',
    defaultMessage: '{actor} undid the last move of the word',
  },
  'floor:round': { id: 'moderation.actionWords.floorRound', defaultMessage: '{actor} started a round' },
  'floor:endRound': { id: 'moderation.actionWords.floorEndRound', defaultMessage: '{actor} ended the round' },
  'floor:skip': { id: 'moderation.actionWords.floorSkip', defaultMessage: '{actor} skipped {target}' },
  'floor:reorder': {
    id: 'moderation.actionWords.floorReorder',
    defaultMessage: '{actor} reordered the raised hands',
  },
  'floor:settings': {
    id: 'moderation.actionWords.floorSettings',
    defaultMessage: '{actor} changed the turn settings',
  },
  'format:save': {
    id: 'moderation.actionWords.formatSave',
    defaultMessage: '{actor} saved the meeting format',
  },
  'format:step': {
    id: 'moderation.actionWords.formatStep',
    defaultMessage: '{actor} moved to another part of the meeting',
  },
  'format:role': {
    id: 'moderation.actionWords.formatRole',
    defaultMessage: '{actor} changed who reads or keeps time',
  },
  'exercise:saveScenario': {
    id: 'moderation.actionWords.exerciseSaveScenario',
    defaultMessage: '{actor} saved a role-play scenario',
  },
  'exercise:setup': {
    id: 'moderation.actionWords.exerciseSetup',
    defaultMessage: '{actor} set up a role-play',
  },
  'exercise:start': {
    id: 'moderation.actionWords.exerciseStart',
    defaultMessage: '{actor} started the role-play',
  },
  'exercise:timeOut': {
    id: 'moderation.actionWords.exerciseTimeOut',
    defaultMessage: '{actor} called a time out in the role-play',
  },
  'exercise:nextFeedback': {
    id: 'moderation.actionWords.exerciseNextFeedback',
    defaultMessage: '{actor} passed the feedback on',
  },
  'exercise:resume': {
    id: 'moderation.actionWords.exerciseResume',
    defaultMessage: '{actor} resumed the role-play',
  },
  'exercise:end': { id: 'moderation.actionWords.exerciseEnd', defaultMessage: '{actor} ended the role-play' },
  'meeting:open': { id: 'moderation.actionWords.meetingOpen', defaultMessage: '{actor} opened the meeting' },
  'meeting:close': {
    id: 'moderation.actionWords.meetingClose',
    defaultMessage: '{actor} closed the meeting',
  },
  'meeting:pause': {
    id: 'moderation.actionWords.meetingPause',
    defaultMessage: '{actor} paused the meeting',
  },
  'meeting:pause:off': {
    id: 'moderation.actionWords.meetingPauseOff',
    defaultMessage: '{actor} resumed the meeting',
  },
  'meeting:lock': { id: 'moderation.actionWords.meetingLock', defaultMessage: '{actor} locked the meeting' },
  'meeting:lock:off': {
    id: 'moderation.actionWords.meetingLockOff',
    defaultMessage: '{actor} unlocked the meeting',
  },
  'meeting:settings': {
    id: 'moderation.actionWords.meetingSettings',
    defaultMessage: '{actor} changed the group settings',
  },
  'moderation:nudge': {
    id: 'moderation.actionWords.moderationNudge',
    defaultMessage: '{actor} nudged {target}',
  },
  'moderation:toLobby': {
    id: 'moderation.actionWords.moderationToLobby',
    defaultMessage: '{actor} sent {target} back to the lobby',
  },
  'moderation:remove': {
    id: 'moderation.actionWords.moderationRemove',
    defaultMessage: '{actor} removed {target} from the meeting',
  },
  'moderation:removeFromGroup': {
    id: 'moderation.actionWords.moderationRemoveFromGroup',
    defaultMessage: '{actor} removed {target} from the group',
  },
  'moderation:sideOpen': {
    id: 'moderation.actionWords.moderationSideOpen',
    defaultMessage: '{actor} opened a side room with {target}',
  },
  'moderation:sideClose': {
    id: 'moderation.actionWords.moderationSideClose',
    defaultMessage: '{actor} ended the side room with {target}',
  },
  'moderation:supportSeen': {
    id: 'moderation.actionWords.moderationSupportSeen',
    defaultMessage: '{actor} saw the support request of {target}',
  },
  'attendance:decide': {
    id: 'moderation.actionWords.attendanceDecide',
    defaultMessage: '{actor} answered the proof-of-attendance request of {target}',
  },
  'invite:replace': {
    id: 'moderation.actionWords.inviteReplace',
    defaultMessage: '{actor} replaced an invitation link',
  },
  'invite:letBack': {
    id: 'moderation.actionWords.inviteLetBack',
    defaultMessage: '{actor} let {target} back into the group',
  },
  'chat:delete': {
    id: 'moderation.actionWords.chatDelete',
    defaultMessage: '{actor} deleted a chat message',
  },
  'chat:toggle': { id: 'moderation.actionWords.chatToggle', defaultMessage: '{actor} turned the chat on' },
  'chat:toggle:off': {
    id: 'moderation.actionWords.chatToggleOff',
    defaultMessage: '{actor} turned the chat off',
  },
  'media:mute': {
    id: 'moderation.actionWords.mediaMute',
    defaultMessage: '{actor} held the microphone of {target}',
  },
  'media:muteAll': {
    id: 'moderation.actionWords.mediaMuteAll',
    defaultMessage: '{actor} held all microphones',
  },
  'media:release': {
    id: 'moderation.actionWords.mediaRelease',
    defaultMessage: '{actor} released microphones',
  },
  'media:strict': {
    id: 'moderation.actionWords.mediaStrict',
    defaultMessage: '{actor} turned strict circle on',
  },
  'media:strict:off': {
    id: 'moderation.actionWords.mediaStrictOff',
    defaultMessage: '{actor} turned strict circle off',
  },
  'media:memberScreens': {
    id: 'moderation.actionWords.mediaMemberScreens',
    defaultMessage: '{actor} let members share their screen',
  },
  'media:memberScreens:off': {
    id: 'moderation.actionWords.mediaMemberScreensOff',
    defaultMessage: '{actor} stopped members sharing their screen',
  },
  'board:spotlight': {
    id: 'moderation.actionWords.boardSpotlight',
    defaultMessage: '{actor} changed the balance shown to everyone',
  },
});

const m = defineMessages({
  you: {
    id: 'moderation.actionWords.you',
    defaultMessage: 'You',
    description: 'The actor of an action-log line when it was the reader',
  },
  someone: {
    id: 'moderation.actionWords.someone',
    defaultMessage: 'someone',
    description: 'The target of an action-log line when that person is not known any more',
  },
  unknown: {
    id: 'moderation.actionWords.unknown',
    defaultMessage: '{actor}: {event}',
    description: 'An action this version does not know how to word; event is its technical name',
  },
});

/** Whether a command's log line has its words here (the unit test checks every logged command). */
export const hasWords = (event: string) => event in says;

/** One line of the action log: who did what (to whom), worded in the reader's language. */
export function actionSentence(intl: IntlShape, entry: ActionEntry, mine: boolean): string {
  const actor = mine ? intl.formatMessage(m.you) : entry.byName;
  const target = entry.targetName ?? intl.formatMessage(m.someone);
  const message = (entry.on === false && says[`${entry.event}:off`]) || says[entry.event];
  return message
    ? intl.formatMessage(message, { actor, target })
    : intl.formatMessage(m.unknown, { actor, event: entry.event });
}
