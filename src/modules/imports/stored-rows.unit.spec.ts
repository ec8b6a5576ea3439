import { packRows, unpackRows } from './stored-rows';
import type { ValidRow } from './validate-rows';

describe('the rows a preview keeps', () => {
  it('come back exactly as they were validated', async () => {
    const rows: ValidRow[] = [
      {
        row: 2,
        details: {
          citizenId: '1103702071811',
          idKind: 'CITIZEN_ID',
          prefix: 'ด.ช.',
          firstName: 'สมชาย',
          lastName: 'ใจดี',
          sex: 'MALE',
          birthDate: '2018-03-15',
          nationality: 'ไทย',
          religion: null,
          grade: 'P1',
          enrolmentDate: null,
          disadvantaged: false,
          extra: { ชื่อบิดา: 'นายสมศักดิ์' },
        },
        queries: {},
        queryNote: null,
      },
      {
        row: 3,
        details: {
          citizenId: 'G644200000001',
          idKind: 'G_CODE',
          prefix: 'ด.ญ.',
          firstName: 'มาลา',
          lastName: 'ดอกไม้',
          sex: 'FEMALE',
          birthDate: '2014-01-01',
          nationality: 'เมียนมา',
          religion: 'พุทธ',
          grade: 'P1',
          enrolmentDate: '2024-05-16',
          disadvantaged: true,
          extra: { ที่อยู่: '12 หมู่ 3' },
        },
        queries: { birthDate: 'อายุมากกว่าเกณฑ์' },
        queryNote: 'ย้ายมาจากต่างประเทศ',
      },
    ];
    expect(await unpackRows(await packRows(rows))).toEqual(rows);
  });
});
