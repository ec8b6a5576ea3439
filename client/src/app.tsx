import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Loading, ProblemBox } from './components/ui';
import { ME } from './graphql/session';
import { useDataAsOf } from './lib/data-as-of';
import { problemOf } from './lib/errors';
import { navigate, useLocation } from './lib/router';
import { LoginPage } from './pages/login-page';
import { ProfilePage } from './pages/profile-page';
import { Shell } from './pages/shell';
import { UnitPage } from './pages/unit-page';

/** Who is signed in decides the screen: login, the first-login step, or the unit's own pages. */
export function App() {
  const { path, query } = useLocation();
  const { data, loading, error } = useQuery(ME, { fetchPolicy: 'network-only' });
  const me = data?.me ?? null;
  const dataAsOf = useDataAsOf();

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
      {dataAsOf && (
        <p className="muted" role="status">
          {dataAsOf}
        </p>
      )}
      {path === '/profile' ? (
        <ProfilePage me={me} />
      ) : (
        <UnitPage me={me} code={unitMatch ? decodeURIComponent(unitMatch[1]) : me.orgUnit.code} />
      )}
    </Shell>
  );
}
