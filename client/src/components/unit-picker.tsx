import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { ORG_UNIT } from '../graphql/org-units';
import { SelectField } from './ui';

/**
 * Find a unit by name, level by level: the province (a list), then an LAO of it by typing part of
 * its name, then one of that LAO's institutions. Each pick names the unit chosen so far.
 */
export function UnitPicker({ rootCode, onPick }: { rootCode: string; onPick: (code: string) => void }) {
  const listId = useId();
  const root = useQuery(ORG_UNIT, { variables: { code: rootCode } });
  const [province, setProvince] = useState('');
  const [laoName, setLaoName] = useState('');
  const [institution, setInstitution] = useState('');
  const provinceUnit = useQuery(ORG_UNIT, { variables: { code: province }, skip: !province });
  const laos = provinceUnit.data?.orgUnit?.children ?? [];
  const lao = laos.find((l) => l.name === laoName.trim() || l.code === laoName.trim());
  const laoUnit = useQuery(ORG_UNIT, { variables: { code: lao?.code ?? '' }, skip: !lao });
  const institutions = (laoUnit.data?.orgUnit?.children ?? []).filter((c) => c.kind !== 'OTHER_SCHOOL');
  return (
    <div className="toolbar unit-picker" role="group" aria-label="ค้นหาหน่วยงานด้วยชื่อ">
      <SelectField
        label="จังหวัด"
        value={province}
        placeholder="เลือกจังหวัด"
        options={(root.data?.orgUnit?.children ?? [])
          .filter((c) => c.kind === 'PROVINCE')
          .map((c) => [c.code, c.name] as [string, string])
          .sort((a, b) => a[1].localeCompare(b[1], 'th'))}
        onChange={(e) => {
          setProvince(e.target.value);
          setLaoName('');
          setInstitution('');
          if (e.target.value) onPick(e.target.value);
        }}
      />
      {province && (
        <div className="field">
          <label htmlFor={`${listId}-lao`}>ชื่อ อปท. (พิมพ์บางส่วนของชื่อ)</label>
          <input
            id={`${listId}-lao`}
            list={`${listId}-laos`}
            value={laoName}
            onChange={(e) => {
              setLaoName(e.target.value);
              setInstitution('');
              const hit = laos.find((l) => l.name === e.target.value.trim());
              if (hit) onPick(hit.code);
            }}
          />
          <datalist id={`${listId}-laos`}>
            {laos.map((l) => (
              <option key={l.code} value={l.name}>
                {l.district ? `อ.${l.district}` : l.code}
              </option>
            ))}
          </datalist>
        </div>
      )}
      {lao && institutions.length > 0 && (
        <SelectField
          label="สถานศึกษา (ถ้าต้องการ)"
          value={institution}
          placeholder={`ทั้ง ${lao.name}`}
          options={institutions.map((c) => [c.code, c.name] as [string, string])}
          onChange={(e) => {
            setInstitution(e.target.value);
            onPick(e.target.value || lao.code);
          }}
        />
      )}
    </div>
  );
}
