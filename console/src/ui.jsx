// Small building blocks shared by the screens.
import { useEffect, useRef, useState } from 'preact/hooks';
import { fieldErrors, problemText, t, template } from './i18n.js';

/** A sentence with values in it; those named in `data` (card and phone numbers, typed
 * text) are marked as not words of the language (`translate={false}`). */
export function Say({ id, vars = {}, data = [] }) {
  return template(id)
    .split(/\{(\w+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return part;
      const value = String(vars[part] ?? '');
      return data.includes(part) ? <span key={i} translate={false}>{value}</span> : value;
    });
}

/** May the user call this operation ("METHOD /path", as GET /auth/me lists them)? */
export function can(config, operation) {
  return Boolean(config?.operations?.has(operation));
}

/** Form state: `bind(name)` gives an input its value and its handler. */
export function useForm(initial) {
  const [values, setValues] = useState(initial);
  const set = (name, value) => setValues((old) => ({ ...old, [name]: value }));
  const bind = (name) => ({
    name,
    value: values[name] ?? '',
    onInput: (event) => set(name, event.currentTarget.value),
  });
  const check = (name) => ({
    name,
    checked: Boolean(values[name]),
    onChange: (event) => set(name, event.currentTarget.checked),
  });
  return { values, set, setValues, bind, check, reset: (next) => setValues(next || initial) };
}

/** Loads with `load` when `deps` change; `reload()` loads again.
 *
 * A reload that fails keeps the last data it had (marked `stale`, with the problem), so a
 * board survives a dropped poll; new `deps` (another point, another period) start empty,
 * so old figures are never shown as the new ones. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, problem: null, loading: true, at: null });
  const [round, setRound] = useState(0);
  const key = JSON.stringify(deps);
  const shownKey = useRef(key);
  const inFlight = useRef(false);
  useEffect(() => {
    let live = true;
    const fresh = shownKey.current !== key;
    shownKey.current = key;
    inFlight.current = true;
    setState((old) => (fresh ? { data: null, problem: null, loading: true, at: null } : { ...old, loading: true }));
    load()
      .then((data) => live && setState({ data, problem: null, loading: false, at: Date.now() }))
      .catch((problem) => live && setState((old) => ({ ...old, problem, loading: false })))
      .finally(() => {
        if (live) inFlight.current = false;
      });
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = () => setRound((r) => r + 1);
  // A poll leaves a load still under way to finish (a slow network still gets its answers).
  const poll = () => inFlight.current || reload();
  return { ...state, stale: Boolean(state.problem && state.data), reload, poll };
}

/** Runs an action, keeping its problem for display; answers the action's result or null. */
export function useAction() {
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  async function run(action) {
    setBusy(true);
    setProblem(null);
    try {
      return await action();
    } catch (error) {
      setProblem(error);
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { problem, busy, run, clear: () => setProblem(null), errors: fieldErrors(problem) };
}

/** The current time, ticking every `ms`. */
export function useNow(ms = 1000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function Field({ label, error, children, wide, hint }) {
  return (
    <label class={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <span class="label">{label}</span>
      {children}
      {hint && !error && <span class="hint">{hint}</span>}
      {error && <span class="error-text">{[].concat(error).join(' ')}</span>}
    </label>
  );
}

/** A refused call in plain words; `labels` names the form's fields for the summary of
 * field errors (fields shown on the form itself are not repeated). */
export function ProblemBox({ problem, labels = {}, shown = [] }) {
  if (!problem) return null;
  const onForm = (name) => shown.some((field) => name === field || name.startsWith(`${field}.`));
  const fields = Object.entries(fieldErrors(problem)).filter(([name]) => !onForm(name));
  return (
    <div class="problem" role="alert" data-code={problem.code}>
      <strong>{problemText(problem)}</strong>
      {fields.length > 0 && (
        <ul>
          {fields.map(([name, messages]) => (
            <li key={name}>
              {labels[name] || t('common.otherField')}: {messages.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ state }) {
  if (state.problem && !state.data) return <ProblemBox problem={state.problem} />;
  if (state.loading && !state.data) return <p class="muted" data-testid="loading">{t('common.loading')}</p>;
  return null;
}

/** Shown while a reload fails and the screen shows its last good data. */
export function Reconnecting({ state, timeZone }) {
  if (!state.stale) return null;
  const at = state.at
    ? new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
        .format(new Date(state.at))
    : '';
  return (
    <p class="notice reconnecting" role="status" data-testid="reconnecting" data-code={state.problem.code}>
      {t('common.reconnecting', { time: at })} <span class="muted">{problemText(state.problem)}</span>
    </p>
  );
}

export function Panel({ title, children, actions, class: extra, testId }) {
  return (
    <section class={`panel ${extra || ''}`} data-testid={testId}>
      {(title || actions) && (
        <header class="panel-head">
          {title && <h2>{title}</h2>}
          {actions && <div class="panel-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

export function NeedPoint({ point }) {
  if (point) return null;
  return <p class="notice">{t('common.choosePoint')}</p>;
}

/** A green line that says an action worked, and goes after a while. */
export function Done({ message, testId }) {
  if (!message) return null;
  return (
    <p class="success" role="status" data-testid={testId}>
      {message}
    </p>
  );
}
