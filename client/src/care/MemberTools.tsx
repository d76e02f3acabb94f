import { defineMessages, useIntl } from 'react-intl';
import { ChatPanel } from '../chat/ChatPanel';
import { PrivateThread } from '../chat/PrivateThread';
import type { Chat } from '../chat/useChat';
import { JournalPanel } from '../journal/JournalPanel';
import { useRoomContext } from '../room/RoomContext';
import { CareControls } from './CareControls';

const m = defineMessages({
  privateHeading: {
    id: 'care.MemberTools.privateHeading',
    defaultMessage: 'Private word with the facilitators',
    description: 'A private written conversation between one member and the facilitators',
  },
  privateLabel: {
    id: 'care.MemberTools.privateLabel',
    defaultMessage: 'Write privately to the facilitators',
  },
});

/** Below the circle, for everyone: taking care of oneself, the private word (members), the group chat. */
export function MemberTools({ chat }: { chat: Chat }) {
  const intl = useIntl();
  const { me } = useRoomContext();
  return (
    <>
      <CareControls chat={chat} />
      {me.role === 'member' && (
        <section className="panel" aria-labelledby="private-heading">
          <h2 id="private-heading">{intl.formatMessage(m.privateHeading)}</h2>
          <PrivateThread
            member={me.pid}
            whispers={chat.whispers}
            label={intl.formatMessage(m.privateLabel)}
          />
        </section>
      )}
      <ChatPanel messages={chat.messages} />
      <JournalPanel />
    </>
  );
}
