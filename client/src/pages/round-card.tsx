import { useQuery } from '@apollo/client/react';
import { Section } from '../components/ui';
import { CURRENT_ROUND } from '../graphql/rounds';
import { thaiDate } from '../lib/thai';

/** The open round and its deadlines for every level. */
export function RoundCard() {
  const { data } = useQuery(CURRENT_ROUND);
  const r = data?.currentRound;
  if (!data) return null;
  return (
    <Section title="รอบการบันทึกข้อมูล">
      {!r ? (
        <p className="muted">ยังไม่มีรอบการบันทึกข้อมูลที่เปิดอยู่</p>
      ) : (
        <>
          <p>
            การบันทึกข้อมูล ครั้งที่ {r.roundNo} ประจำปีการศึกษา {r.academicYear} · ข้อมูล ณ วันที่{' '}
            {thaiDate(r.snapshotDate)}
          </p>
          <dl className="deadlines">
            <dt>สถานศึกษายืนยันภายในวันที่</dt>
            <dd>{thaiDate(r.institutionDeadline)}</dd>
            <dt>อปท. ยืนยันภายในวันที่</dt>
            <dd>{thaiDate(r.laoDeadline)}</dd>
            <dt>จังหวัดยืนยันภายในวันที่</dt>
            <dd>{thaiDate(r.provinceDeadline)}</dd>
          </dl>
        </>
      )}
    </Section>
  );
}
