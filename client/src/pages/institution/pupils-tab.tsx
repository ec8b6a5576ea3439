import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Field, Loading, Notice, ProblemBox, Section } from '../../components/ui';
import { PUPILS, type PupilRow } from '../../graphql/pupils';
import { problemOf } from '../../lib/errors';
import {
  gradeLabels,
  pupilWord,
  SCHOOL_GRADES,
  sexLabels,
  thaiDate,
  thaiNumber,
  type Grade,
  type OrgUnitKind,
} from '../../lib/thai';
import { LeaveForm } from './leave-form';
import { PupilForm } from './pupil-form';
import { PupilHistory } from './pupil-history';
import { RemoveForm } from './remove-form';

/** What is open under a pupil's row: nothing, the correction, the normal leave, the removal, the history. */
type Open = 'edit' | 'leave' | 'remove' | 'history';

const PAGE = 20;

interface Props {
  institution: { code: string; name: string; kind: OrgUnitKind };
  /** The institution itself may change its register (unless confirmed); others read. */
  canEdit: boolean;
  lockedReason: string | null;
}

export function PupilsTab({ institution, canEdit, lockedReason }: Props) {
  const word = pupilWord(institution.kind);
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState('');
  const [grade, setGrade] = useState<Grade | ''>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [open, setOpen] = useState<{ id: string; what: Open } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const after = cursors[cursors.length - 1];
  const { data, loading, error } = useQuery(PUPILS, {
    variables: {
      institutionCode: institution.code,
      search: applied || null,
      grade: grade || null,
      first: PAGE,
      after,
    },
  });
  const page = data?.pupils;
  const reset = () => setCursors([null]);
  const editable = canEdit && !lockedReason;

  return (
    <Section
      title={`รายชื่อ${word}`}
      actions={
        <a
          className="button button-small"
          href={`/reports/posting-list/${encodeURIComponent(institution.code)}.pdf`}
          title="ชื่อและชั้นเท่านั้น ไม่แสดงเลขประจำตัวประชาชน"
        >
          พิมพ์รายชื่อปิดประกาศ (PDF)
        </a>
      }
    >
      {done && <Notice kind="ok">{done}</Notice>}
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(search.trim());
          reset();
        }}
      >
        <Field
          label={`ค้นหา${word} (ชื่อ นามสกุล หรือเลขประจำตัวประชาชน)`}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {institution.kind !== 'CDC' && (
          <div className="field">
            <label htmlFor="grade-filter">ระดับชั้น</label>
            <select
              id="grade-filter"
              value={grade}
              onChange={(e) => {
                setGrade(e.target.value as Grade | '');
                reset();
              }}
            >
              <option value="">ทุกชั้น</option>
              {SCHOOL_GRADES.map((g) => (
                <option key={g} value={g}>
                  {gradeLabels[g]}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="button">
          ค้นหา
        </button>
      </form>
      {error && <ProblemBox problem={problemOf(error)} />}
      {loading && !data && <Loading />}
      {page && (
        <>
          <p aria-live="polite">
            พบ {thaiNumber(page.totalCount)} คน
            {page.totalCount > 0 &&
              ` · หน้า ${thaiNumber(cursors.length)} จาก ${thaiNumber(Math.ceil(page.totalCount / PAGE))}`}
          </p>
          <div className="table-wrap">
            <table className="pupils">
              <caption className="sr-only">
                รายชื่อ{word} {institution.name}
              </caption>
              <thead>
                <tr>
                  <th scope="col">ชื่อ–นามสกุล</th>
                  <th scope="col">เลขประจำตัวประชาชน</th>
                  <th scope="col">ชั้น</th>
                  <th scope="col">เพศ</th>
                  <th scope="col">วันเกิด</th>
                  <th scope="col">{canEdit ? 'จัดการ' : 'ประวัติ'}</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((p) => (
                  <PupilLine
                    key={p.id}
                    p={p}
                    institution={institution}
                    canEdit={canEdit}
                    editable={editable}
                    open={open?.id === p.id ? open.what : null}
                    onToggle={(what) => {
                      setDone(null);
                      setOpen(open?.id === p.id && open.what === what ? null : { id: p.id, what });
                    }}
                    onDone={(m) => {
                      setOpen(null);
                      setDone(m);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button
              type="button"
              className="button"
              disabled={cursors.length <= 1}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              ก่อนหน้า
            </button>
            <button
              type="button"
              className="button"
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, page.pageInfo.endCursor])}
            >
              ถัดไป
            </button>
          </div>
        </>
      )}
    </Section>
  );
}

interface LineProps {
  p: PupilRow;
  institution: Props['institution'];
  canEdit: boolean;
  editable: boolean;
  open: Open | null;
  onToggle: (what: Open) => void;
  onDone: (message: string) => void;
}

function PupilLine({ p, institution, canEdit, editable, open, onToggle, onDone }: LineProps) {
  const name = `${p.prefix}${p.firstName} ${p.lastName}`;
  const word = pupilWord(institution.kind);
  const close = () => onToggle(open ?? 'edit');
  return (
    <>
      <tr>
        <th scope="row">
          {name}
          {p.queryNote && <small className="muted block">หมายเหตุข้อมูลผิดปกติ: {p.queryNote}</small>}
        </th>
        <td className="mono">{p.citizenId}</td>
        <td>{gradeLabels[p.grade]}</td>
        <td>{sexLabels[p.sex]}</td>
        <td>{thaiDate(p.birthDate)}</td>
        <td className="row-actions">
          {canEdit && (
            <>
              <button
                type="button"
                className="button button-small"
                onClick={() => onToggle('edit')}
                disabled={!editable}
                aria-expanded={open === 'edit'}
              >
                แก้ไข<span className="sr-only"> {name}</span>
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => onToggle('leave')}
                disabled={!editable}
                aria-expanded={open === 'leave'}
                title={`จบการศึกษา ย้ายออก หรือลาออก (${word}มีตัวตนจริง)`}
              >
                บันทึกออก<span className="sr-only"> {name}</span>
              </button>
            </>
          )}
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => onToggle('history')}
            aria-expanded={open === 'history'}
          >
            ประวัติ<span className="sr-only"> {name}</span>
          </button>
          {canEdit && (
            <button
              type="button"
              className="button button-small button-danger-ghost"
              onClick={() => onToggle('remove')}
              disabled={!editable}
              aria-expanded={open === 'remove'}
              title={`เฉพาะ${word}ที่ไม่มีตัวตนจริง`}
            >
              นำออก (ไม่มีตัวตน)<span className="sr-only"> {name}</span>
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr className="row-detail">
          <td colSpan={6}>
            {open === 'edit' && (
              <PupilForm institution={institution} pupil={p} onDone={onDone} onCancel={close} />
            )}
            {open === 'leave' && (
              <LeaveForm pupil={p} kind={institution.kind} onDone={onDone} onCancel={close} />
            )}
            {open === 'remove' && (
              <RemoveForm pupil={p} kind={institution.kind} onDone={onDone} onCancel={close} />
            )}
            {open === 'history' && <PupilHistory pupilId={p.id} />}
          </td>
        </tr>
      )}
    </>
  );
}
