import type { ReactNode } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { PlainWordsToggle } from '../i18n/LanguagePicker';
import { useLanguage } from '../i18n/I18nProvider';
import { Lines } from '../join/Lines';

const m = defineMessages({
  waiting: { id: 'lobby.LobbyWaiting.waiting', defaultMessage: 'Waiting for a facilitator to let you in' },
  sentToLobby: {
    id: 'lobby.LobbyWaiting.sentToLobby',
    defaultMessage: 'A facilitator asked you to wait in the lobby for now.',
  },
  sentToLobbyWithNote: {
    id: 'lobby.LobbyWaiting.sentToLobbyWithNote',
    defaultMessage: 'A facilitator asked you to wait in the lobby for now: {note}',
    description: "{note} is the facilitator's own words",
  },
  hint: {
    id: 'lobby.LobbyWaiting.hint',
    defaultMessage: 'You will enter the room as soon as someone admits you. You can keep this page open.',
  },
});

/** The same, in plain words: short sentences, common words, one idea per line (`\n` between lines). */
const plainWords: Record<keyof typeof m, MessageDescriptor> = defineMessages({
  waiting: {
    id: 'lobby.LobbyWaiting.plain.waiting',
    defaultMessage: 'Please wait here.\nA facilitator will let you in.',
    description: 'Plain words: short sentences, common words; keep one idea per line (\\n between lines)',
  },
  sentToLobby: {
    id: 'lobby.LobbyWaiting.plain.sentToLobby',
    defaultMessage: 'A facilitator asks you to wait here for now.',
    description: 'Plain words',
  },
  sentToLobbyWithNote: {
    id: 'lobby.LobbyWaiting.plain.sentToLobbyWithNote',
    defaultMessage: 'A facilitator asks you to wait here for now.\nThey say: {note}',
    description: "Plain words; {note} is the facilitator's own words",
  },
  hint: {
    id: 'lobby.LobbyWaiting.plain.hint',
    defaultMessage: 'You will go in soon.\nKeep this page open.',
    description: 'Plain words: one idea per line',
  },
});

/**
 * A member or observer in the lobby (the waiting room), until a facilitator lets them in; in plain words
 * when asked. `note` is what a facilitator wrote when sending them back here (null: not sent back).
 */
export function LobbyWaiting(props: {
  groupName: string;
  note: string | null;
  /** The connection's state, above the words. */
  banner: ReactNode;
  /** What the person can still do meanwhile (leave, erase their identity). */
  children: ReactNode;
}) {
  const { groupName, note, banner, children } = props;
  const intl = useIntl();
  const { plain } = useLanguage();
  const say = (key: keyof typeof m, values?: Record<string, string>) =>
    intl.formatMessage(plain ? plainWords[key] : m[key], values);
  return (
    <main className="page narrow">
      <h1>{groupName}</h1>
      <PlainWordsToggle />
      {banner}
      <p className="waiting" role="status">
        <Lines text={say('waiting')} />
      </p>
      {note !== null && (
        <p className="notice nudge">
          <Lines text={note ? say('sentToLobbyWithNote', { note }) : say('sentToLobby')} />
        </p>
      )}
      <p className="hint">
        <Lines text={say('hint')} />
      </p>
      {children}
    </main>
  );
}
