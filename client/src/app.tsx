import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Loading, ProblemBox } from './components/ui';
import { ME } from './graphql/session';
import { problemOf } from './lib/errors';
import { navigate, useLocation } from './lib/router';
import { LoginPage } from './pages/login-page';
import { ProfilePage } from './pages/profile-page';
import { Shell } from './pages/shell';
import { UnitPage } from './pages/unit-page';
import { OpenDataPage } from './pages/public/open-data-page';
import { OfflineQueuePage } from './offline/offline-queue-page';

/** Who is signed in decides the screen: login, the first-login step, or the unit's own pages. */
export function App() {
  const { path, query } = useLocation();
  // The public page needs no session (issue 15).
  if (path === '/open-data')
    return <OpenDataPage unitCode={query.get('unit')} roundId={query.get('round')} />;
  // The device's own queue: readable offline, without asking the server who is signed in.
  if (path === '/offline-queue') return <OfflineQueuePage />;
  return <SignedInApp path={path} query={query} />;
}

function SignedInApp({ path, query }: { path: string; query: URLSearchParams }) {
  const { data, loading, error } = useQuery(ME, { fetchPolicy: 'network-only' });
  const me = data?.me ?? null;

  useEffect(() => {
    if (loading || error) return;
    if (!me && path !== '/login') navigate('/login', true);
    if (me && path === '/login') navigate('/', true);
  }, [loading, error, me, path]);

  if (loading && !data) return <Loading />;
  if (error)
    return (
      <main className="page">
        <ProblemBox problem={problemOf(error)} />
      </main>
    );
  if (!me) return <LoginPage username={query.get('username') ?? ''} />;
  if (me.mustCompleteFirstLogin) return <ProfilePage me={me} firstLogin />;

  const unitMatch = /^\/units\/([^/]+)$/.exec(path);
  return (
    <Shell me={me}>
      {path === '/profile' ? (
        <ProfilePage me={me} />
      ) : (
        <UnitPage me={me} code={unitMatch ? decodeURIComponent(unitMatch[1]) : me.orgUnit.code} />
      )}
    </Shell>
  );
}
