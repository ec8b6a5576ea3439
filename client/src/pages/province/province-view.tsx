import { BudgetPanel } from '../../components/budget-panel';
import { ChildrenStatus } from '../../components/children-status';
import { FiguresPanel } from '../../components/figures-panel';
import { ConfirmPanel } from '../../components/confirm-panel';
import { ReviewLists } from '../../components/review-lists';
import { ProgressPanel } from '../../components/progress-panel';
import { ProvinceTargets } from '../../components/province-targets';
import { Tabs } from '../../components/tabs';
import type { UnitView } from '../../graphql/org-units';
import { HistoryPanel } from '../history-panel';
import { RoundCard } from '../round-card';
import { CredentialsTab } from './credentials-tab';
import { SpotChecksTab } from './spot-checks-tab';

/**
 * A province office: its LAOs' progress against the deadlines, revoke and confirm, credential
 * sheets, spot checks (สุ่มตรวจสอบ).
 */
export function ProvinceView({ unit, own, canRevoke }: { unit: UnitView; own: boolean; canRevoke: boolean }) {
  const tabs = [
    {
      id: 'laos',
      label: 'อปท. และความคืบหน้า',
      render: () => (
        <>
          <RoundCard />
          <ProvinceTargets provinceCode={unit.code} canSet={own} />
          <ProgressPanel orgUnitCode={unit.code} />
          <ChildrenStatus
            unit={unit}
            title="องค์กรปกครองส่วนท้องถิ่นในจังหวัดและสถานะการยืนยันข้อมูล"
            canRevoke={canRevoke}
          />
        </>
      ),
    },
    {
      id: 'review',
      label: 'รายการที่ควรตรวจ',
      render: () => <ReviewLists orgUnitCode={unit.code} />,
    },
    {
      id: 'figures',
      label: 'ตัวเลข',
      render: () => (
        <FiguresPanel
          orgUnitCode={unit.code}
          title={`จำนวนนักเรียน ${unit.name}`}
          districts={[...new Set(unit.children.flatMap((c) => (c.district ? [c.district] : [])))].sort()}
          asOf
        />
      ),
    },
    {
      id: 'budget',
      label: 'งบประมาณ',
      render: () => <BudgetPanel orgUnitCode={unit.code} kind={unit.kind} />,
    },
    { id: 'confirm', label: 'ยืนยันข้อมูล (จังหวัด)', render: () => <ConfirmPanel unit={unit} own={own} /> },
    ...(canRevoke
      ? [{ id: 'credentials', label: 'บัญชีผู้ใช้งาน', render: () => <CredentialsTab unit={unit} /> }]
      : []),
    {
      id: 'spot-checks',
      label: 'สุ่มตรวจสอบ',
      render: () => <SpotChecksTab provinceCode={unit.code} canDraw={own} />,
    },
    { id: 'history', label: 'ประวัติการยืนยัน', render: () => <HistoryPanel orgUnitCode={unit.code} /> },
  ];
  return <Tabs tabs={tabs} base={own ? '/' : `/units/${unit.code}`} />;
}
