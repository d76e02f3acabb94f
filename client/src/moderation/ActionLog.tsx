import type { ActionEntry } from '@circle/shared';
import { actionSentence } from '@circle/shared';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * Facilitators: what each of them did this meeting, newest first, so co-facilitators stay in step. Each
 * command's wording is part of its definition in shared/ (`log` in the domain's commands.ts).
 */
export function ActionLog({ log, myPid }: { log: ActionEntry[]; myPid: string }) {
  return (
    <section className="panel" aria-labelledby="log-heading">
      <h2 id="log-heading">What facilitators did</h2>
      {log.length === 0 ? (
        <p className="hint">Nothing yet.</p>
      ) : (
        <ol className="plain action-log" aria-label="Facilitator actions">
          {[...log].reverse().map((e) => (
            <li key={e.id}>
              <span className="muted">{time(e.at)}</span>{' '}
              {actionSentence(e, e.by === myPid ? 'You' : e.byName)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
