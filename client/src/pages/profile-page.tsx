import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { PasswordRules } from '../components/password-rules';
import { Field, Notice, ProblemBox } from '../components/ui';
import {
  CHANGE_RESPONSIBLE_PERSON,
  COMPLETE_FIRST_LOGIN,
  RESPONSIBLE_PERSONS,
  type ViewerView,
} from '../graphql/session';
import { problemOf } from '../lib/errors';
import { useFocusFirstInvalid } from '../lib/focus';
import { navigate } from '../lib/router';
import { thaiDateTime } from '../lib/thai';

/**
 * The profile and new password: forced at the first login (completeFirstLogin), and again when
 * the responsible person changes (changeResponsiblePerson keeps the former person in the history).
 */
export function ProfilePage({ me, firstLogin = false }: { me: ViewerView; firstLogin?: boolean }) {
  const client = useApolloClient();
  const blank = { firstName: '', lastName: '', position: '', phone: '' };
  const [profile, setProfile] = useState(blank);
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [first, firstState] = useMutation(COMPLETE_FIRST_LOGIN);
  const [change, changeState] = useMutation(CHANGE_RESPONSIBLE_PERSON);
  const state = firstLogin ? firstState : changeState;
  const problem = problemOf(state.error);
  const fields = problem?.fields ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(newPassword !== repeat);
    if (newPassword !== repeat) return;
    const variables = { profile, newPassword };
    const res = await (
      firstLogin ? first({ variables }) : change({ variables: { ...variables, currentPassword } })
    ).catch(() => null);
    if (!res?.data) return;
    navigate('/', true);
    // Aborted in-flight reads reject here; every active query is fetched again anyway.
    await client.resetStore().catch(() => undefined);
  };
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) =>
    setProfile({ ...profile, [k]: e.target.value });

  return (
    <main className={firstLogin ? 'login-page' : undefined} id={firstLogin ? 'main' : undefined}>
      <form
        ref={formRef}
        className="card profile-card"
        onSubmit={submit}
        aria-labelledby="profile-title"
        noValidate
      >
        <h1 id="profile-title">{firstLogin ? 'เข้าสู่ระบบครั้งแรก' : 'เปลี่ยนผู้รับผิดชอบ'}</h1>
        <p>
          {me.orgUnit.name} (ชื่อผู้ใช้งาน {me.username})
        </p>
        <Notice>
          {firstLogin
            ? 'กรุณากรอกข้อมูลส่วนตัว (Profile) ของผู้รับผิดชอบ และตั้งรหัสผ่านใหม่ก่อนเริ่มใช้งาน'
            : 'ผู้รับผิดชอบคนใหม่กรอกข้อมูลส่วนตัวและตั้งรหัสผ่านใหม่ ระบบยังเก็บประวัติผู้รับผิดชอบคนก่อนไว้'}
        </Notice>
        <ProblemBox problem={problem} />
        <fieldset className="grid-2">
          <legend>ข้อมูลส่วนตัว (Profile)</legend>
          <Field
            label="ชื่อ"
            name="firstName"
            autoComplete="given-name"
            value={profile.firstName}
            onChange={set('firstName')}
            error={fields.firstName ?? fields['profile.firstName']}
            required
          />
          <Field
            label="ชื่อสกุล"
            name="lastName"
            autoComplete="family-name"
            value={profile.lastName}
            onChange={set('lastName')}
            error={fields.lastName ?? fields['profile.lastName']}
            required
          />
          <Field
            label="ตำแหน่ง"
            name="position"
            autoComplete="organization-title"
            value={profile.position}
            onChange={set('position')}
            error={fields.position ?? fields['profile.position']}
            required
          />
          <Field
            label="หมายเลขโทรศัพท์"
            name="phone"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            value={profile.phone}
            onChange={set('phone')}
            error={fields.phone ?? fields['profile.phone']}
            required
          />
        </fieldset>
        <fieldset className="grid-2">
          <legend>รหัสผ่านใหม่</legend>
          <PasswordRules />
          {!firstLogin && (
            <Field
              label="รหัสผ่านปัจจุบันของบัญชี"
              hint="รหัสผ่านที่ใช้เข้าสู่ระบบอยู่ตอนนี้ (ยืนยันว่าผู้รับผิดชอบคนเดิมส่งมอบงานให้)"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.target.value)}
              error={fields.currentPassword}
              required
            />
          )}
          <Field
            label="รหัสผ่านใหม่"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
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
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={state.loading}>
            {firstLogin ? 'บันทึกและเริ่มใช้งาน' : 'บันทึกผู้รับผิดชอบคนใหม่'}
          </button>
          {!firstLogin && (
            <button type="button" className="button" onClick={() => navigate('/')}>
              ยกเลิก
            </button>
          )}
        </div>
      </form>
      {!firstLogin && <ResponsibleHistory orgUnitCode={me.orgUnit.code} />}
    </main>
  );
}

/** Who was responsible for the unit, and when: every action is attributed to the person then in force. */
function ResponsibleHistory({ orgUnitCode }: { orgUnitCode: string }) {
  const { data } = useQuery(RESPONSIBLE_PERSONS, { variables: { orgUnitCode } });
  if (!data || data.responsiblePersons.length === 0) return null;
  return (
    <section className="card profile-card" aria-labelledby="responsible-title">
      <h2 id="responsible-title">ประวัติผู้รับผิดชอบ</h2>
      <ul className="plain">
        {data.responsiblePersons.map((p) => (
          <li key={p.id} className="row-line">
            <span>
              {p.firstName} {p.lastName}{' '}
              <small className="muted">
                ({p.position} · โทร {p.phone})
              </small>
            </span>
            <small>
              {thaiDateTime(p.startedAt)} – {p.endedAt ? thaiDateTime(p.endedAt) : 'ปัจจุบัน'}
            </small>
          </li>
        ))}
      </ul>
    </section>
  );
}
