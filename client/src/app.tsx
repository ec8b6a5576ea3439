import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect } from 'react';
import { Loading, ProblemBox } from './components/ui';
import { ME } from './graphql/session';
import { useDataAsOf } from './lib/data-as-of';
import { problemOf } from './lib/errors';
import { navigate, useLocation } from './lib/router';
import { LoginPage } from './pages/login-page';

// The login page is the first paint on a phone: every other screen loads after it, as its own chunk.
const ProfilePage = lazy(() => import('./pages/profile-page').then((m) => ({ default: m.ProfilePage })));
const SignedIn = lazy(() => import('./pages/signed-in'));
const HelpPage = lazy(() => import('./pages/help-page').then((m) => ({ default: m.HelpPage })));
const OpenDataPage = lazy(() =>
  import('./pages/public/open-data-page').then((m) => ({ default: m.OpenDataPage })),
);
const OfflineQueuePage = lazy(() =>
  import('./offline/offline-queue-page').then((m) => ({ default: m.OfflineQueuePage })),
);

/** Who is signed in decides the screen: login, the first-login step, or the unit's own pages. */
export function App() {
  const { path, query } = useLocation();
  // The public page needs no session (issue 15).
  if (path === '/open-data')
    return (
      <Suspense fallback={<Loading />}>
        <OpenDataPage unitCode={query.get('unit')} roundId={query.get('round')} />
      </Suspense>
    );
  // The device's own queue: readable offline, without asking the server who is signed in.
  if (path === '/offline-queue')
    return (
      <Suspense fallback={<Loading />}>
        <OfflineQueuePage />
      </Suspense>
    );
  return <SignedInApp path={path} query={query} />;
}

function SignedInApp({ path, query }: { path: string; query: URLSearchParams }) {
  const { data, loading, error } = useQuery(ME, { fetchPolicy: 'network-only' });
  const me = data?.me ?? null;
  const dataAsOf = useDataAsOf();

  useEffect(() => {
    if (loading || error) return;
    if (!me && path !== '/login' && path !== '/help') navigate('/login', true);
    if (me && path === '/login') navigate('/', true);
  }, [loading, error, me, path]);

  if (loading && !data) return <Loading />;
  if (error)
    return (
      <main className="page">
        <ProblemBox problem={problemOf(error)} />
      </main>
    );
  if (!me && path === '/help')
    return (
      <main className="page" id="main">
        <Suspense fallback={<Loading />}>
          <HelpPage kind={null} />
        </Suspense>
      </main>
    );
  if (!me) return <LoginPage username={query.get('username') ?? ''} />;
  return (
    <>
      {dataAsOf && (
        <p className="muted" role="status">
          {dataAsOf}
        </p>
      )}
      <Suspense fallback={<Loading />}>
        {me.mustCompleteFirstLogin ? <ProfilePage me={me} firstLogin /> : <SignedIn me={me} path={path} />}
      </Suspense>
    </>
  );
}
