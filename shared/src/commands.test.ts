import { describe, expect, it } from 'vitest';
import { COMMANDS, actionSentence } from './commands.js';

const commands = Object.entries(COMMANDS);

/** The definitions are read by the server, the client, the tests and the protocol document: keep them sound. */
describe('the command definitions', () => {
  it.each(commands)('%s: its example passes its own schema', (_event, command) => {
    expect(command.schema.safeParse(command.example).error).toBeUndefined();
  });

  it.each(commands.filter(([, c]) => c.log !== 'quiet'))(
    '%s: its log wording names a target only if it has one, and logs only facilitators’ moves',
    (_event, { log, grant }) => {
      if (log === 'quiet') return;
      for (const wording of [log.says, log.off ?? log.says])
        if (wording.includes('{target}')) expect(log.target).toBeDefined();
      // The log is the facilitators': anything others may send is logged only when aimed at someone else.
      expect(grant === 'moderate' || log.onlyOnOthers === true).toBe(true);
    },
  );
});

describe('the action log’s sentences', () => {
  it.each([
    [{ event: 'floor:give', targetName: 'Ana' }, 'Fran', 'Fran gave the word to Ana'],
    [{ event: 'moderation:nudge', targetName: 'Ben' }, 'Fran', 'Fran nudged Ben'],
    [{ event: 'meeting:pause', on: false, targetName: null }, 'You', 'You resumed the meeting'],
    [{ event: 'meeting:pause', on: true, targetName: null }, 'You', 'You paused the meeting'],
    [{ event: 'exercise:timeOut', targetName: null }, 'Fran', 'Fran called a time out in the role-play'],
    [{ event: 'invite:letBack', targetName: null }, 'Fran', 'Fran let someone back into the group'],
    [{ event: 'some:future', targetName: null }, 'Fran', 'Fran some:future'],
  ] as const)('%o by %s reads "%s"', (entry, actor, sentence) => {
    expect(actionSentence(entry, actor)).toBe(sentence);
  });
});
