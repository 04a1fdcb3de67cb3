import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { sessionApi, type UserInfo } from '../api/session.api';

export function UserInfoPage() {
  const [info, setInfo] = useState<UserInfo>();
  const [error, setError] = useState<string>();
  const navigate = useNavigate();
  useEffect(() => {
    sessionApi.userInfo().then(setInfo, (err: Error) => setError(err.message));
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
        </dl>
      )}
    </main>
  );
}
