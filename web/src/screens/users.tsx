import type { Page, Role, UserPage, UserView, ZoneView as Zone } from '@antoan/schemas';
import { useId, useState } from 'react';
import { query } from '../api';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { roleLabels } from '../roles';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, Loading, usePageTitle } from '../ui';

const allRoles: Role[] = ['enterprise', 'zone_manager', 'inspector', 'authority'];

/** Users: the authority invites any role and sees everyone; a zone manager does the same for their firms' users. */
export function UsersPage() {
  const { t } = useI18n();
  const { api, session } = useSignedIn();
  const authority = session.user.role === 'authority';
  const [zoneId, setZoneId] = useState('');
  const zones = useResource('/zones', () => api.get<Page<Zone>>('/zones?limit=200'));
  const listPath = `/users${query({ zoneId, limit: 200 })}`;
  const users = useResource(listPath, () => api.get<UserPage>(listPath));
  const [error, setError] = useState<unknown>(null);
  const filterId = useId();
  usePageTitle(t('users'));
  const zoneNames = new Map((zones.data?.items ?? []).map((zone) => [zone.id, zone.name]));

  const disable = async (user: UserView) => {
    setError(null);
    try {
      await api.send('POST', `/users/${encodeURIComponent(user.id)}/disable`);
      users.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className="stack">
      <h1>{t('users')}</h1>
      <p className="muted">{t('usersIntro')}</p>
      <InviteForm
        roles={authority ? allRoles : ['enterprise']}
        zones={zones.data?.items ?? []}
        onInvited={users.reload}
      />
      <Card title={t('existingUsers')}>
        <label className="inline-field" htmlFor={filterId}>
          {t('filterZone')}
          <select id={filterId} value={zoneId} onChange={(event) => setZoneId(event.target.value)}>
            <option value="">{t('allZones')}</option>
            {zones.data?.items.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {zone.name}
              </option>
            ))}
          </select>
        </label>
        {error !== null && <ErrorBox error={error} />}
        {users.error !== undefined && <ErrorBox error={users.error} onRetry={users.reload} />}
        {users.loading && !users.data && <Loading />}
        {users.data?.items.length === 0 && <p className="muted">{t('none')}</p>}
        <ul className="user-list" data-testid="users">
          {users.data?.items.map((user) => (
            <li key={user.id} className="user-row" data-testid={`user-${user.email}`}>
              <div className="user-text">
                <div className="user-name">{user.email}</div>
                <div className="muted small">
                  {t(roleLabels[user.role])}
                  {user.enterpriseId
                    ? ` · ${t('enterprise')}: ${user.enterpriseName ?? user.enterpriseId}`
                    : ''}
                  {user.zoneIds.length > 0
                    ? ` · ${user.zoneIds.map((id) => zoneNames.get(id) ?? t('unknownZone')).join(', ')}`
                    : ''}
                </div>
              </div>
              {user.enabled ? (
                <button
                  type="button"
                  className="button-small"
                  onClick={() => void disable(user)}
                  aria-label={`${t('disableUser')}: ${user.email}`}
                  disabled={user.id === session.user.sub}
                >
                  {t('disableUser')}
                </button>
              ) : (
                <Badge tone="muted">{t('userDisabled')}</Badge>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

function InviteForm(props: { roles: Role[]; zones: Zone[]; onInvited(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(props.roles[0] ?? 'enterprise');
  const [enterpriseId, setEnterpriseId] = useState('');
  const [zoneIds, setZoneIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ error: unknown } | { invited: string } | null>(null);

  const submit = async () => {
    setBusy(true);
    setResult(null);
    try {
      const { body } = await api.send<UserView>('POST', '/users', {
        email,
        role,
        ...(role === 'enterprise' ? { enterpriseId } : {}),
        ...(role === 'zone_manager' ? { zoneIds } : {}),
      });
      setResult({ invited: body.email });
      setEmail('');
      props.onInvited();
    } catch (error) {
      setResult({ error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('inviteUser')}>
      <form
        className="upload-fields"
        data-testid="invite-user"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('email')}
          <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label>
          {t('role')}
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {props.roles.map((option) => (
              <option key={option} value={option}>
                {t(roleLabels[option])}
              </option>
            ))}
          </select>
        </label>
        {role === 'enterprise' && (
          <label>
            {t('enterpriseIdLabel')}
            <input required value={enterpriseId} onChange={(event) => setEnterpriseId(event.target.value)} />
          </label>
        )}
        {role === 'zone_manager' && (
          <fieldset className="zone-choices">
            <legend>{t('zonesOfManager')}</legend>
            {props.zones.map((zone) => (
              <label key={zone.id} className="inline-field">
                <input
                  type="checkbox"
                  checked={zoneIds.includes(zone.id)}
                  onChange={(event) =>
                    setZoneIds((current) =>
                      event.target.checked ? [...current, zone.id] : current.filter((id) => id !== zone.id),
                    )
                  }
                />
                {zone.name}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" disabled={busy}>
          {t('invite')}
        </button>
      </form>
      {result && 'error' in result && <ErrorBox error={result.error} />}
      {result && 'invited' in result && (
        <p className="notice" role="status">
          {t('invited')}: {result.invited}
        </p>
      )}
    </Card>
  );
}
