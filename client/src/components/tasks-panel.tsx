import { useQuery } from '@apollo/client/react';
import { MY_TASKS, type TaskView } from '../graphql/confirmations';
import { problemOf } from '../lib/errors';
import { Link } from '../lib/router';
import { Loading } from './ui';

const tone: Record<TaskView['kind'], string> = {
  CONFIRM: 'task-do',
  RECONFIRM: 'task-do',
  WAIT_FOR_CHILDREN: 'task-wait',
  DEADLINE: 'task-late',
  SPOT_CHECK_FLAG: 'task-late',
  REVOCATION_REQUEST: 'task-do',
  PROVINCE_TARGET: 'task-wait',
};

/** "What to do now" for the signed-in unit, as the server lists it (myTasks). */
export function TasksPanel({ ownCode }: { ownCode: string }) {
  const { data, loading, error } = useQuery(MY_TASKS);
  const problem = problemOf(error);
  return (
    <section className="card tasks" aria-labelledby="tasks-title">
      <h2 id="tasks-title">สิ่งที่ต้องทำตอนนี้</h2>
      {loading && !data && <Loading />}
      {problem && <p className="muted">ยังแสดงรายการงานไม่ได้: {problem.message}</p>}
      {data && data.myTasks.length === 0 && <p className="muted">ไม่มีงานค้าง</p>}
      {data && data.myTasks.length > 0 && (
        <ul className="task-list">
          {data.myTasks.map((t, i) => (
            <li key={i} className={tone[t.kind]}>
              <span>{t.message}</span>
              {t.kind === 'REVOCATION_REQUEST' ? (
                <a href="#revocation-requests">พิจารณาคำขอ</a>
              ) : t.orgUnit && t.orgUnit.code !== ownCode ? (
                <Link href={`/units/${t.orgUnit.code}`}>ไปที่ {t.orgUnit.name}</Link>
              ) : (
                (t.kind === 'CONFIRM' || t.kind === 'RECONFIRM') && (
                  <Link href="/?tab=confirm">ไปที่หน้ายืนยันข้อมูล</Link>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
