import { attendanceCommands } from './attendance/commands.js';
import { boardCommands } from './board/commands.js';
import { buddyCommands } from './buddy/commands.js';
import type { LogSpec } from './commandKit.js';
import { careCommands } from './care/commands.js';
import { celebrateCommands } from './celebrate/commands.js';
import { chatCommands } from './chat/commands.js';
import { e2eeCommands } from './e2ee/commands.js';
import { exerciseCommands } from './exercise/commands.js';
import { fairnessCommands } from './fairness/commands.js';
import { floorCommands } from './floor/commands.js';
import { formatCommands } from './format/commands.js';
import { inviteCommands } from './invite/commands.js';
import { journalCommands } from './journal/commands.js';
import { mediaCommands } from './media/commands.js';
import { meetingCommands } from './meeting/commands.js';
import { moderationCommands } from './moderation/commands.js';
import { roomCommands } from './room/commands.js';

/**
 * Every client-to-server event, defined once (see commandKit.ts): its payload schema, result, grant,
 * action-log wording, role-play gate and an example. The schema table, the permissions, the typed event
 * maps, the action log, the protocol document and the permission and fuzz tests all derive from this.
 * Add a domain here; add a command in its domain's `commands.ts`.
 */
export const COMMANDS = {
  ...roomCommands,
  ...floorCommands,
  ...exerciseCommands,
  ...meetingCommands,
  ...moderationCommands,
  ...inviteCommands,
  ...chatCommands,
  ...careCommands,
  ...attendanceCommands,
  ...celebrateCommands,
  ...fairnessCommands,
  ...mediaCommands,
  ...journalCommands,
  ...boardCommands,
  ...buddyCommands,
  ...formatCommands,
  ...e2eeCommands,
} as const;

export type Commands = typeof COMMANDS;

/**
 * How one entry of the facilitators' action log reads ("Fran gave the word to Ana"), from its command's
 * wording. `actor` is the name to show (or "You"); a target whose name is unknown reads "someone".
 */
export function actionSentence(
  entry: { event: string; on?: boolean; targetName: string | null },
  actor: string,
): string {
  const log = (COMMANDS as Record<string, { log: LogSpec<unknown> } | undefined>)[entry.event]?.log;
  // An event this client does not know (a newer server): still say who did what.
  if (!log || log === 'quiet') return `${actor} ${entry.event}`;
  const wording = entry.on === false && log.off ? log.off : log.says;
  return wording.replace('{actor}', actor).replace('{target}', entry.targetName ?? 'someone');
}
