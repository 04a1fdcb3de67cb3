import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { accountsApi, type Account } from '../api/accounts.api';
import { sessionApi, type UserInfo } from '../api/session.api';

export function UserInfoPage() {
  const [info, setInfo] = useState<UserInfo>();
  const [error, setError] = useState<string>();
  // A local account (admin, or one in argocd-cm) has capabilities and tokens; an SSO user has none.
  const [account, setAccount] = useState<Account>();
  const navigate = useNavigate();
  useEffect(() => {
    sessionApi.userInfo().then(
      (i) => {
        setInfo(i);
        accountsApi.list().then(
          (list) => setAccount((list.items ?? []).find((a) => a.name === i.username)),
          () => undefined,
        );
      },
      (err: Error) => setError(err.message),
    );
  }, []);
  const logout = async (): Promise<void> => {
    await sessionApi.logout().catch(() => undefined);
    void navigate('/login');
  };
  return (
    <main className="page">
      <header className="page-header">
        <h1>User info</h1>
        <button onClick={() => void logout()}>Log out</button>
      </header>
      {error && <p className="error">{error}</p>}
      {info && (
        <dl className="fields">
          <dt>Username</dt>
          <dd>{info.username}</dd>
          <dt>Issuer</dt>
          <dd>{info.iss}</dd>
          <dt>Groups</dt>
          <dd>{(info.groups ?? []).join(', ') || '—'}</dd>
          {account && (
            <>
              <dt>Account</dt>
              <dd>
                local account, {account.enabled === false ? 'disabled' : 'enabled'}; may{' '}
                {(account.capabilities ?? []).join(', ') || 'do nothing'}
              </dd>
              <dt>API tokens</dt>
              <dd>{(account.tokens ?? []).length}</dd>
            </>
          )}
        </dl>
      )}
    </main>
  );
}
