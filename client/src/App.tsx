import { CreateGroupPage } from './groups/CreateGroupPage';
import { JoinPage } from './join/JoinPage';

/** The token in `/join/<token>`, or null when the path is something else. */
function joinToken(pathname: string): string | null {
  const match = /^\/join\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export function App() {
  const { pathname } = window.location;
  if (pathname === '/' || pathname === '/index.html') return <CreateGroupPage />;
  const token = joinToken(pathname);
  if (token) return <JoinPage token={token} />;
  return (
    <main className="page narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <a href="/">Create a group</a>
      </p>
    </main>
  );
}
