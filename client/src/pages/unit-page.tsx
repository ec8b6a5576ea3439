import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { RevocationRequestsPanel } from '../components/revocation-requests-panel';
import { TasksPanel } from '../components/tasks-panel';
import { Loading, ProblemBox } from '../components/ui';
import { ORG_UNIT } from '../graphql/org-units';
import type { ViewerView } from '../graphql/session';
import { problemOf } from '../lib/errors';
import { Link } from '../lib/router';
import { isInstitution, kindLabels } from '../lib/thai';
import { DepartmentView } from './department/department-view';
import { InstitutionView } from './institution/institution-view';
import { LaoView } from './lao/lao-view';
import { ProvinceView } from './province/province-view';

/** One org unit's page: the signed-in unit's own home, or a unit below it opened to read and follow up. */
export function UnitPage({ me, code }: { me: ViewerView; code: string }) {
  const { data, loading, error } = useQuery(ORG_UNIT, { variables: { code } });
  const unit = data?.orgUnit;
  const own = code === me.orgUnit.code;
  const above = !isInstitution(me.orgUnit.kind);
  useEffect(() => {
    if (unit) document.title = `${unit.name} — LEC`;
  }, [unit]);
  if (loading && !data) return <Loading />;
  if (error) return <ProblemBox problem={problemOf(error)} />;
  if (!unit)
    return <ProblemBox problem={{ message: `ไม่พบหน่วยงานรหัส ${code} หรือท่านไม่มีสิทธิ์เข้าถึง`, fields: {} }} />;
  const parentInScope = !own && unit.parent && unit.parent.code !== me.orgUnit.parent?.code;
  return (
    <>
      {!own && (
        <nav aria-label="ตำแหน่งของหน้า" className="crumbs">
          <Link href="/">หน้าหลัก</Link>
          {parentInScope && unit.parent && unit.parent.code !== me.orgUnit.code && (
            <>
              {' › '}
              <Link href={`/units/${unit.parent.code}`}>{unit.parent.name}</Link>
            </>
          )}
          {' › '}
          <span aria-current="page">{unit.name}</span>
        </nav>
      )}
      <h1>
        {unit.name}
        <small>
          {kindLabels[unit.kind]} · รหัส {unit.code}
          {unit.district ? ` · ${unit.district}` : ''}
        </small>
      </h1>
      {own && <TasksPanel ownCode={me.orgUnit.code} />}
      {own && <RevocationRequestsPanel ownCode={me.orgUnit.code} />}
      {isInstitution(unit.kind) && <InstitutionView unit={unit} own={own} />}
      {unit.kind === 'LAO' && (
        <LaoView
          unit={unit}
          own={own}
          canRevoke={above}
          canIssue={me.orgUnit.kind === 'PROVINCE' || me.orgUnit.kind === 'DEPARTMENT'}
        />
      )}
      {unit.kind === 'PROVINCE' && <ProvinceView unit={unit} own={own} canRevoke={above} />}
      {unit.kind === 'DEPARTMENT' && <DepartmentView unit={unit} />}
    </>
  );
}
