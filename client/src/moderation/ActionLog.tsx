import { defineMessages, useIntl } from 'react-intl';
import type { ActionEntry } from '@circle/shared';
import { actionSentence } from './actionWords';

const m = defineMessages({
  heading: { id: 'moderation.ActionLog.heading', defaultMessage: 'What facilitators did' },
  nothing: { id: 'moderation.ActionLog.nothing', defaultMessage: 'Nothing yet.' },
  list: { id: 'moderation.ActionLog.list', defaultMessage: 'Facilitator actions' },
});

/**
 * Facilitators: what each of them did this meeting, newest first, so co-facilitators stay in step. Each
 * command's line is worded in the reader's language (actionWords.ts, checked against `log` in shared/).
 */
export function ActionLog({ log, myPid }: { log: ActionEntry[]; myPid: string }) {
  const intl = useIntl();
  return (
    <section className="panel" aria-labelledby="log-heading">
      <h2 id="log-heading">{intl.formatMessage(m.heading)}</h2>
      {log.length === 0 ? (
        <p className="hint">{intl.formatMessage(m.nothing)}</p>
      ) : (
        <ol className="plain action-log" aria-label={intl.formatMessage(m.list)}>
          {[...log].reverse().map((e) => (
            <li key={e.id}>
              <span className="muted">{intl.formatTime(e.at, { hour: '2-digit', minute: '2-digit' })}</span>{' '}
              {actionSentence(intl, e, e.by === myPid)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
