import { OpenBalance } from './OpenBalance';
import type { Boards } from './useBoards';

/** The shared balance a facilitator put on everyone's screen, above the circle. */
export function Spotlight({ boards }: { boards: Boards }) {
  const id = boards.spotlight;
  if (!id) return null;
  return (
    <section className="panel spotlight" aria-labelledby="spotlight-heading">
      <h2 id="spotlight-heading">On everyone’s screen</h2>
      <OpenBalance id={id} boards={boards} />
    </section>
  );
}
