import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { all, currentSession, login, logout, onSessionChange, settings } from './api.js';
import { getLang, problemText, setLang, t } from './i18n.js';
import { ComplaintsDesk } from './screens/ComplaintsDesk.jsx';
import { Dashboard } from './screens/Dashboard.jsx';
import { FollowUps } from './screens/FollowUps.jsx';
import { FrontDesk } from './screens/FrontDesk.jsx';
import { VisitBoard } from './screens/VisitBoard.jsx';
import { useForm } from './ui.jsx';
import './styles.css';

// Each screen and the roles that work in it (CONTRACT.md, Roles); admin sees all.
const SCREENS = [
  { id: 'front-desk', roles: ['point_admin', 'rest_hall_admin'], Screen: FrontDesk },
  { id: 'visits', roles: ['point_admin', 'rest_hall_admin', 'bathing_assistant'], Screen: VisitBoard },
  { id: 'complaints', roles: ['cs_agent', 'cs_supervisor', 'point_admin', 'city_operator'], Screen: ComplaintsDesk },
  { id: 'follow-ups', roles: ['case_manager', 'doctor', 'point_admin', 'city_operator'], Screen: FollowUps },
  { id: 'dashboard', roles: ['city_operator', 'point_admin', 'cs_supervisor'], Screen: Dashboard },
];
const POINT_KEY = 'zhuyu.console.point';

const routeOf = () => location.hash.replace(/^#\/?/, '');

function LanguageSwitch({ onChange }) {
  const next = getLang() === 'en' ? 'zh' : 'en';
  return (
    <button type="button" class="ghost lang" data-testid="lang-switch" onClick={() => onChange(next)}>
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}

function Login({ onLanguage }) {
  const form = useForm({ username: '', password: '' });
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
  return (
    <div class="login-page">
      <form class="panel login" onSubmit={submit}>
        <h1>{t('app.title')}</h1>
        <p class="muted">{t('login.hint')}</p>
        <label class="field">
          <span class="label">{t('login.username')}</span>
          <input {...form.bind('username')} autocomplete="username" required />
        </label>
        <label class="field">
          <span class="label">{t('login.password')}</span>
          <input {...form.bind('password')} type="password" autocomplete="current-password" required />
        </label>
        {problem && (
          <div class="problem" role="alert">
            {problemText(problem)}
          </div>
        )}
        <div class="row">
          <button type="submit" disabled={busy}>
            {t('login.submit')}
          </button>
          <LanguageSwitch onChange={onLanguage} />
        </div>
      </form>
    </div>
  );
}

function App() {
  const [session, setSession] = useState(currentSession());
  const [, setLanguage] = useState(getLang());
  const [route, setRoute] = useState(routeOf());
  const [config, setConfig] = useState(null);
  const [points, setPoints] = useState([]);
  const [pointId, setPointId] = useState(localStorage.getItem(POINT_KEY));

  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => {
    if (!session) return undefined;
    let timer;
    const load = () => settings().then(setConfig, () => { timer = setTimeout(load, 3000); });
    load();
    return () => clearTimeout(timer);
  }, [session]);
  useEffect(() => {
    const follow = () => setRoute(routeOf());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    if (!session) return;
    all('/service-points')
      .then((items) => {
        setPoints(items);
        setPointId((chosen) => {
          if (session.service_point_id) return session.service_point_id;
          return items.some((p) => p.id === chosen) ? chosen : items[0]?.id || null;
        });
      })
      .catch(() => setPoints([]));
  }, [session]);

  function changeLanguage(value) {
    setLang(value);
    setLanguage(value);
  }

  function choosePoint(id) {
    localStorage.setItem(POINT_KEY, id);
    setPointId(id);
  }

  if (!session) return <Login onLanguage={changeLanguage} />;
  const screens = SCREENS.filter(({ roles }) => session.role === 'admin' || roles.includes(session.role));
  const current = screens.find((s) => s.id === route) || screens[0];
  const point = points.find((p) => p.id === pointId) || null;
  const bound = Boolean(session.service_point_id);

  return (
    <div class="shell">
      <header class="topbar">
        <div class="brand">{t('app.title')}</div>
        <nav>
          {screens.map((s) => (
            <a key={s.id} href={`#/${s.id}`} class={s === current ? 'active' : ''} data-screen={s.id}>
              {t(`nav.${s.id}`)}
            </a>
          ))}
        </nav>
        <div class="topbar-tools">
          <label class="point-select">
            <span class="sr-only">{t('common.point')}</span>
            <select
              data-testid="point-select"
              value={pointId || ''}
              disabled={bound}
              onChange={(event) => choosePoint(event.currentTarget.value)}
            >
              {!point && <option value="">{t('common.noPoint')}</option>}
              {points.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <LanguageSwitch onChange={changeLanguage} />
          <span class="user">
            {session.username} · {t(`role.${session.role}`)}
          </span>
          <button type="button" class="ghost" onClick={logout}>
            {t('login.logout')}
          </button>
        </div>
      </header>
      <main>
        {!current && <p class="notice">{t('common.noScreens')}</p>}
        {current && config && (
          <current.Screen key={`${current.id}:${pointId}`} point={point} points={points} config={config} session={session} />
        )}
      </main>
    </div>
  );
}

document.documentElement.lang = getLang() === 'en' ? 'en' : 'zh-CN';
render(<App />, document.getElementById('app'));
