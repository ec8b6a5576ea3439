import { useQuery } from '@apollo/client/react';
import { SPOT_CHECK_FLAGS } from '../../graphql/spot-checks';
import { gradeLabels } from '../../lib/thai';

/** Pupils the province did not find at a spot check: the institution checks them (and removes the non-existent). */
export function SpotCheckFlags({ orgUnitCode }: { orgUnitCode: string }) {
  const { data } = useQuery(SPOT_CHECK_FLAGS, { variables: { orgUnitCode } });
  const open = data?.spotCheckFlags.filter((f) => f.open) ?? [];
  if (open.length === 0) return null;
  return (
    <div className="alert alert-warn" role="status">
      <strong>จังหวัดสุ่มตรวจสอบแล้วไม่พบตัว {open.length} คน</strong>
      <p>กรุณาตรวจสอบ หากไม่มีตัวตนจริง ให้นำข้อมูลออกจากระบบ (ไม่มีตัวตน) พร้อมเหตุ</p>
      <ul>
        {open.map((f) => (
          <li key={`${f.spotCheckId}-${f.pupil.pupilId}`}>
            {f.pupil.name} ({gradeLabels[f.pupil.grade]}) · {f.pupil.institution.name}
            {f.pupil.note && ` · ${f.pupil.note}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
