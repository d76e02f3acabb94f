import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { CompanionNote } from './CompanionNote';
import { useBuddies } from './useBuddies';

const m = defineMessages({
  heading: {
    id: 'buddy.Newcomers.heading',
    defaultMessage: 'Newcomers to welcome',
    description: 'Facilitators only: people at their first meeting, or who came with a member',
  },
  firstMeeting: { id: 'buddy.Newcomers.firstMeeting', defaultMessage: 'first meeting' },
  cameWith: { id: 'buddy.Newcomers.cameWith', defaultMessage: 'came with {name}' },
  onlyYou: {
    id: 'buddy.Newcomers.onlyYou',
    defaultMessage: 'Only facilitators see this, unless a newcomer said everyone may know.',
  },
  welcome: {
    id: 'buddy.Newcomers.welcome',
    defaultMessage: 'At their first meeting today: {names}. Welcome!',
    description: '{names}: a list of first names; shown only for newcomers who agreed to it',
  },
});

/**
 * The room's newcomers. Facilitators: everyone who asked to be welcomed and who came with whom. Others:
 * only the newcomers who said everyone may know, and the person they came with themselves.
 */
export function Newcomers() {
  const intl = useIntl();
  const { facilitator, view, nameOf, known } = useRoomContext();
  const { pairs, firstMeeting, companion } = useBuddies();
  const inside = (pid: string) => known(pid);
  if (!facilitator) {
    const welcomed = firstMeeting.filter(inside);
    return (
      <>
        {welcomed.length > 0 && (
          <p className="notice buddy-welcome">
            {intl.formatMessage(m.welcome, { names: intl.formatList(welcomed.map(nameOf)) })}
          </p>
        )}
        <CompanionNote companion={companion} inRoom />
      </>
    );
  }
  const newcomers = view.participants
    .map((p) => p.pid)
    .filter((pid) => firstMeeting.includes(pid) || pairs.some((p) => p.newcomer === pid));
  if (newcomers.length === 0) return null;
  return (
    <section className="panel buddy-newcomers" aria-labelledby="newcomers-heading">
      <h2 id="newcomers-heading">{intl.formatMessage(m.heading)}</h2>
      <ul className="plain">
        {newcomers.map((pid) => {
          const cameWith = pairs.find((p) => p.newcomer === pid)?.companion;
          const about = [
            ...(firstMeeting.includes(pid) ? [intl.formatMessage(m.firstMeeting)] : []),
            ...(cameWith ? [intl.formatMessage(m.cameWith, { name: nameOf(cameWith) })] : []),
          ];
          return (
            <li key={pid}>
              {nameOf(pid)} <span className="muted">· {intl.formatList(about)}</span>
            </li>
          );
        })}
      </ul>
      <p className="hint">{intl.formatMessage(m.onlyYou)}</p>
    </section>
  );
}
