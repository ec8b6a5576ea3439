import type {
  ConfirmationStatusView as ConfirmationStatus,
  DatasetStatusView as DatasetStatus,
} from './confirmation-status.view';
import { daysBetween, tasksFrom } from './tasks';

const status = (d: Partial<DatasetStatus> & Pick<DatasetStatus, 'dataset'>): DatasetStatus => ({
  label: '',
  waitsOnRecords: false,
  register: false,
  confirmed: false,
  confirmedAt: null,
  confirmedByKey: null,
  total: null,
  ready: true,
  missingCodes: [],
  late: false,
  deadline: '2026-12-10',
  revokedAt: null,
  revokedByKey: null,
  revokedByUnitCode: null,
  revocationReason: null,
  ...d,
});
const of = (datasets: DatasetStatus[], children: ConfirmationStatus['children'] = []) =>
  ({ orgUnitCode: '5450101', datasets, children, round: {} }) as unknown as ConfirmationStatus;
const names = { revokedBy: () => 'จังหวัดแพร่' };

describe('what a unit must do now', () => {
  it('confirm what is ready, with the deadline and days left; nothing for what is confirmed', () => {
    const tasks = tasksFrom(
      of([status({ dataset: 'PUPILS' }), status({ dataset: 'CHILDREN', confirmed: true })]),
      'LAO',
      '2026-12-01',
      names,
    );
    expect(tasks).toEqual([
      expect.objectContaining({
        kind: 'CONFIRM',
        dataset: 'PUPILS',
        dueDate: '2026-12-10',
        daysLeft: 9,
        message: expect.stringContaining('อีก 9 วัน'),
      }),
    ]);
  });

  it('a deadline three days off or past turns the task into DEADLINE', () => {
    expect(tasksFrom(of([status({ dataset: 'PUPILS' })]), 'SCHOOL', '2026-12-12', names)[0]).toMatchObject({
      kind: 'DEADLINE',
      daysLeft: -2,
      message: expect.stringContaining('เลยกำหนดมาแล้ว 2 วัน'),
    });
  });

  it('re-confirm after a revocation names who revoked and why; waiting names how many are missing', () => {
    const tasks = tasksFrom(
      of([
        status({ dataset: 'PUPILS', revokedAt: new Date('2026-11-30T03:00:00Z'), revocationReason: 'ชื่อซ้ำ' }),
        status({ dataset: 'CHILDREN', ready: false, missingCodes: ['a', 'b'] }),
        status({ dataset: 'OTHER_SCHOOL_COUNTS', ready: false, missingCodes: ['c'] }),
      ]),
      'LAO',
      '2026-12-01',
      names,
    );
    expect(tasks.map((t) => t.kind)).toEqual(['RECONFIRM', 'WAIT_FOR_CHILDREN', 'WAIT_FOR_CHILDREN']);
    expect(tasks[0].message).toMatch(/จังหวัดแพร่ .*30 พ\.ย\. 2569.*ชื่อซ้ำ/);
    expect(tasks[1].message).toContain('อีก 2 แห่ง');
    expect(tasks[2].message).toMatch(/^บันทึกจำนวนนักเรียนของสถานศึกษาสังกัดอื่นอีก 1 แห่ง/);
  });

  it("a province waits on its LAOs for other-affiliation counts: recording them is the LAO's work", () => {
    const [task] = tasksFrom(
      of([status({ dataset: 'OTHER_SCHOOL_COUNTS', ready: false, missingCodes: ['5440101', '5440102'] })]),
      'PROVINCE',
      '2026-12-01',
      names,
    );
    expect(task.kind).toBe('WAIT_FOR_CHILDREN');
    expect(task.message).toMatch(/^รอหน่วยงานในสังกัดยืนยันจำนวนนักเรียนสถานศึกษาสังกัดอื่นอีก 2 แห่ง/);
    expect(task.message).not.toContain('บันทึก');
  });

  it('the department sees how many provinces have confirmed each dataset', () => {
    const child = (confirmed: boolean) => ({
      orgUnitCode: 'x',
      datasets: [status({ dataset: 'PUPILS', confirmed })],
    });
    expect(
      tasksFrom(of([], [child(true), child(false), child(false)]), 'DEPARTMENT', '2026-12-01', names),
    ).toEqual([
      expect.objectContaining({
        kind: 'WAIT_FOR_CHILDREN',
        message: expect.stringContaining('ยืนยันแล้ว 1 จาก 3 แห่ง'),
      }),
    ]);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });
});
