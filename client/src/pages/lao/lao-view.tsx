import { BudgetPanel } from '../../components/budget-panel';
import { ChildrenStatus } from '../../components/children-status';
import { FiguresPanel } from '../../components/figures-panel';
import { ConfirmPanel } from '../../components/confirm-panel';
import { ReviewLists } from '../../components/review-lists';
import { Tabs } from '../../components/tabs';
import type { UnitView } from '../../graphql/org-units';
import { HistoryPanel } from '../history-panel';
import { CredentialsTab } from '../province/credentials-tab';
import { SpotCheckFlags } from '../institution/spot-check-flags';
import { OtherSchoolsTab } from './other-schools-tab';

/** An LAO: its institutions and their confirmations, other-affiliation counts, its own confirmation. */
interface Props {
  unit: UnitView;
  own: boolean;
  canRevoke: boolean;
  /** The province or the department: may re-issue the accounts of the LAO's institutions. */
  canIssue: boolean;
}

export function LaoView({ unit, own, canRevoke, canIssue }: Props) {
  const funds = unit.children.some((c) => c.kind === 'OTHER_SCHOOL');
  const tabs = [
    {
      id: 'institutions',
      label: 'สถานศึกษาและการยืนยัน',
      render: () => (
        <ChildrenStatus unit={unit} title="สถานศึกษาในสังกัดและสถานะการยืนยันข้อมูล" canRevoke={canRevoke} />
      ),
    },
    ...(funds
      ? [
          {
            id: 'other-schools',
            label: 'สถานศึกษาสังกัดอื่น',
            render: () => <OtherSchoolsTab laoCode={unit.code} canEdit={own} />,
          },
        ]
      : []),
    {
      id: 'review',
      label: 'รายการที่ควรตรวจ',
      render: () => <ReviewLists orgUnitCode={unit.code} />,
    },
    {
      id: 'figures',
      label: 'ตัวเลข',
      render: () => <FiguresPanel orgUnitCode={unit.code} title={`จำนวนนักเรียน ${unit.name}`} asOf />,
    },
    {
      id: 'budget',
      label: 'งบประมาณ',
      render: () => <BudgetPanel orgUnitCode={unit.code} kind={unit.kind} />,
    },
    { id: 'confirm', label: 'ยืนยันข้อมูล (ภาพรวม อปท.)', render: () => <ConfirmPanel unit={unit} own={own} /> },
    { id: 'history', label: 'ประวัติการยืนยัน', render: () => <HistoryPanel orgUnitCode={unit.code} /> },
    ...(canIssue
      ? [{ id: 'credentials', label: 'บัญชีผู้ใช้งาน', render: () => <CredentialsTab unit={unit} /> }]
      : []),
  ];
  return (
    <>
      <SpotCheckFlags orgUnitCode={unit.code} />
      <Tabs tabs={tabs} base={own ? '/' : `/units/${unit.code}`} />
    </>
  );
}
