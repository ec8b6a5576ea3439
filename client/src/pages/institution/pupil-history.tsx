import { useQuery } from '@apollo/client/react';
import { Loading, ProblemBox } from '../../components/ui';
import { PUPIL_HISTORY } from '../../graphql/pupil-life';
import { actorName } from '../../lib/actor';
import { problemOf } from '../../lib/errors';
import { historyLabels, leaveReasonLabels } from '../../lib/pupil-life';
import {
  gradeLabels,
  nonExistenceReasons,
  sexLabels,
  thaiDate,
  thaiDateTime,
  type Grade,
  type NonExistenceReason,
  type OrgUnitKind,
  type Sex,
} from '../../lib/thai';
import type { LeaveReason } from '../../graphql/pupil-life';

const fieldNames: Record<string, string> = {
  citizenId: 'เลขประจำตัวประชาชน',
  prefix: 'คำนำหน้า',
  firstName: 'ชื่อ',
  lastName: 'นามสกุล',
  sex: 'เพศ',
  birthDate: 'วันเกิด',
  nationality: 'สัญชาติ',
  religion: 'ศาสนา',
  grade: 'ระดับชั้น',
  enrolmentDate: 'วันที่เข้าเรียน',
  disadvantaged: 'นักเรียนด้อยโอกาส',
};

function valueText(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (key === 'grade') return gradeLabels[v as Grade] ?? String(v);
  if (key === 'sex') return sexLabels[v as Sex] ?? String(v);
  if (key === 'birthDate' || key === 'enrolmentDate') return thaiDate(String(v));
  if (typeof v === 'boolean') return v ? 'ใช่' : 'ไม่ใช่';
  return String(v);
}

/** What one event says, in a line a clerk reads. */
function detail(type: string, data: Record<string, unknown>, kind: OrgUnitKind): string {
  switch (type) {
    case 'PupilEnrolled':
      return `ชั้น ${valueText('grade', data.grade)}`;
    case 'PupilDetailsCorrected': {
      const changes = (data.changes ?? {}) as Record<string, unknown>;
      return Object.entries(changes)
        .filter(([k]) => fieldNames[k])
        .map(([k, v]) => `${fieldNames[k]}: ${valueText(k, v)}`)
        .join(' · ');
    }
    case 'PupilLeft':
      return `${leaveReasonLabels(kind)[data.reason as LeaveReason] ?? ''} เมื่อ ${thaiDate(String(data.date))}${
        data.toInstitutionCode ? ` ไปยัง ${String(data.toInstitutionCode)}` : ''
      }`;
    case 'PupilTransferredIn':
      return `ย้ายเข้าเมื่อ ${thaiDate(String(data.date))}${
        data.fromInstitutionCode ? ` จาก ${String(data.fromInstitutionCode)}` : ''
      } ชั้น ${valueText('grade', data.grade)}`;
    case 'PupilPromoted':
      return `${valueText('grade', data.fromGrade)} → ${valueText('grade', data.toGrade)} ปีการศึกษา ${String(data.academicYear)}`;
    case 'PupilHeldBack':
      return `อยู่ชั้น ${valueText('grade', data.grade)} ปีการศึกษา ${String(data.academicYear)}`;
    case 'PupilRemovedAsNonExistent':
      return nonExistenceReasons[data.reason as NonExistenceReason] ?? '';
    default:
      return '';
  }
}

/** A pupil's whole life, event by event: who did what and when. */
export function PupilHistory({ pupilId, kind }: { pupilId: string; kind: OrgUnitKind }) {
  const { data, loading, error } = useQuery(PUPIL_HISTORY, { variables: { id: pupilId } });
  if (loading && !data) return <Loading />;
  if (error) return <ProblemBox problem={problemOf(error)} />;
  const p = data?.pupil;
  if (!p) return null;
  return (
    <div
      className="pupil-history"
      role="region"
      aria-label={`ประวัติของ ${p.prefix}${p.firstName} ${p.lastName}`}
    >
      <h4>
        ประวัติของ {p.prefix}
        {p.firstName} {p.lastName}
      </h4>
      <ol className="plain timeline">
        {p.history.map((h, i) => {
          const d = JSON.parse(h.data) as Record<string, unknown>;
          const note = typeof d.note === 'string' && d.note ? d.note : null;
          return (
            <li key={i}>
              <strong>{historyLabels[h.type] ?? h.type}</strong> <span>{detail(h.type, d, kind)}</span>
              {note && <span className="muted"> · หมายเหตุ: {note}</span>}
              <small className="muted block">
                {thaiDateTime(h.at)} · {actorName(h.by)}
              </small>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
