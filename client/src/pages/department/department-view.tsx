import { BudgetPanel } from '../../components/budget-panel';
import { ChildrenStatus } from '../../components/children-status';
import { FiguresPanel } from '../../components/figures-panel';
import { ProgressPanel, ProvinceProgressTable } from '../../components/progress-panel';
import { Tabs } from '../../components/tabs';
import type { UnitView } from '../../graphql/org-units';
import { HistoryPanel } from '../history-panel';
import { CredentialsTab } from '../province/credentials-tab';
import { RoundCard } from '../round-card';
import { BudgetRatesSection } from './budget-rates';
import { RoundsTab } from './rounds-tab';

/** The department: the country's provinces and their confirmations, rounds, history. */
export function DepartmentView({ unit }: { unit: UnitView }) {
  const tabs = [
    {
      id: 'overview',
      label: 'ภาพรวมประเทศ',
      render: () => (
        <>
          <RoundCard />
          <ProgressPanel orgUnitCode={unit.code} />
          <ProvinceProgressTable orgUnitCode={unit.code} />
        </>
      ),
    },
    {
      id: 'figures',
      label: 'ตัวเลข',
      render: () => <FiguresPanel orgUnitCode={unit.code} title="จำนวนนักเรียนทั้งประเทศ" />,
    },
    {
      id: 'budget',
      label: 'งบประมาณ',
      render: () => (
        <>
          <BudgetPanel orgUnitCode={unit.code} kind={unit.kind} />
          <BudgetRatesSection />
        </>
      ),
    },
    {
      id: 'provinces',
      label: 'จังหวัดและการยืนยัน',
      render: () => <ChildrenStatus unit={unit} title="จังหวัดและสถานะการยืนยันข้อมูล" canRevoke />,
    },
    { id: 'rounds', label: 'รอบการบันทึกข้อมูล', render: () => <RoundsTab /> },
    { id: 'credentials', label: 'บัญชีผู้ใช้งาน', render: () => <CredentialsTab unit={unit} /> },
    { id: 'history', label: 'ประวัติการยืนยัน', render: () => <HistoryPanel orgUnitCode={unit.code} askCode /> },
  ];
  return <Tabs tabs={tabs} base="/" />;
}
