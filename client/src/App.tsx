import { useEffect, useState } from 'react';
import { CreateGroupPage } from './groups/CreateGroupPage';
import { JoinPage } from './join/JoinPage';
import { defineMessages, useIntl } from 'react-intl';
import { LanguagePicker, OwnPickerProvider } from './i18n/LanguagePicker';

const m = defineMessages({
  notFound: { id: 'app.notFound', defaultMessage: 'Page not found' },
  nothingHere: { id: 'app.nothingHere', defaultMessage: 'There is nothing at this address.' },
  createGroup: { id: 'app.createGroup', defaultMessage: 'Create a group' },
});

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
  // The room shows the picker in its own menu (see useOwnLanguagePicker).
  const [pageHasPicker, setPageHasPicker] = useState(false);
  return (
    <OwnPickerProvider value={setPageHasPicker}>
      {!pageHasPicker && <LanguagePicker />}
      <Page />
    </OwnPickerProvider>
  );
}

function Page() {
  const intl = useIntl();
  const { pathname } = window.location;
  const hash = useHash();
  if (pathname === '/' || pathname === '/index.html') return <CreateGroupPage />;
  const token = pathname === '/join' ? joinToken(hash) : null;
  if (token) return <JoinPage key={token} token={token} />;
  return (
    <main className="page narrow">
      <h1>{intl.formatMessage(m.notFound)}</h1>
      <p>{intl.formatMessage(m.nothingHere)}</p>
      <p>
        <a href="/">{intl.formatMessage(m.createGroup)}</a>
      </p>
    </main>
  );
}
