import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect } from 'react';
import { Loading, ProblemBox } from './components/ui';
import { ME } from './graphql/session';
import { problemOf } from './lib/errors';
import { navigate, useLocation } from './lib/router';
import { LoginPage } from './pages/login-page';

// The login page is the first paint on a phone: the signed-in screens load after it, as their own chunk.
const ProfilePage = lazy(() => import('./pages/profile-page').then((m) => ({ default: m.ProfilePage })));
const SignedIn = lazy(() => import('./pages/signed-in'));
const HelpPage = lazy(() => import('./pages/help-page').then((m) => ({ default: m.HelpPage })));

/** Who is signed in decides the screen: login, the first-login step, or the unit's own pages. */
export function App() {
  const { path, query } = useLocation();
  const { data, loading, error } = useQuery(ME, { fetchPolicy: 'network-only' });
  const me = data?.me ?? null;

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
    <Suspense fallback={<Loading />}>
      {me.mustCompleteFirstLogin ? <ProfilePage me={me} firstLogin /> : <SignedIn me={me} path={path} />}
    </Suspense>
  );
}
