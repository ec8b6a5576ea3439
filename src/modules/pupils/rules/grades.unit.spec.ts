import { cdcAgeGroup, gradeLabels, grades, nextGrade, parseGrade, schoolGrades, typicalAge } from './grades';

describe('grades (ระดับชั้น)', () => {
  it('are K1–K3, P1–P6, M1–M6 for schools, and CDC', () => {
    expect(schoolGrades).toHaveLength(15);
    expect(grades).toEqual([...schoolGrades, 'CDC']);
  });

  it('have the Thai labels of the department’s letters', () => {
    expect(gradeLabels.K1).toEqual({ short: 'อ.1', full: 'อนุบาล 1' });
    expect(gradeLabels.P6).toEqual({ short: 'ป.6', full: 'ประถมศึกษาปีที่ 6' });
    expect(gradeLabels.M3).toEqual({ short: 'ม.3', full: 'มัธยมศึกษาปีที่ 3' });
    expect(gradeLabels.CDC.short).toBe('เด็กเล็ก');
  });

  it('move up one grade a year: K3 → P1, P6 → M1, M3 → M4', () => {
    expect(nextGrade('K1')).toBe('K2');
    expect(nextGrade('K3')).toBe('P1');
    expect(nextGrade('P6')).toBe('M1');
    expect(nextGrade('M3')).toBe('M4');
  });

  it('end with M6 (graduates) and CDC (leaves for a school): no next grade', () => {
    expect(nextGrade('M6')).toBeNull();
    expect(nextGrade('CDC')).toBeNull();
  });

  it('have a usual age on 16 May: K1 = 3, K3 = 5, P1 = 6, M1 = 12, M6 = 17', () => {
    expect([
      typicalAge('K1'),
      typicalAge('K3'),
      typicalAge('P1'),
      typicalAge('M1'),
      typicalAge('M6'),
    ]).toEqual([3, 5, 6, 12, 17]);
  });

  it.each([
    ['K1', 'K1'],
    ['อ.1', 'K1'],
    ['อนุบาล 2', 'K2'],
    ['ป.๖', 'P6'],
    ['ป 1', 'P1'],
    ['ประถมศึกษาปีที่ 4', 'P4'],
    ['ม.3', 'M3'],
    ['มัธยมศึกษาปีที่ 6', 'M6'],
    ['m2', 'M2'],
    ['เด็กเล็ก', 'CDC'],
  ])('reads %s as %s', (raw, grade) => {
    expect(parseGrade(raw)).toBe(grade);
  });

  it('refuses grades that do not exist', () => {
    for (const s of ['อ.4', 'ป.7', 'ม.0', 'P', '', 'ปวช.1']) expect(parseGrade(s)).toBeNull();
  });
});

describe('CDC age groups (completed years on 16 May of the academic year)', () => {
  it.each([
    ['2023-05-16', '2-3'],
    ['2022-05-17', '2-3'],
    ['2022-05-16', '3-4'],
    ['2021-01-01', '4-5'],
    ['2020-05-16', '5+'],
    ['2018-01-01', '5+'],
  ])('a child born %s is in group %s in 2568', (birthDate, group) => {
    expect(cdcAgeGroup(birthDate, 2568)).toBe(group);
  });

  it('has no group for a child under 2', () => {
    expect(cdcAgeGroup('2023-05-17', 2568)).toBeNull();
  });

  it('moves a child up a group each academic year', () => {
    expect(cdcAgeGroup('2022-09-01', 2567)).toBeNull();
    expect(cdcAgeGroup('2022-09-01', 2568)).toBe('2-3');
    expect(cdcAgeGroup('2022-09-01', 2569)).toBe('3-4');
  });
});
