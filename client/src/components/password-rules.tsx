import { useQuery } from '@apollo/client/react';
import { PASSWORD_RULES } from '../graphql/accounts';

/** The server's rules for a new password, shown before the first try (not learnt by failing). */
export function PasswordRules({ id }: { id?: string }) {
  const { data } = useQuery(PASSWORD_RULES, { fetchPolicy: 'cache-first' });
  if (!data?.passwordRules.length) return null;
  return (
    <div className="hint password-rules" id={id}>
      <p>รหัสผ่านใหม่ต้อง:</p>
      <ul>
        {data.passwordRules.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
