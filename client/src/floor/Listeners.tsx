import { useId, useMemo, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { ParticipantView } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { labelParts } from '../i18n/parts';

const m = defineMessages({
  heading: {
    id: 'floor.Listeners.heading',
    defaultMessage: '{count, plural, one {# listening} other {# listening}}',
    description: 'How many people follow the meeting beyond the seats (listeners)',
  },
  intro: {
    id: 'floor.Listeners.intro',
    defaultMessage:
      'Listeners follow the meeting without a seat. They can raise a hand and be given the word.',
  },
  youListen: {
    id: 'floor.Listeners.youListen',
    defaultMessage:
      'You are listening: the seats are full. Raise your hand to ask for the word; you are heard while you hold it.',
  },
  search: { id: 'floor.Listeners.search', defaultMessage: 'Find a listener by name' },
  found: {
    id: 'floor.Listeners.found',
    defaultMessage: '{count, plural, =0 {Nobody listening by that name} one {# found} other {# found}}',
  },
  more: {
    id: 'floor.Listeners.more',
    defaultMessage: 'Showing {shown} of {count}. Type a name to find someone else.',
  },
  list: { id: 'floor.Listeners.list', defaultMessage: 'Listeners' },
  you: { id: 'floor.Listeners.you', defaultMessage: '(you)', description: 'After your own name in the list' },
  youState: {
    id: 'floor.Listeners.youState',
    defaultMessage: 'you',
    description: 'Read after your own name, like the other states of a listener',
  },
  hasWord: { id: 'floor.Listeners.hasWord', defaultMessage: 'has the word' },
  hand: { id: 'floor.Listeners.hand', defaultMessage: 'hand raised, number {place}' },
  offline: { id: 'floor.Listeners.offline', defaultMessage: 'offline' },
  give: { id: 'floor.Listeners.give', defaultMessage: 'Give the word to {name}' },
  giveShort: { id: 'floor.Listeners.giveShort', defaultMessage: 'Give the word' },
  nextSeat: {
    id: 'floor.Listeners.nextSeat',
    defaultMessage: 'next for a seat',
    description: 'This listener takes the next seat that comes free',
  },
  offerSeat: { id: 'floor.Listeners.offerSeat', defaultMessage: 'Offer the next free seat to {name}' },
  offerSeatShort: {
    id: 'floor.Listeners.offerSeatShort',
    defaultMessage: 'Next seat',
    description: 'Button: this listener takes the next seat that comes free, before the others',
  },
});

/** More than this many listeners are not all drawn at once: the search finds the others. */
const SHOWN_MAX = 50;

/**
 * The listeners of an open meeting (people beyond the seats) as a count and a list one can search by
 * name, never as seats. Whoever holds the word or has a hand up comes first; facilitators can give the
 * word to anyone in the list, or choose who takes the next seat that comes free (else the longest waiting).
 */
export function Listeners() {
  const intl = useIntl();
  const { view, me, facilitator, act } = useRoomContext();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const { floor } = view;
  const listeners = useMemo(() => view.participants.filter((p) => p.listener), [view.participants]);
  const iListen = listeners.some((p) => p.pid === me.pid);

  const ordered = useMemo(() => {
    const collator = new Intl.Collator(intl.locale, { sensitivity: 'base' });
    // The holder first, then raised hands in their order, then everyone by name.
    const rank = (p: ParticipantView) =>
      floor.holder?.pid === p.pid ? -1 : floor.queue.includes(p.pid) ? floor.queue.indexOf(p.pid) : Infinity;
    return [...listeners].sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name));
  }, [listeners, floor.holder?.pid, floor.queue, intl.locale]);

  if (listeners.length === 0) return null;
  const needle = query.trim().toLocaleLowerCase(intl.locale);
  const matches = needle
    ? ordered.filter((p) => p.name.toLocaleLowerCase(intl.locale).includes(needle))
    : ordered;
  const shown = matches.slice(0, SHOWN_MAX);
  const expectHolder = floor.holder?.pid ?? null;

  return (
    <section className="panel listeners" aria-labelledby={`${searchId}-heading`}>
      <h2 id={`${searchId}-heading`}>{intl.formatMessage(m.heading, { count: listeners.length })}</h2>
      <p className="hint">{intl.formatMessage(iListen ? m.youListen : m.intro)}</p>
      <label htmlFor={searchId}>{intl.formatMessage(m.search)}</label>
      <input
        id={searchId}
        type="search"
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            setQuery('');
          }
        }}
      />
      {/* Said after each keystroke's result, politely: how many the search found. */}
      <p className="muted" role="status">
        {needle ? intl.formatMessage(m.found, { count: matches.length }) : ''}
      </p>
      {shown.length > 0 && (
        <ul className="plain listener-list" aria-label={intl.formatMessage(m.list)}>
          {shown.map((p) => {
            const holds = floor.holder?.pid === p.pid;
            const place = floor.queue.indexOf(p.pid);
            // Read as a seat is: the name, then what is true of them now.
            const states = [
              p.name,
              ...(p.pid === me.pid ? [intl.formatMessage(m.youState)] : []),
              ...(holds ? [intl.formatMessage(m.hasWord)] : []),
              ...(place >= 0 ? [intl.formatMessage(m.hand, { place: place + 1 })] : []),
              ...(p.nextSeat ? [intl.formatMessage(m.nextSeat)] : []),
              ...(p.online ? [] : [intl.formatMessage(m.offline)]),
            ];
            return (
              <li
                key={p.pid}
                className={holds ? 'holder' : undefined}
                aria-label={labelParts(intl, states)}
                aria-current={holds ? 'true' : undefined}
              >
                <span className="listener-name">
                  {p.name}
                  {p.pid === me.pid && ` ${intl.formatMessage(m.you)}`}
                </span>
                {holds && <span className="badge speaking">{intl.formatMessage(m.hasWord)}</span>}
                {place >= 0 && (
                  <span className="badge hand">{intl.formatMessage(m.hand, { place: place + 1 })}</span>
                )}
                {p.nextSeat && <span className="badge">{intl.formatMessage(m.nextSeat)}</span>}
                {!p.online && <span className="muted"> · {intl.formatMessage(m.offline)}</span>}
                {facilitator && !holds && p.online && (
                  <button
                    type="button"
                    aria-label={intl.formatMessage(m.give, { name: p.name })}
                    onClick={() => void act('floor:give', { pid: p.pid, expectHolder })}
                  >
                    {intl.formatMessage(m.giveShort)}
                  </button>
                )}
                {facilitator && !p.nextSeat && (
                  <button
                    type="button"
                    aria-label={intl.formatMessage(m.offerSeat, { name: p.name })}
                    onClick={() => void act('seats:offer', { pid: p.pid })}
                  >
                    {intl.formatMessage(m.offerSeatShort)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {matches.length > shown.length && (
        <p className="hint">{intl.formatMessage(m.more, { shown: shown.length, count: matches.length })}</p>
      )}
    </section>
  );
}
