import type { User } from 'oidc-client-ts';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { apiClient } from './api';
import { type Auth, CALLBACK_PATH, createAuth, loadAuthConfig, sessionOf } from './auth';
import { I18nContext, i18nFor, type Lang, storedLang, storeLang, useI18n } from './i18n';
import { reportsPath } from './reports';
import { homePath, roleLabels } from './roles';
import { matchPath, navigate, useLocation } from './router';
import { ActionPlanPage, ActionsNavLink } from './screens/actions';
import { AnnualReportPage } from './screens/annual-report';
import { AreaReportPage } from './screens/area-report';
import { AssessmentPage } from './screens/assessment';
import { ChecksHistoryPage } from './screens/checks-history';
import { CityPage } from './screens/city';
import { EnterprisePage } from './screens/enterprise';
import { EvidenceLibraryPage } from './screens/evidence';
import { HISTORY_ROUTE, HistoryPage } from './screens/history';
import { INSPECTION_ROUTE, InspectionPage } from './screens/inspection';
import { ReviewQueuePage } from './screens/review-queue';
import { SignInPage } from './screens/sign-in';
import { TargetsPage } from './screens/targets';
import { UsersPage } from './screens/users';
import { ZonePage } from './screens/zone';
import { ZoneActionsPage } from './screens/zone-actions';
import { ZonesPage } from './screens/zones';
import type { Session } from './session';
import { type SignedIn, SignedInContext, useSignedIn } from './session-context';
import { Link, Loading, usePageTitle } from './ui';

/** What the app knows about signing in: still starting, or ready with the client and the session. */
type AuthState =
  | { status: 'starting' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; auth: Auth; session: Session | null };

const REAUTH_KEY = 'antoan.reauth';
const currentPage = () => `${window.location.pathname}${window.location.search}`;

/** Starts the OpenID client once per page load (React may run effects twice), finishing a sign-in on the callback page. */
let starting: Promise<{ auth: Auth; session: Session | null }> | null = null;
function startAuth() {
  starting ??= (async () => {
    const auth = await createAuth(await loadAuthConfig());
    if (window.location.pathname === CALLBACK_PATH) {
      const { session, returnTo } = await auth.completeSignIn();
      navigate(returnTo ?? (session ? homePath(session) : '/'), { replace: true });
      return { auth, session };
    }
    let user = await auth.manager.getUser();
    // Expired while the app was closed: the refresh token gets new tokens without a visit to the provider.
    if (user?.expired && user.refresh_token) user = await auth.manager.signinSilent().catch(() => null);
    return { auth, session: sessionOf(user) };
  })();
  return starting;
}

/** The whole app: language, session, header and the screen for the current path. */
export function App() {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  useEffect(() => storeLang(lang), [lang]);
  const i18n = useMemo(() => i18nFor(lang, setLang), [lang, setLang]);
  const { t } = i18n;
  const mainRef = useRef<HTMLElement>(null);
  useRouteFocus(mainRef);

  const [state, setState] = useState<AuthState>({ status: 'starting' });
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    startAuth().then(
      ({ auth, session }) => setState({ status: 'ready', auth, session }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, []);
  const auth = state.status === 'ready' ? state.auth : null;
  const session = state.status === 'ready' ? state.session : null;

  useEffect(() => {
    if (!auth) return;
    const show = (user: User | null) =>
      setState((previous) =>
        previous.status === 'ready' ? { ...previous, session: sessionOf(user) } : previous,
      );
    const reload = () => void auth.manager.getUser().then(show);
    // Silent refreshes, and sign-in or sign-out in another tab (the tokens live in localStorage).
    auth.manager.events.addUserLoaded(show);
    auth.manager.events.addUserUnloaded(reload);
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key.startsWith('oidc.user:')) reload();
    };
    // A page restored by the back button after sign-out must not show what it showed before.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) reload();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      auth.manager.events.removeUserLoaded(show);
      auth.manager.events.removeUserUnloaded(reload);
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [auth]);

  // Until the browser has left for the provider's sign-out, show neither the old screen nor the sign-in page.
  const [leaving, setLeaving] = useState(false);
  const signOut = useCallback(() => {
    if (!auth) return;
    setLeaving(true);
    auth.signOut().catch(() => setLeaving(false));
  }, [auth]);
  const signedIn = useMemo<SignedIn | null>(
    () =>
      auth && session
        ? {
            session,
            api: apiClient(session.token, () => {
              // The API refused the token: sign in again and come back here, unless that just happened.
              const last = Number(sessionStorage.getItem(REAUTH_KEY) ?? '0');
              void auth.manager.removeUser();
              if (Date.now() - last < 30_000) {
                setExpired(true);
                return;
              }
              sessionStorage.setItem(REAUTH_KEY, String(Date.now()));
              void auth.signIn(currentPage());
            }),
            signOut,
          }
        : null,
    [auth, session, signOut],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <SignedInContext.Provider value={signedIn}>
        <a className="skip-link" href="#main" data-testid="skip-link">
          {t('skipToContent')}
        </a>
        <Header />
        <main className="main" id="main" tabIndex={-1} ref={mainRef}>
          {leaving ? (
            <Loading />
          ) : signedIn ? (
            <Screen />
          ) : state.status === 'starting' ? (
            <Loading />
          ) : (
            <SignInPage
              expired={expired}
              error={state.status === 'failed' ? state.error : null}
              onSignIn={
                auth ? () => auth.signIn(window.location.pathname === '/' ? undefined : currentPage()) : null
              }
            />
          )}
        </main>
      </SignedInContext.Provider>
    </I18nContext.Provider>
  );
}

/**
 * After an in-app navigation, moves focus to the new page's `<h1>` (or to `main` if none shows within 3 s, as
 * while it loads), so a screen reader announces the new page and Tab starts from its top. The first page load
 * is left alone: focus starts at the top of the document there.
 */
function useRouteFocus(mainRef: { current: HTMLElement | null }) {
  const { path } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = mainRef.current;
    if (!main || path.length === 0) return;
    const focusHeading = () => {
      const heading = main.querySelector('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) stop();
    });
    const timer = window.setTimeout(() => {
      stop();
      main.focus({ preventScroll: true });
    }, 3000);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [path, mainRef]);
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
        <nav className="topnav" aria-label={t('mainMenu')}>
          {session?.user.role === 'enterprise' && session.user.enterpriseId && (
            <>
              <Link to={homePath(session)}>{t('home')}</Link>
              <Link to={`/enterprises/${encodeURIComponent(session.user.enterpriseId)}/evidence`}>
                {t('evidenceLibrary')}
              </Link>
            </>
          )}
          {session && session.user.role !== 'enterprise' && <Link to="/zones">{t('zones')}</Link>}
          {session?.user.role === 'authority' && <Link to="/city">{t('zvCityNav')}</Link>}
          {session && (session.user.role === 'inspector' || session.user.role === 'authority') && (
            <Link to="/targets">{t('targets')}</Link>
          )}
          {session && <ActionsNavLink user={session.user} />}
          {session && (session.user.role === 'authority' || session.user.role === 'zone_manager') && (
            <Link to="/users">{t('users')}</Link>
          )}
          {session && session.user.role !== 'enterprise' && <Link to="/review">{t('reviewQueue')}</Link>}
          {reportsPath(session) && <Link to={reportsPath(session) ?? '/'}>{t('reportsNav')}</Link>}
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
  const { path } = useLocation();
  const { session } = useSignedIn();
  useEffect(() => {
    if (path === '/') navigate(homePath(session), { replace: true });
  }, [path, session]);
  if (path === '/') return null;
  const annual = matchPath('/enterprises/:eid/annual-report', path);
  if (annual?.eid) return <AnnualReportPage eid={annual.eid} />;
  const zoneReport = matchPath('/zones/:zid/report', path);
  if (zoneReport?.zid) return <AreaReportPage zid={zoneReport.zid} />;
  if (matchPath('/reports/city', path)) return <AreaReportPage />;
  const assessment = matchPath('/enterprises/:eid/assessments/:aid', path);
  if (assessment?.eid && assessment.aid) return <AssessmentPage eid={assessment.eid} aid={assessment.aid} />;
  const library = matchPath('/enterprises/:eid/evidence', path);
  if (library?.eid) return <EvidenceLibraryPage eid={library.eid} />;
  if (matchPath(INSPECTION_ROUTE, path)) return <InspectionPage path={path} />;
  if (matchPath(HISTORY_ROUTE, path)) return <HistoryPage path={path} />;
  const plan = matchPath('/enterprises/:eid/actions', path);
  if (plan?.eid) return <ActionPlanPage eid={plan.eid} />;
  const checks = matchPath('/enterprises/:eid/checks', path);
  if (checks?.eid) return <ChecksHistoryPage eid={checks.eid} />;
  const zoneActions = matchPath('/zones/:zid/actions', path);
  if (zoneActions?.zid) return <ZoneActionsPage zid={zoneActions.zid} />;
  const enterprise = matchPath('/enterprises/:eid', path);
  if (enterprise?.eid) return <EnterprisePage eid={enterprise.eid} />;
  const zone = matchPath('/zones/:zid', path);
  if (zone?.zid) return <ZonePage zid={zone.zid} />;
  if (matchPath('/zones', path)) return <ZonesPage />;
  if (matchPath('/city', path) && ['authority', 'inspector'].includes(session.user.role)) return <CityPage />;
  if (matchPath('/targets', path)) return <TargetsPage />;
  if (matchPath('/review', path) && session.user.role !== 'enterprise') return <ReviewQueuePage />;
  if (matchPath('/users', path) && ['authority', 'zone_manager'].includes(session.user.role))
    return <UsersPage />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  usePageTitle(t('notFoundPage'));
  return (
    <div className="stack">
      <h1>{t('notFoundPage')}</h1>
      <p>
        <Link to="/">{t('home')}</Link>
      </p>
    </div>
  );
}
