import { ChildrenStatus } from '../../components/children-status';
import { ConfirmPanel } from '../../components/confirm-panel';
import { Tabs } from '../../components/tabs';
import type { UnitView } from '../../graphql/org-units';
import { HistoryPanel } from '../history-panel';
import { OtherSchoolsTab } from './other-schools-tab';

/** An LAO: its institutions and their confirmations, other-affiliation counts, its own confirmation. */
export function LaoView({ unit, own, canRevoke }: { unit: UnitView; own: boolean; canRevoke: boolean }) {
  const tabs = [
    {
      id: 'institutions',
      label: 'สถานศึกษาและการยืนยัน',
      render: () => (
        <ChildrenStatus unit={unit} title="สถานศึกษาในสังกัดและสถานะการยืนยันข้อมูล" canRevoke={canRevoke} />
      ),
    },
    {
      id: 'other-schools',
      label: 'สถานศึกษาสังกัดอื่น',
      render: () => <OtherSchoolsTab laoCode={unit.code} canEdit={own} />,
    },
    { id: 'confirm', label: 'ยืนยันข้อมูล (ภาพรวม อปท.)', render: () => <ConfirmPanel unit={unit} own={own} /> },
    { id: 'history', label: 'ประวัติการยืนยัน', render: () => <HistoryPanel orgUnitCode={unit.code} /> },
  ];
  return <Tabs tabs={tabs} base={own ? '/' : `/units/${unit.code}`} />;
}
