import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Loading } from '../../components/ui';
import { gradeLabels, SCHOOL_GRADES, thaiNumber, type OrgUnitKind } from '../../lib/thai';

type Counts = Record<string, { totalCount: number }>;

/** The register's head count per grade, read with the ordinary pupils query (one alias a grade). */
const COUNTS: TypedDocumentNode<Counts, { code: string }> = gql`
  query PupilCountsByGrade($code: String!) {
    all: pupils(institutionCode: $code, first: 1) { totalCount }
    ${SCHOOL_GRADES.map((g) => `${g}: pupils(institutionCode: $code, grade: ${g}, first: 1) { totalCount }`).join('\n')}
  }
`;
const CDC_COUNT: TypedDocumentNode<Counts, { code: string }> = gql`
  query ChildCount($code: String!) {
    all: pupils(institutionCode: $code, first: 1) {
      totalCount
    }
  }
`;

/** What an institution is about to confirm: its pupils by grade, or its number of children. */
export function PupilCounts({ code, kind }: { code: string; kind: OrgUnitKind }) {
  const { data, loading } = useQuery(kind === 'CDC' ? CDC_COUNT : COUNTS, {
    variables: { code },
    fetchPolicy: 'network-only',
  });
  if (loading || !data) return <Loading />;
  if (kind === 'CDC') return <p>จำนวนเด็กเล็กทั้งหมด {thaiNumber(data.all.totalCount)} คน</p>;
  const rows = SCHOOL_GRADES.filter((g) => data[g]?.totalCount > 0);
  return (
    <table className="counts">
      <caption>จำนวนนักเรียนตามระดับชั้น</caption>
      <thead>
        <tr>
          <th scope="col">ระดับชั้น</th>
          <th scope="col">จำนวน (คน)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g}>
            <th scope="row">{gradeLabels[g]}</th>
            <td>{thaiNumber(data[g].totalCount)}</td>
          </tr>
        ))}
        <tr className="total">
          <th scope="row">รวม</th>
          <td>{thaiNumber(data.all.totalCount)}</td>
        </tr>
      </tbody>
    </table>
  );
}
