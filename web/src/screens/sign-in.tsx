import { useState } from 'react';
import { useI18n } from '../i18n';
import { Card, usePageTitle } from '../ui';

/**
 * The signed-out page: one button to the identity provider (Cognito's managed login on AWS, the local
 * OpenID provider's user list on one machine), which sends the person back here signed in.
 */
export function SignInPage(props: {
  expired: boolean;
  error: unknown;
  onSignIn: (() => Promise<void>) | null;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  usePageTitle(t('signInTitle'));
  const start = async () => {
    if (!props.onSignIn) return;
    setBusy(true);
    setFailed(null);
    try {
      await props.onSignIn();
    } catch (error) {
      setFailed(error);
      setBusy(false);
    }
  };
  return (
    <div className="narrow">
      <h1>{t('signInTitle')}</h1>
      <Card>
        <p className="muted">{t('signInIntro')}</p>
        {props.expired && <p className="notice notice-warn">{t('sessionExpired')}</p>}
        {(props.error !== null || failed !== null) && (
          <p className="notice notice-warn" role="alert">
            {t('signInFailed')}
          </p>
        )}
        <button
          type="button"
          data-testid="sign-in"
          onClick={() => void start()}
          disabled={busy || !props.onSignIn}
        >
          {busy ? t('signingIn') : t('signInButton')}
        </button>
      </Card>
    </div>
  );
}
