import { useEffect, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { clockLeftMs } from '@circle/shared';
import type { CurrentPart as Current } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { KIND_LABELS } from './labels';
import { useSavedFormat } from './useSavedFormat';
import './format.css';

const m = defineMessages({
  region: { id: 'format.CurrentPart.region', defaultMessage: 'The meeting format' },
  position: {
    id: 'format.CurrentPart.position',
    defaultMessage: 'Part {number} of {total}',
    description: 'Where the meeting is in its format',
  },
  text: { id: 'format.CurrentPart.text', defaultMessage: 'Text of this part' },
  youRead: {
    id: 'format.CurrentPart.youRead',
    defaultMessage: 'You are the Reader: please read this aloud.',
  },
  reader: { id: 'format.CurrentPart.reader', defaultMessage: 'Reader: {name}' },
  timekeeper: { id: 'format.CurrentPart.timekeeper', defaultMessage: 'Timekeeper: {name}' },
  partLeft: {
    id: 'format.CurrentPart.partLeft',
    defaultMessage: '{count, plural, one {# minute left in this part} other {# minutes left in this part}}',
  },
  partOver: {
    id: 'format.CurrentPart.partOver',
    defaultMessage: '{count, plural, one {This part is # minute over} other {This part is # minutes over}}',
  },
  partClock: { id: 'format.CurrentPart.partClock', defaultMessage: 'Time left in this part' },
  perTurn: {
    id: 'format.CurrentPart.perTurn',
    defaultMessage: '{count, plural, one {Each turn: # minute} other {Each turn: # minutes}}',
    description: 'The per-turn limit of a go-around',
  },
  perTurnSec: {
    id: 'format.CurrentPart.perTurnSec',
    defaultMessage: '{count, plural, one {Each turn: # second} other {Each turn: # seconds}}',
  },
  noLimit: { id: 'format.CurrentPart.noLimit', defaultMessage: 'No limit per turn' },
  previous: { id: 'format.CurrentPart.previous', defaultMessage: 'Previous part' },
  next: { id: 'format.CurrentPart.next', defaultMessage: 'Next part' },
  start: { id: 'format.CurrentPart.start', defaultMessage: 'Start the format' },
  stop: { id: 'format.CurrentPart.stop', defaultMessage: 'Leave the format' },
  controls: { id: 'format.CurrentPart.controls', defaultMessage: 'Step through the format' },
  now: {
    id: 'format.CurrentPart.now',
    defaultMessage: 'Now, part {number} of {total}: {title}',
    description:
      'Read aloud by screen readers when the meeting moves to another part; title is the group’s own',
  },
});

/** Whole minutes in the part's plural forms; a go-around's limit in minutes when it is whole minutes. */
export function turnLimitWords(intl: ReturnType<typeof useIntl>, sec: number | null): string {
  if (sec === null) return intl.formatMessage(m.noLimit);
  return sec % 60 === 0
    ? intl.formatMessage(m.perTurn, { count: sec / 60 })
    : intl.formatMessage(m.perTurnSec, { count: sec });
}

function PartClock({ current }: { current: Current }) {
  const intl = useIntl();
  const { clockOffset } = useRoomContext();
  const [now, setNow] = useState(() => Date.now());
  const clock = current.clock;
  const running = clock !== null && clock.pausedAt === null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, [running]);
  if (!clock || current.part.minutes === null) return null;
  const left = clockLeftMs(clock, current.part.minutes * 60_000, now + clockOffset);
  const count = Math.max(0, Math.ceil(Math.abs(left) / 60_000));
  return (
    <span role="timer" aria-label={intl.formatMessage(m.partClock)} className="part-clock">
      {intl.formatMessage(left >= 0 ? m.partLeft : m.partOver, { count })}
    </span>
  );
}

/**
 * The part of the meeting format shown now, for everyone: its title, its text (the group's own words, in
 * the group's language), its own clock and, for a go-around, the per-turn limit. The Reader sees the text
 * large. Facilitators step with Previous and Next right here, so the controls stay by what they change.
 */
export function CurrentPart() {
  const intl = useIntl();
  const { view, me, facilitator, act, nameOf } = useRoomContext();
  const format = view.format;
  const current = format?.current ?? null;
  const saved = useSavedFormat();
  // Nothing to show or start: no part now, and (for facilitators) no format written yet.
  if (!current && (!facilitator || !saved?.parts.length)) return null;
  const at = current?.index ?? null;
  const step = (move: 'next' | 'previous' | 'stop') => void act('format:step', { move, expectIndex: at });
  const reading = current !== null && me.pid === format?.reader && current.part.kind === 'reading';
  const limit = current?.part.kind === 'go-around' ? turnLimitWords(intl, current.part.turnLimitSec) : null;

  return (
    <section
      className={`panel current-part${reading ? ' reader' : ''}`}
      aria-label={intl.formatMessage(m.region)}
    >
      {current && (
        <>
          <p className="part-meta muted">
            {intl.formatMessage(m.position, { number: current.index + 1, total: current.total })} ·{' '}
            {intl.formatMessage(KIND_LABELS[current.part.kind])}
          </p>
          <h2 id="current-part-title" lang={view.meeting.language}>
            {current.part.title}
          </h2>
          <p className="part-facts">
            <PartClock current={current} />
            {limit && <span className="part-limit">{limit}</span>}
          </p>
          {reading && <p className="part-you-read">{intl.formatMessage(m.youRead)}</p>}
          {current.part.text && (
            // Scrolls on its own, so a long reading never pushes the controls off a phone's screen.
            <div
              className="part-text"
              lang={view.meeting.language}
              tabIndex={0}
              role="region"
              aria-label={intl.formatMessage(m.text)}
            >
              {current.part.text}
            </div>
          )}
        </>
      )}
      {/* One polite line when the part changes (its title only: the text is there to be read at will). */}
      <p className="sr-only" role="status">
        {current &&
          intl.formatMessage(m.now, {
            number: current.index + 1,
            total: current.total,
            title: current.part.title,
          })}
      </p>
      {(format?.reader || format?.timekeeper) && (
        <p className="part-roles muted">
          {format.reader && intl.formatMessage(m.reader, { name: nameOf(format.reader) })}
          {format.reader && format.timekeeper && ' · '}
          {format.timekeeper && intl.formatMessage(m.timekeeper, { name: nameOf(format.timekeeper) })}
        </p>
      )}
      {facilitator && (
        <div className="button-row part-steps" role="group" aria-label={intl.formatMessage(m.controls)}>
          {current && current.index > 0 && (
            <button type="button" onClick={() => step('previous')}>
              {intl.formatMessage(m.previous)}
            </button>
          )}
          {(!current || current.index + 1 < current.total) && (
            <button type="button" className="primary" onClick={() => step('next')}>
              {intl.formatMessage(current ? m.next : m.start)}
            </button>
          )}
          {current && (
            <button type="button" onClick={() => step('stop')}>
              {intl.formatMessage(m.stop)}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
