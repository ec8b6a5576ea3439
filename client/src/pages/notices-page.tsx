import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Badge, Field, Loading, Notice, ProblemBox, Section } from '../components/ui';
import { ORG_UNIT } from '../graphql/org-units';
import {
  MARK_NOTICE_READ,
  NOTICES,
  POST_NOTICE,
  UNREAD_NOTICES,
  type NoticeAudienceKind,
  type NoticeView,
} from '../graphql/notices';
import type { ViewerView } from '../graphql/session';
import { problemOf } from '../lib/errors';
import { useFocusFirstInvalid } from '../lib/focus';
import { thaiDateTime } from '../lib/thai';

const audience: [NoticeAudienceKind, string][] = [
  ['PROVINCE', 'จังหวัด'],
  ['LAO', 'อปท.'],
  ['SCHOOL', 'โรงเรียน'],
  ['CDC', 'ศูนย์พัฒนาเด็กเล็ก'],
];

/** Notices for the signed-in unit (unread first marked), and for the department or a province, posting. */
export function NoticesPage({ me }: { me: ViewerView }) {
  const canPost = me.orgUnit.kind === 'DEPARTMENT' || me.orgUnit.kind === 'PROVINCE';
  const { data, loading, error } = useQuery(NOTICES, { variables: {} });
  const notices = data?.notices ?? [];
  return (
    <>
      <h1>ประกาศ</h1>
      {canPost && <PostNoticeForm me={me} />}
      <Section title="ประกาศถึงหน่วยงานของท่าน">
        {loading && !data && <Loading />}
        <ProblemBox problem={problemOf(error)} />
        {data && notices.length === 0 && <p className="muted">ยังไม่มีประกาศ</p>}
        <ul className="plain cards notices">
          {notices.map((n) => (
            <NoticeItem key={n.id} n={n} />
          ))}
        </ul>
      </Section>
      {canPost && <SentNotices />}
    </>
  );
}

function NoticeItem({ n }: { n: NoticeView }) {
  const [mark, { loading }] = useMutation(MARK_NOTICE_READ, {
    // The top bar's unread count drops with the answer itself, not a refetch later: a clerk who
    // marks a notice read sees the badge change at once (the refetch then confirms it).
    update(cache, { data }) {
      const readId = data?.markNoticeRead.id;
      if (!readId) return;
      cache.updateQuery({ query: UNREAD_NOTICES }, (cached) =>
        cached ? { notices: cached.notices.filter((unread) => unread.id !== readId) } : cached,
      );
    },
    refetchQueries: [NOTICES, UNREAD_NOTICES],
  });
  return (
    <li className={n.read ? 'notice-read' : 'notice-unread'} aria-label={n.title}>
      <h3>
        {!n.read && <Badge tone="warn">ยังไม่อ่าน</Badge>} {n.title}
      </h3>
      <p className="muted">
        จาก {n.fromOrgUnit.name} · {thaiDateTime(n.postedAt)}
        {n.read && n.readAt && <> · อ่านแล้วเมื่อ {thaiDateTime(n.readAt)}</>}
      </p>
      <p className="notice-body">{n.body}</p>
      {!n.read && (
        <button
          type="button"
          className="button button-small"
          disabled={loading}
          onClick={() => mark({ variables: { noticeId: n.id } }).catch(() => null)}
        >
          ทำเครื่องหมายว่าอ่านแล้ว<span className="sr-only"> {n.title}</span>
        </button>
      )}
    </li>
  );
}

function SentNotices() {
  const { data } = useQuery(NOTICES, { variables: { sent: true } });
  if (!data?.notices.length) return null;
  return (
    <Section title="ประกาศที่ส่งแล้ว">
      <ul className="plain">
        {data.notices.map((n) => (
          <li key={n.id} className="row-line">
            <span>{n.title}</span>
            <small className="muted">{thaiDateTime(n.postedAt)}</small>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The department posts to all or some provinces; a province to its LAOs and institutions. */
function PostNoticeForm({ me }: { me: ViewerView }) {
  const department = me.orgUnit.kind === 'DEPARTMENT';
  const { data: unitData } = useQuery(ORG_UNIT, { variables: { code: me.orgUnit.code } });
  const children = (unitData?.orgUnit?.children ?? []).filter(
    (c) => c.kind === (department ? 'PROVINCE' : 'LAO'),
  );
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [kinds, setKinds] = useState<NoticeAudienceKind[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [post, { data, loading, error, reset }] = useMutation(POST_NOTICE, { refetchQueries: [NOTICES] });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const problem = problemOf(error);
  const fields = problem?.fields ?? {};
  const kindChoices = audience.filter(([k]) => department || k !== 'PROVINCE');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    const res = await post({
      variables: {
        input: {
          title: title.trim(),
          body: body.trim(),
          kinds: kinds.length ? kinds : null,
          ...(department
            ? { provinceCodes: picked.length ? picked : null }
            : { orgUnitCodes: picked.length ? picked : null }),
        },
      },
    }).catch(() => null);
    if (res?.data) {
      setTitle('');
      setBody('');
      setKinds([]);
      setPicked([]);
    }
  };
  return (
    <Section title="ส่งประกาศ">
      <form ref={formRef} onSubmit={submit} noValidate aria-label="ส่งประกาศ" className="notice-form">
        {data && <Notice kind="ok">ส่งประกาศ &ldquo;{data.postNotice.title}&rdquo; แล้ว</Notice>}
        <ProblemBox problem={problem} />
        <Field label="หัวเรื่อง" value={title} onChange={(e) => setTitle(e.target.value)} error={fields.title} />
        <div className={`field${fields.body ? ' field-invalid' : ''}`}>
          <label htmlFor="notice-body">ข้อความ</label>
          <textarea
            id="notice-body"
            rows={5}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={fields.body ? true : undefined}
            aria-describedby={fields.body ? 'notice-body-err' : undefined}
          />
          {fields.body && (
            <small id="notice-body-err" className="field-error">
              {fields.body}
            </small>
          )}
        </div>
        <fieldset className="field">
          <legend>ส่งถึงระดับ (ไม่เลือก = ทุกระดับ)</legend>
          {kindChoices.map(([k, label]) => (
            <label key={k} className="checkbox inline">
              <input
                type="checkbox"
                checked={kinds.includes(k)}
                onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {children.length > 0 && (
          <div className={`field${fields.provinceCodes || fields.orgUnitCodes ? ' field-invalid' : ''}`}>
            <label htmlFor="notice-to">
              {department ? 'เฉพาะจังหวัด (ไม่เลือก = ทุกจังหวัด)' : 'เฉพาะ อปท. (ไม่เลือก = ทั้งจังหวัด)'}
            </label>
            <select
              id="notice-to"
              multiple
              size={Math.min(6, children.length)}
              value={picked}
              onChange={(e) => setPicked([...e.target.selectedOptions].map((o) => o.value))}
            >
              {children.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            {(fields.provinceCodes || fields.orgUnitCodes) && (
              <small className="field-error">{fields.provinceCodes ?? fields.orgUnitCodes}</small>
            )}
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={loading}>
            ส่งประกาศ
          </button>
        </div>
      </form>
    </Section>
  );
}
