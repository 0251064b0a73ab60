import { useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { apiClient } from './api';
import { I18nContext, i18nFor, type Lang, storedLang, storeLang, useI18n } from './i18n';
import { homePath, roleLabels } from './roles';
import { matchPath, navigate, useLocation } from './router';
import { AssessmentPage } from './screens/assessment';
import { EnterprisePage } from './screens/enterprise';
import { SignInPage } from './screens/sign-in';
import { TargetsPage } from './screens/targets';
import { ZonePage } from './screens/zone';
import { ZonesPage } from './screens/zones';
import { clearSession, loadSession, type Session, saveSession } from './session';
import { type SignedIn, SignedInContext, useSignedIn } from './session-context';
import { Link } from './ui';

/** The whole app: language, session, header and the screen for the current path. */
export function App() {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  useEffect(() => storeLang(lang), [lang]);
  const i18n = useMemo(() => i18nFor(lang, setLang), [lang, setLang]);

  const [session, setSession] = useState<Session | null>(loadSession);
  const [expired, setExpired] = useState(false);
  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
    navigate('/');
  }, []);
  const signedIn = useMemo<SignedIn | null>(
    () =>
      session && {
        session,
        api: apiClient(session.token, () => {
          setExpired(true);
          signOut();
        }),
        signOut,
      },
    [session, signOut],
  );
  const onSignedIn = (next: Session) => {
    saveSession(next);
    setExpired(false);
    setSession(next);
    navigate(homePath(next), { replace: true });
  };

  return (
    <I18nContext.Provider value={i18n}>
      <SignedInContext.Provider value={signedIn}>
        <Header />
        <main className="main">
          {signedIn ? <Screen /> : <SignInPage onSignedIn={onSignedIn} expired={expired} />}
        </main>
      </SignedInContext.Provider>
    </I18nContext.Provider>
  );
}

function Header() {
  const { t, lang, setLang } = useI18n();
  const signedIn = useContext(SignedInContext);
  const session = signedIn?.session;
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ✚
          </span>
          <span>
            <strong>antoan</strong>
            <span className="brand-sub">{t('appName')}</span>
          </span>
        </Link>
        <nav className="topnav" aria-label={t('home')}>
          {session && session.user.role !== 'enterprise' && <Link to="/zones">{t('zones')}</Link>}
          {session && (session.user.role === 'inspector' || session.user.role === 'authority') && (
            <Link to="/targets">{t('targets')}</Link>
          )}
        </nav>
        <div className="topbar-right">
          <button
            type="button"
            className="button-ghost"
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
            title={t('switchLanguageHint')}
            data-testid="language-toggle"
            lang={lang === 'vi' ? 'en' : 'vi'}
          >
            {t('switchLanguage')}
          </button>
          {signedIn && <SignedInBadge signedIn={signedIn} />}
        </div>
      </div>
    </header>
  );
}

function SignedInBadge(props: { signedIn: SignedIn }) {
  const { t } = useI18n();
  const { session, signOut } = props.signedIn;
  const { user } = session;
  return (
    <div className="who" data-testid="signed-in">
      <span className="who-text">
        <span className="who-name">{user.name}</span>
        <span className="who-role">{t(roleLabels[user.role])}</span>
      </span>
      <button type="button" className="button-small" onClick={signOut}>
        {t('signOut')}
      </button>
    </div>
  );
}

function Screen() {
  const { t } = useI18n();
  const { path } = useLocation();
  const { session } = useSignedIn();
  useEffect(() => {
    if (path === '/') navigate(homePath(session), { replace: true });
  }, [path, session]);
  if (path === '/') return null;
  const assessment = matchPath('/enterprises/:eid/assessments/:aid', path);
  if (assessment?.eid && assessment.aid) return <AssessmentPage eid={assessment.eid} aid={assessment.aid} />;
  const enterprise = matchPath('/enterprises/:eid', path);
  if (enterprise?.eid) return <EnterprisePage eid={enterprise.eid} />;
  const zone = matchPath('/zones/:zid', path);
  if (zone?.zid) return <ZonePage zid={zone.zid} />;
  if (matchPath('/zones', path)) return <ZonesPage />;
  if (matchPath('/targets', path)) return <TargetsPage />;
  return (
    <p>
      {t('notFoundPage')} <Link to="/">{t('home')}</Link>
    </p>
  );
}
