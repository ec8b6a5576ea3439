import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { UNREAD_NOTICES } from '../graphql/notices';
import type { ReactNode } from 'react';
import { LOGOUT, type ViewerView } from '../graphql/session';
import { kindLabels } from '../lib/thai';
import { Link } from '../lib/router';

export function Shell({ me, children }: { me: ViewerView; children: ReactNode }) {
  const client = useApolloClient();
  const [logout, { loading }] = useMutation(LOGOUT);
  const unread = useQuery(UNREAD_NOTICES).data?.notices.length ?? 0;
  const signOut = async () => {
    await logout().catch(() => undefined);
    // Forget everything the session read: a fresh page holds no one's data.
    await client.clearStore();
    window.location.assign('/login');
  };
  const person = me.profile ? `${me.profile.firstName} ${me.profile.lastName}` : '';
  return (
    <>
      <a href="#main" className="skip-link">
        ข้ามไปยังเนื้อหา
      </a>
      <header className="topbar">
        <div className="brand">
          <Link href="/" className="brand-name">
            LEC
          </Link>
          <span className="brand-unit">
            {me.orgUnit.name}
            <small>
              {kindLabels[me.orgUnit.kind]} · รหัส {me.orgUnit.code}
            </small>
          </span>
        </div>
        <nav aria-label="บัญชีผู้ใช้งาน" className="account">
          <span className="who">
            ผู้รับผิดชอบ: <strong>{person}</strong>
            {me.profile && <small>{me.profile.position}</small>}
          </span>
          <Link href="/notices" className="button button-ghost">
            ประกาศ
            {unread > 0 && (
              <span className="count-badge" aria-label={`ยังไม่อ่าน ${unread} รายการ`}>
                {unread}
              </span>
            )}
          </Link>
          <Link href="/help" className="button button-ghost">
            วิธีใช้งาน
          </Link>
          <Link href="/password" className="button button-ghost">
            เปลี่ยนรหัสผ่าน
          </Link>
          <Link href="/profile" className="button button-ghost">
            เปลี่ยนผู้รับผิดชอบ
          </Link>
          <button type="button" className="button button-ghost" onClick={signOut} disabled={loading}>
            ออกจากระบบ
          </button>
        </nav>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
