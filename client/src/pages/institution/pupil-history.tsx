import { useQuery } from '@apollo/client/react';
import { Loading, ProblemBox } from '../../components/ui';
import { PUPIL_HISTORY } from '../../graphql/pupil-life';
import { actorName } from '../../lib/actor';
import { problemOf } from '../../lib/errors';
import { thaiDateTime } from '../../lib/thai';

/** A pupil's whole life, event by event: who did what and when. */
export function PupilHistory({ pupilId }: { pupilId: string }) {
  const { data, loading, error } = useQuery(PUPIL_HISTORY, { variables: { id: pupilId } });
  if (loading && !data) return <Loading />;
  if (error) return <ProblemBox problem={problemOf(error)} />;
  const p = data?.pupil;
  if (!p) return null;
  return (
    <div
      className="pupil-history"
      role="region"
      aria-label={`ประวัติของ ${p.prefix}${p.firstName} ${p.lastName}`}
    >
      <h4>
        ประวัติของ {p.prefix}
        {p.firstName} {p.lastName}
      </h4>
      <ol className="plain timeline">
        {p.history.map((h, i) => {
          return (
            <li key={i}>
              <strong>{h.label}</strong> <span>{h.detail}</span>
              {h.note && <span className="muted"> · หมายเหตุ: {h.note}</span>}
              <small className="muted block">
                {thaiDateTime(h.at)} · {actorName(h.by)}
              </small>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
