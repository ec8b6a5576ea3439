import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { PasswordRules } from '../components/password-rules';
import { Field, Notice, ProblemBox } from '../components/ui';
import { CHANGE_PASSWORD } from '../graphql/accounts';
import type { ViewerView } from '../graphql/session';
import { problemOf } from '../lib/errors';
import { useFocusFirstInvalid } from '../lib/focus';
import { Link } from '../lib/router';

/** The account's own password (the same person): not a change of responsible person. */
export function PasswordPage({ me }: { me: ViewerView }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [change, { data, loading, error, reset }] = useMutation(CHANGE_PASSWORD);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const problem = problemOf(error);
  const fields = problem?.fields ?? {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    const res = await change({ variables: { currentPassword: current, newPassword: next } }).catch(
      () => null,
    );
    if (res?.data) {
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  };
  return (
    <form
      ref={formRef}
      className="card profile-card"
      onSubmit={submit}
      aria-labelledby="password-title"
      noValidate
    >
      <h1 id="password-title">เปลี่ยนรหัสผ่าน</h1>
      <p>
        {me.orgUnit.name} (ชื่อผู้ใช้งาน {me.username})
      </p>
      <p className="muted">
        ใช้เมื่อผู้รับผิดชอบคนเดิมต้องการเปลี่ยนรหัสผ่าน หากเปลี่ยนตัวผู้รับผิดชอบ ให้ใช้ <Link href="/profile">เปลี่ยนผู้รับผิดชอบ</Link>
      </p>
      {data?.changePassword && (
        <Notice kind="ok">เปลี่ยนรหัสผ่านเรียบร้อยแล้ว เครื่องอื่นที่เข้าสู่ระบบด้วยบัญชีนี้ไว้ถูกออกจากระบบแล้ว</Notice>
      )}
      <ProblemBox problem={problem} />
      <Field
        label="รหัสผ่านปัจจุบัน"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={fields.currentPassword}
        required
      />
      <PasswordRules id="password-rules" />
      <div className="grid-2">
        <Field
          label="รหัสผ่านใหม่"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={fields.newPassword}
          required
        />
        <Field
          label="ยืนยันรหัสผ่านใหม่"
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={mismatch ? 'รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน' : undefined}
          required
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={loading}>
          เปลี่ยนรหัสผ่าน
        </button>
      </div>
    </form>
  );
}
