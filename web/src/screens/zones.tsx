import type { Page, ZoneView as Zone } from '@antoan/schemas';
import { query } from '../api';
import { usePagedList } from '../hooks';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { Link, PagedFooter } from '../ui';
import { usePageTitle } from './zone';

/** The zones the person oversees (a manager's own; every zone for inspectors and the authority). */
export function ZonesPage() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  usePageTitle(t('zones'));
  const list = usePagedList('/zones', (cursor) => api.get<Page<Zone>>(`/zones${query({ cursor })}`));
  const zones = list.items;
  return (
    <div className="stack">
      <h1>{t('zones')}</h1>
      {list.done && zones.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="zone-grid" data-testid="zones">
        {zones.map((zone) => (
          <li key={zone.id}>
            <Link to={`/zones/${encodeURIComponent(zone.id)}`} className="zone-card">
              <span className="zone-code">{zone.code}</span>
              <span className="zone-name">{zone.name}</span>
            </Link>
          </li>
        ))}
      </ul>
      <PagedFooter list={list} />
    </div>
  );
}
