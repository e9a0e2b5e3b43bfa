import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { all, currentSession, get, login, logout, onSessionChange, settings } from './api.js';
import { forgetElders } from './elders.js';
import { getLang, problemText, setLang, t } from './i18n.js';
import { ComplaintsDesk } from './screens/ComplaintsDesk.jsx';
import { Dashboard } from './screens/Dashboard.jsx';
import { DeskOffice } from './screens/DeskOffice.jsx';
import { FollowUps } from './screens/FollowUps.jsx';
import { FrontDesk } from './screens/FrontDesk.jsx';
import { Subsidies } from './screens/Subsidies.jsx';
import { VisitBoard } from './screens/VisitBoard.jsx';
import { can, useForm } from './ui.jsx';
import { byName } from './util.js';
import './styles.css';

// Each screen and the operation it is built on: a screen shows for the users the gateway
// lets call it (GET /auth/me), so the console keeps no copy of the permission table.
const SCREENS = [
  { id: 'front-desk', needs: 'POST /visits', Screen: FrontDesk, point: 'required' },
  { id: 'visits', needs: 'POST /visits/{id}/incidents', Screen: VisitBoard, point: 'required' },
  { id: 'complaints', needs: 'GET /complaints', Screen: ComplaintsDesk, point: 'optional' },
  { id: 'desk-office', needs: ['GET /duty-shifts', 'GET /reply-templates', 'GET /calendar'], Screen: DeskOffice, point: 'own' },
  { id: 'follow-ups', needs: 'GET /follow-ups', Screen: FollowUps, point: 'optional' },
  { id: 'subsidies', needs: 'GET /subsidy-applications', Screen: Subsidies, point: 'optional' },
  { id: 'dashboard', needs: ['GET /visits/figures/points', 'GET /stats/points'], Screen: Dashboard, point: 'own' },
];
const POINT_KEY = 'zhuyu.console.point';
const LARGE_KEY = 'zhuyu.console.large';

const routeOf = () => location.hash.replace(/^#\/?/, '');
const mayOpen = (config, screen) => [].concat(screen.needs).some((operation) => can(config, operation));

function LanguageSwitch({ onChange }) {
  const next = getLang() === 'en' ? 'zh' : 'en';
  return (
    <button type="button" class="ghost lang" data-testid="lang-switch" onClick={() => onChange(next)} lang={next === 'en' ? 'en' : 'zh-CN'}>
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}

/** The login form; `again` is the dialog over a session that ran out, for the same user. */
function Login({ onLanguage, again }) {
  const form = useForm({ username: again?.username || '', password: '' });
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(event) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await login(form.values.username.trim(), form.values.password);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }
  const body = (
    <form class="panel login" onSubmit={submit} data-testid={again ? 'relogin' : 'login'}>
      <h1>{again ? t('login.expiredTitle') : t('app.title')}</h1>
      <p class={again ? 'notice' : 'muted'}>{again ? t('login.expired') : t('login.hint')}</p>
      <label class="field">
        <span class="label">{t('login.username')}</span>
        <input {...form.bind('username')} autocomplete="username" required readOnly={Boolean(again)} translate={false} />
      </label>
      <label class="field">
        <span class="label">{t('login.password')}</span>
        <input {...form.bind('password')} type="password" autocomplete="current-password" required autofocus={Boolean(again)} />
      </label>
      {problem && (
        <div class="problem" role="alert">
          {problemText(problem)}
        </div>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t('login.submit')}
        </button>
        {again ? (
          <button type="button" class="ghost" onClick={logout}>
            {t('login.someoneElse')}
          </button>
        ) : (
          <LanguageSwitch onChange={onLanguage} />
        )}
      </div>
    </form>
  );
  if (again) {
    return (
      <div class="modal" role="dialog" aria-modal="true" aria-label={t('login.expiredTitle')}>
        {body}
      </div>
    );
  }
  return <div class="login-page">{body}</div>;
}

function PointPicker({ points, pointId, bound, optional, onChoose }) {
  const sorted = [...points].sort(byName);
  return (
    <label class="point-select">
      <span class="sr-only">{t('common.point')}</span>
      <select
        data-testid="point-select"
        value={pointId || ''}
        disabled={bound}
        onChange={(event) => onChoose(event.currentTarget.value || null)}
      >
        <option value="">{optional ? t('common.allPoints') : t('common.pickPoint')}</option>
        {sorted.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function App() {
  const [session, setSession] = useState(currentSession());
  const [, setLanguage] = useState(getLang());
  const [large, setLarge] = useState(localStorage.getItem(LARGE_KEY) === '1');
  const [route, setRoute] = useState(routeOf());
  const [config, setConfig] = useState(null);
  const [points, setPoints] = useState([]);
  const [staffName, setStaffName] = useState(null);
  const [pointId, setPointId] = useState(localStorage.getItem(POINT_KEY));
  const userId = session?.user_id || session?.username || null;
  const live = Boolean(session && !session.expired);

  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', large);
  }, [large]);
  const loadedFor = useRef(null);
  useEffect(() => {
    // A new user starts afresh: nothing of the last one's screens or look-ups stays.
    forgetElders();
    setConfig(null);
    setStaffName(null);
    setPoints([]);
    loadedFor.current = null;
  }, [userId]);
  useEffect(() => {
    // Once per user, as soon as the session is live (also after logging in again over a
    // session restored from an earlier page).
    if (!userId || !live || loadedFor.current === userId) return undefined;
    loadedFor.current = userId;
    let timer;
    let loaded = false;
    const load = () =>
      settings().then(
        (value) => {
          loaded = true;
          setConfig(value);
        },
        () => {
          timer = setTimeout(load, 3000);
        },
      );
    load();
    all('/service-points')
      .then((items) => {
        setPoints(items);
        setPointId((chosen) => {
          if (session.service_point_id) return session.service_point_id;
          return items.some((p) => p.id === chosen) ? chosen : null;
        });
      })
      .catch(() => setPoints([]));
    return () => {
      clearTimeout(timer);
      if (!loaded) loadedFor.current = null; // try again once the session is live again
    };
  }, [userId, live]);
  useEffect(() => {
    if (config && !config.me.staff_id) return;
    if (config?.operations.has('GET /staff/{id}')) {
      get(`/staff/${config.me.staff_id}`).then((member) => setStaffName(member.name), () => {});
    }
  }, [config]);
  useEffect(() => {
    const follow = () => setRoute(routeOf());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  function changeLanguage(value) {
    setLang(value);
    setLanguage(value);
  }

  function toggleLarge() {
    localStorage.setItem(LARGE_KEY, large ? '0' : '1');
    setLarge(!large);
  }

  function choosePoint(id) {
    if (id) localStorage.setItem(POINT_KEY, id);
    else localStorage.removeItem(POINT_KEY);
    setPointId(id);
  }

  if (!session) return <Login onLanguage={changeLanguage} />;
  const screens = config ? SCREENS.filter((s) => mayOpen(config, s)) : [];
  const current = screens.find((s) => s.id === route) || screens[0];
  const point = points.find((p) => p.id === pointId) || null;
  const bound = Boolean(session.service_point_id);

  return (
    <div class="shell">
      <header class="topbar">
        <div class="topbar-main">
          <div class="brand">{t('app.title')}</div>
          <div class="topbar-tools">
            {current && current.point !== 'own' && (
              <PointPicker
                points={points}
                pointId={pointId}
                bound={bound}
                optional={current.point === 'optional'}
                onChoose={choosePoint}
              />
            )}
            <button type="button" class="ghost" data-testid="large-text" aria-pressed={large} onClick={toggleLarge}>
              {large ? t('common.normalText') : t('common.largeText')}
            </button>
            <LanguageSwitch onChange={changeLanguage} />
            <span class="user" data-testid="user">
              <span translate={staffName ? undefined : false}>{staffName || session.username}</span> · {t(`role.${session.role}`)}
            </span>
            <button type="button" class="ghost" onClick={logout}>
              {t('login.logout')}
            </button>
          </div>
        </div>
        <nav>
          {screens.map((s) => (
            <a key={s.id} href={`#/${s.id}`} class={s === current ? 'active' : ''} data-screen={s.id}>
              {t(`nav.${s.id}`)}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {config && !current && <p class="notice">{t('common.noScreens')}</p>}
        {!config && <p class="muted">{t('common.loading')}</p>}
        {current && config && (
          <current.Screen
            key={`${userId}:${current.id}:${current.point === 'own' ? '' : pointId}`}
            point={point}
            points={points}
            config={config}
            session={session}
          />
        )}
      </main>
      {session.expired && <Login onLanguage={changeLanguage} again={session} />}
    </div>
  );
}

document.documentElement.lang = getLang() === 'en' ? 'en' : 'zh-CN';
render(<App />, document.getElementById('app'));
