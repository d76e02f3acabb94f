import { defineMessages, useIntl } from 'react-intl';
import { OpenBalance } from './OpenBalance';
import type { Boards } from './useBoards';

const m = defineMessages({
  heading: { id: 'board.Spotlight.heading', defaultMessage: 'On everyone’s screen' },
});

/** The shared balance a facilitator put on everyone's screen, above the circle. */
export function Spotlight({ boards }: { boards: Boards }) {
  const intl = useIntl();
  const id = boards.spotlight;
  if (!id) return null;
  return (
    <section className="panel spotlight" aria-labelledby="spotlight-heading">
      <h2 id="spotlight-heading">{intl.formatMessage(m.heading)}</h2>
      <OpenBalance id={id} boards={boards} />
    </section>
  );
}
