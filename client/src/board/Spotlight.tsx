import type { Role } from '@circle/shared';
import { OpenBalance } from './OpenBalance';
import type { Boards } from './useBoards';

/** The shared balance a facilitator put on everyone's screen, above the circle. */
export function Spotlight({
  boards,
  me,
  nameOf,
  clockOffset,
}: {
  boards: Boards;
  me: { pid: string; role: Role };
  nameOf: (pid: string) => string;
  clockOffset: number;
}) {
  const id = boards.spotlight;
  if (!id) return null;
  return (
    <section className="panel spotlight" aria-labelledby="spotlight-heading">
      <h2 id="spotlight-heading">On everyone’s screen</h2>
      <OpenBalance id={id} boards={boards} me={me} nameOf={nameOf} clockOffset={clockOffset} />
    </section>
  );
}
