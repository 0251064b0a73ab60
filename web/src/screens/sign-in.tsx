import type { DemoUser, Page } from '@antoan/schemas';
import { useState } from 'react';
import { apiClient } from '../api';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { roleLabels } from '../roles';
import type { Session } from '../session';
import { Card, ErrorBox, Loading } from '../ui';

const publicApi = apiClient(null);

/** The local platform's sign-in: pick a seeded demo user, get a token from the local issuer. */
export function SignInPage(props: { onSignedIn(session: Session): void; expired: boolean }) {
  const { t } = useI18n();
  const users = useResource('dev-users', () => publicApi.get<Page<DemoUser>>('/dev/users'));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const signIn = async (user: DemoUser) => {
    setBusy(user.sub);
    setError(null);
    try {
      const { name: _name, ...claims } = user;
      const { body } = await publicApi.send<{ token: string }>('POST', '/dev/token', claims);
      props.onSignedIn({ token: body.token, user });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="narrow">
      <Card title={t('signInTitle')}>
        <p className="muted">{t('signInIntro')}</p>
        {props.expired && <p className="notice notice-warn">{t('sessionExpired')}</p>}
        {error !== null && <ErrorBox error={error} />}
        {users.error !== undefined && <ErrorBox error={users.error} onRetry={users.reload} />}
        {users.loading && !users.data && <Loading />}
        <ul className="user-list">
          {users.data?.items.map((user) => (
            <li key={user.sub} className="user-row" data-testid={`user-${user.sub}`}>
              <div>
                <div className="user-name">{user.name}</div>
                <div className="muted small">{t(roleLabels[user.role])}</div>
              </div>
              <button
                type="button"
                onClick={() => void signIn(user)}
                disabled={busy !== null}
                aria-label={`${t('signInAs')}: ${user.name}`}
              >
                {busy === user.sub ? t('loading') : t('signInAs')}
              </button>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
