import type { LecError } from '../../shared/errors';
import { checkCdcBasicData, sameCdcBasicData, type CdcBasicDataEntry } from './cdc-basic-data.rules';

const valid: CdcBasicDataEntry = {
  teachers: 2,
  caregivers: 3,
  classrooms: 2,
  capacity: 40,
  buildingType: 'IN_TEMPLE',
  lunchProvision: 'COOKS_ITSELF',
};

function fieldsOf(entry: CdcBasicDataEntry): Record<string, string> {
  try {
    checkCdcBasicData(entry);
  } catch (e) {
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT' });
    return (e as LecError).details.fields!;
  }
  throw new Error('accepted');
}

describe('CDC basic data rules (ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก)', () => {
  it('accepts whole-number counts and a listed building and lunch, and normalises the texts', () => {
    expect(checkCdcBasicData({ ...valid, buildingTypeOther: '  ', notes: '  เปิดรับ 2 ภาคเรียน ' })).toEqual({
      ...valid,
      buildingTypeOther: null,
      lunchProvisionOther: null,
      notes: 'เปิดรับ 2 ภาคเรียน',
    });
  });

  it('names every count that is missing, fractional, negative or beyond its bound, in Thai', () => {
    const fields = fieldsOf({ ...valid, teachers: null, caregivers: 1.5, classrooms: -1, capacity: 5000 });
    expect(fields).toEqual({
      teachers: 'กรุณากรอกจำนวนครู (ครูผู้ดูแลเด็ก) ถ้าไม่มีให้กรอก 0',
      caregivers: 'จำนวนผู้ดูแลเด็กต้องเป็นจำนวนเต็ม (กรอก 1.5)',
      classrooms: 'จำนวนห้องเรียนต้องไม่ติดลบ (กรอก -1)',
      capacity: 'จำนวนเด็กที่ศูนย์รับได้ต้องไม่เกิน 1,000 คน (กรอก 5000) กรุณาตรวจสอบอีกครั้ง',
    });
  });

  it('a centre that takes children has a classroom and someone to care for them', () => {
    expect(fieldsOf({ ...valid, classrooms: 0, teachers: 0, caregivers: 0 })).toEqual({
      classrooms: expect.stringMatching(/ห้องเรียนอย่างน้อย 1 ห้อง/),
      teachers: expect.stringMatching(/ครูหรือผู้ดูแลเด็กอย่างน้อย 1 คน/),
      caregivers: expect.stringMatching(/ครูหรือผู้ดูแลเด็กอย่างน้อย 1 คน/),
    });
    expect(checkCdcBasicData({ ...valid, teachers: 0 }).teachers).toBe(0);
  });

  it('a centre that takes no children (capacity 0) must say why', () => {
    expect(fieldsOf({ ...valid, capacity: 0 })).toEqual({ notes: expect.stringMatching(/ระบุเหตุผล/) });
    expect(checkCdcBasicData({ ...valid, capacity: 0, notes: 'ปิดปรับปรุงอาคาร' }).capacity).toBe(0);
  });

  it('"other" building or lunch must be described; a description of a listed choice is dropped', () => {
    expect(fieldsOf({ ...valid, buildingType: 'OTHER', lunchProvision: 'OTHER' })).toEqual({
      buildingTypeOther: 'เลือก "อื่น ๆ" แล้ว กรุณาระบุลักษณะอาคาร',
      lunchProvisionOther: 'เลือก "อื่น ๆ" แล้ว กรุณาระบุวิธีจัดอาหารกลางวัน',
    });
    const other = checkCdcBasicData({
      ...valid,
      buildingType: 'OTHER',
      buildingTypeOther: ' ศาลาประชาคม   หมู่ 3 ',
      lunchProvisionOther: 'ผู้ปกครองนำมาเอง',
    });
    expect(other).toMatchObject({ buildingTypeOther: 'ศาลาประชาคม หมู่ 3', lunchProvisionOther: null });
    expect(fieldsOf({ ...valid, buildingType: 'OTHER', buildingTypeOther: 'ก'.repeat(201) })).toHaveProperty(
      'buildingTypeOther',
    );
  });

  it('refuses an unknown building or lunch value and notes that are too long', () => {
    expect(
      fieldsOf({ ...valid, buildingType: 'CASTLE', lunchProvision: null, notes: 'ก'.repeat(1001) }),
    ).toEqual({
      buildingType: 'กรุณาเลือกลักษณะอาคาร',
      lunchProvision: 'กรุณาเลือกวิธีจัดอาหารกลางวัน',
      notes: 'หมายเหตุยาวได้ไม่เกิน 1,000 ตัวอักษร',
    });
  });

  it('compares two records field by field', () => {
    const a = checkCdcBasicData(valid);
    expect(sameCdcBasicData(a, checkCdcBasicData({ ...valid, notes: ' ' }))).toBe(true);
    expect(sameCdcBasicData(a, checkCdcBasicData({ ...valid, capacity: 41 }))).toBe(false);
  });
});
