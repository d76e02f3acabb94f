import { useState } from 'react';
import type { FormEvent } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { LIMITS } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: {
    id: 'floor.TurnSettings.heading',
    defaultMessage: 'Turn time',
    description: 'How long each turn may last',
  },
  limit: { id: 'floor.TurnSettings.limit', defaultMessage: 'Turn limit (seconds)' },
  noLimit: { id: 'floor.TurnSettings.noLimit', defaultMessage: 'No limit' },
  set: { id: 'floor.TurnSettings.set', defaultMessage: 'Set turn limit' },
  invalid: {
    id: 'floor.TurnSettings.invalid',
    defaultMessage: 'Use {min} to {max} seconds, or leave empty for no limit.',
  },
  emptyHint: { id: 'floor.TurnSettings.emptyHint', defaultMessage: 'Leave empty for no limit.' },
  auto: {
    id: 'floor.TurnSettings.auto',
    defaultMessage: 'Hand the word on automatically when time is up',
    description: 'When a turn runs out of time, the word passes to the next person by itself',
  },
});

const limitText = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 1000)));

/** Turn limit and automatic hand-over. Local edits show at once; the server's values win when they change. */
export function TurnSettings() {
  const intl = useIntl();
  const { view, act } = useRoomContext();
  const { settings } = view.floor;
  const [limit, setLimit] = useState(limitText(settings.turnLimitMs));
  const [invalid, setInvalid] = useState(false);
  const [pendingAuto, setPendingAuto] = useState<boolean | null>(null);
  const [seen, setSeen] = useState(settings);

  if (seen !== settings) {
    // A new snapshot: adopt the server's settings if they changed (React's "adjust state on prop change").
    if (seen.turnLimitMs !== settings.turnLimitMs) setLimit(limitText(settings.turnLimitMs));
    if (seen.autoHandover !== settings.autoHandover) setPendingAuto(null);
    setSeen(settings);
  }

  function save(e: FormEvent) {
    e.preventDefault();
    const text = limit.trim();
    const sec = text === '' ? null : Number(text);
    if (
      sec !== null &&
      (!Number.isInteger(sec) || sec < LIMITS.turnLimitSecMin || sec > LIMITS.turnLimitSecMax)
    ) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void act('floor:settings', { turnLimitSec: sec });
  }

  function toggleAuto(value: boolean) {
    setPendingAuto(value);
    void act('floor:settings', { autoHandover: value }).then((ok) => {
      if (!ok) setPendingAuto(null);
    });
  }

  return (
    <section aria-labelledby="turn-settings-heading">
      <h3 id="turn-settings-heading">{intl.formatMessage(m.heading)}</h3>
      <form className="inline-form" onSubmit={save}>
        <label htmlFor="turn-limit">{intl.formatMessage(m.limit)}</label>
        <input
          id="turn-limit"
          type="number"
          min={LIMITS.turnLimitSecMin}
          max={LIMITS.turnLimitSecMax}
          placeholder={intl.formatMessage(m.noLimit)}
          value={limit}
          aria-invalid={invalid || undefined}
          aria-describedby="turn-limit-hint"
          onChange={(e) => setLimit(e.target.value)}
        />
        <button type="submit">{intl.formatMessage(m.set)}</button>
      </form>
      <p className="hint" id="turn-limit-hint">
        {invalid
          ? intl.formatMessage(m.invalid, {
              min: String(LIMITS.turnLimitSecMin),
              max: String(LIMITS.turnLimitSecMax),
            })
          : intl.formatMessage(m.emptyHint)}
      </p>
      <div className="check">
        <input
          id="auto-handover"
          type="checkbox"
          checked={pendingAuto ?? settings.autoHandover}
          onChange={(e) => toggleAuto(e.target.checked)}
        />
        <label htmlFor="auto-handover">{intl.formatMessage(m.auto)}</label>
      </div>
    </section>
  );
}
