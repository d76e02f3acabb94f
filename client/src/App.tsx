import { useEffect, useState } from 'react';
import { CreateGroupPage } from './groups/CreateGroupPage';
import { JoinPage } from './join/JoinPage';

/**
 * The invitation token of `/join#<token>`. It rides in the fragment, which browsers never send to a
 * server, so it never reaches a server's or a proxy's logs; the join page sends it in request bodies.
 */
function joinToken(hash: string): string | null {
  const raw = hash.replace(/^#/, '');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Follows the fragment: opening another invitation link in the same tab changes only the hash. */
function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export function App() {
  const { pathname } = window.location;
  const hash = useHash();
  if (pathname === '/' || pathname === '/index.html') return <CreateGroupPage />;
  const token = pathname === '/join' ? joinToken(hash) : null;
  if (token) return <JoinPage key={token} token={token} />;
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
