import type { ViewerView } from '../graphql/session';
import { HelpPage } from './help-page';
import { NoticesPage } from './notices-page';
import { PasswordPage } from './password-page';
import { ProfilePage } from './profile-page';
import { Shell } from './shell';
import { UnitPage } from './unit-page';

/** The screens of a signed-in account (loaded after the login page, as their own chunk). */
export default function SignedIn({ me, path }: { me: ViewerView; path: string }) {
  const unitMatch = /^\/units\/([^/]+)$/.exec(path);
  return (
    <Shell me={me}>
      {path === '/profile' ? (
        <ProfilePage me={me} />
      ) : path === '/password' ? (
        <PasswordPage me={me} />
      ) : path === '/notices' ? (
        <NoticesPage me={me} />
      ) : path === '/help' ? (
        <HelpPage kind={me.orgUnit.kind} />
      ) : (
        <UnitPage me={me} code={unitMatch ? decodeURIComponent(unitMatch[1]) : me.orgUnit.code} />
      )}
    </Shell>
  );
}
