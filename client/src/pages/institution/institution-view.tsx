import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { ConfirmPanel } from '../../components/confirm-panel';
import { FiguresPanel } from '../../components/figures-panel';
import { Tabs } from '../../components/tabs';
import { Notice, Section } from '../../components/ui';
import { CONFIRMATION_STATUS } from '../../graphql/confirmations';
import type { UnitView } from '../../graphql/org-units';
import { actorName } from '../../lib/actor';
import { pupilWord, revokerOf, thaiDateTime } from '../../lib/thai';
import { CdcBasicDataTab } from './cdc-basic-data-tab';
import { ImportTab } from './import-tab';
import { PupilCounts } from './pupil-counts';
import { PupilForm } from './pupil-form';
import { PromotionTab } from './promotion-tab';
import { PupilsTab } from './pupils-tab';
import { RemovedTab } from './removed-tab';
import { SecondTermCheck } from './second-term-check';
import { SpotCheckFlags } from './spot-check-flags';
import { TransfersTab } from './transfers-tab';

/** A school's or CDC's page: its register, and for the institution itself the means to change and confirm it. */
export function InstitutionView({ unit, own }: { unit: UnitView; own: boolean }) {
  const word = pupilWord(unit.kind);
  const { data } = useQuery(CONFIRMATION_STATUS, { variables: { orgUnitCode: unit.code } });
  const [added, setAdded] = useState<string | null>(null);
  const register = data?.confirmationStatus?.datasets.find((d) => d.register);
  const lockedReason = register?.confirmed
    ? `ข้อมูล${word}ยืนยันแล้วเมื่อ ${thaiDateTime(register.confirmedAt)} โดย ${actorName(register.confirmedBy)} จึงถูกล็อก หากต้องแก้ไข ให้${revokerOf[unit.kind]}ยกเลิกการยืนยันข้อมูลก่อน`
    : null;
  const basic = data?.confirmationStatus?.datasets.find((d) => d.dataset === 'CDC_BASIC_DATA');
  const basicLocked = basic?.confirmed
    ? `ข้อมูลพื้นฐานของศูนย์ยืนยันแล้วเมื่อ ${thaiDateTime(basic.confirmedAt)} โดย ${actorName(basic.confirmedBy)} จึงถูกล็อก หากต้องแก้ไข ให้${revokerOf[unit.kind]}ยกเลิกการยืนยันข้อมูลก่อน`
    : null;
  const base = own ? '/' : `/units/${unit.code}`;

  const tabs = [
    {
      id: 'pupils',
      label: `รายชื่อ${word}`,
      render: () => <PupilsTab institution={unit} canEdit={own} lockedReason={lockedReason} />,
    },
    ...(own
      ? [
          {
            id: 'enrol',
            label: `เพิ่มข้อมูล${word}`,
            render: () => (
              <Section title={`เพิ่มข้อมูล${word}`}>
                {added && <Notice kind="ok">{added}</Notice>}
                {lockedReason ? (
                  <p className="locked">{lockedReason}</p>
                ) : (
                  <>
                    <p className="muted">
                      {word}ที่ย้ายมาระหว่างปีการศึกษา ให้บันทึกที่แท็บ &ldquo;ย้ายเข้า / ย้ายออก&rdquo;
                    </p>
                    <PupilForm institution={unit} onDone={setAdded} onStart={() => setAdded(null)} />
                  </>
                )}
              </Section>
            ),
          },
        ]
      : []),
    {
      id: 'removed',
      label: `ทะเบียน${word}ที่ไม่มีตัวตน`,
      render: () => <RemovedTab institutionCode={unit.code} kind={unit.kind} />,
    },
    {
      id: 'transfers',
      label: 'ย้ายเข้า / ย้ายออก',
      render: () => (
        <>
          {own && (
            <Section title={`รับ${word}ย้ายเข้า`}>
              {added && <Notice kind="ok">{added}</Notice>}
              <p className="explain">
                ใช้เมื่อ{word}ย้ายมาจากสถานศึกษาที่ไม่ได้ใช้ระบบ LEC (เช่น สังกัดอื่น) หาก{word}ยังมีชื่ออยู่ที่สถานศึกษาอื่นใน LEC
                ระบบจะแจ้งชื่อสถานศึกษานั้น และให้ส่งคำขอย้ายแทน
              </p>
              {lockedReason ? (
                <p className="locked">{lockedReason}</p>
              ) : (
                <PupilForm institution={unit} onDone={setAdded} onStart={() => setAdded(null)} transferIn />
              )}
            </Section>
          )}
          <TransfersTab institutionCode={unit.code} canAnswer={own} />
        </>
      ),
    },
    ...(unit.kind === 'SCHOOL'
      ? [
          {
            id: 'promotion',
            label: 'เลื่อนชั้น',
            render: () => <PromotionTab institutionCode={unit.code} canEdit={own && !lockedReason} />,
          },
        ]
      : []),
    {
      id: 'term2',
      label: 'ตรวจสอบภาคเรียนที่ 2',
      render: () => <SecondTermCheck institutionCode={unit.code} kind={unit.kind} />,
    },
    {
      id: 'files',
      label: 'นำเข้า / ส่งออก',
      render: () => <ImportTab institutionCode={unit.code} canImport={own && !lockedReason} />,
    },
    ...(unit.kind === 'CDC'
      ? [
          {
            id: 'basic',
            label: 'ข้อมูลพื้นฐาน ศพด.',
            render: () => <CdcBasicDataTab cdcCode={unit.code} canEdit={own} lockedReason={basicLocked} />,
          },
        ]
      : []),
    {
      id: 'figures',
      label: 'ตัวเลข',
      render: () => (
        <FiguresPanel orgUnitCode={unit.code} title={`จำนวน${word} ${unit.name}`} asOf institution />
      ),
    },
    {
      id: 'confirm',
      label: 'ยืนยันข้อมูล',
      render: () => (
        <ConfirmPanel
          unit={unit}
          own={own}
          summary={(s) => (s.register ? <PupilCounts code={unit.code} kind={unit.kind} /> : null)}
        />
      ),
    },
  ];
  return (
    <>
      {lockedReason && (
        <div className="alert alert-locked" role="status">
          <strong>ข้อมูลถูกล็อก (ยืนยันแล้ว)</strong>
          <p>{lockedReason}</p>
        </div>
      )}
      <SpotCheckFlags orgUnitCode={unit.code} />
      <Tabs tabs={tabs} base={base} />
    </>
  );
}
