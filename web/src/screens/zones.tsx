import type { Page, ZoneView as Zone } from '@antoan/schemas';
import { useState } from 'react';
import { query } from '../api';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { useSignedIn } from '../session-context';
import { Card, ErrorBox, Link, Loading } from '../ui';
import { usePageTitle } from './zone';

/** The zones the person oversees (a manager's own; every zone for inspectors and the authority). */
export function ZonesPage() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  usePageTitle(t('zones'));
  const first = useResource('/zones', () => api.get<Page<Zone>>('/zones'));
  const [more, setMore] = useState<Zone[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const nextCursor = cursor === undefined ? first.data?.nextCursor : cursor;

  const loadMore = async () => {
    if (!nextCursor) return;
    try {
      const page = await api.get<Page<Zone>>(`/zones${query({ cursor: nextCursor })}`);
      setMore((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(caught);
    }
  };

  if (first.error !== undefined) return <ErrorBox error={first.error} onRetry={first.reload} />;
  if (!first.data) return <Loading />;
  const zones = [...first.data.items, ...more];
  return (
    <div className="stack">
      <h1>{t('zones')}</h1>
      {zones.length === 0 && <p className="muted">{t('none')}</p>}
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
      {error !== null && <ErrorBox error={error} />}
      {nextCursor && (
        <Card>
          <button type="button" onClick={() => void loadMore()}>
            {t('loadMore')}
          </button>
        </Card>
      )}
    </div>
  );
}
