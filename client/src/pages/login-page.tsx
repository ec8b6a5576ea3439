import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Field, ProblemBox } from '../components/ui';
import { LOGIN } from '../graphql/session';
import { problemOf } from '../lib/errors';
import { navigate } from '../lib/router';

/** Sign in; the QR code on the credential sheet opens `/login?username=<unit code>`. */
export function LoginPage({ username: given }: { username: string }) {
  const client = useApolloClient();
  const [username, setUsername] = useState(given);
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LOGIN);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await login({ variables: { username: username.trim(), password } }).catch(() => null);
    if (!res?.data) return;
    navigate('/', true);
    // Aborted in-flight reads reject here; every active query is fetched again anyway.
    await client.resetStore().catch(() => undefined);
  };
  const problem = problemOf(error);
  return (
    <main className="login-page" id="main">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <p className="brand-name">LEC</p>
        <h1 id="login-title">เข้าสู่ระบบสารสนเทศทางการศึกษาท้องถิ่น</h1>
        <p className="muted">กรมส่งเสริมการปกครองท้องถิ่น</p>
        <ProblemBox problem={problem} />
        <Field
          label="ชื่อผู้ใช้งาน (User Login)"
          hint="รหัสหน่วยงาน เช่น รหัสสถานศึกษา"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoFocus={!given}
          required
        />
        <Field
          label="รหัสผ่าน"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus={Boolean(given)}
          required
        />
        <button type="submit" className="button button-primary button-wide" disabled={loading}>
          {loading ? 'กำลังเข้าสู่ระบบ…' : 'เข้าสู่ระบบ'}
        </button>
        <p className="muted">
          <a href="/help">วิธีใช้งานในแต่ละรอบ</a>
        </p>
      </form>
    </main>
  );
}
