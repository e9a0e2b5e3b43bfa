// Small building blocks shared by the screens.
import { useEffect, useState } from 'preact/hooks';
import { problemText, t } from './i18n.js';

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
  return { values, set, bind, check, reset: () => setValues(initial) };
}

/** Loads with `load` when `deps` change; `reload()` loads again. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, problem: null, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((old) => ({ ...old, loading: true }));
    load()
      .then((data) => live && setState({ data, problem: null, loading: false }))
      .catch((problem) => live && setState({ data: null, problem, loading: false }));
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
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
  return { problem, busy, run, clear: () => setProblem(null) };
}

export function Field({ label, error, children, wide }) {
  return (
    <label class={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <span class="label">{label}</span>
      {children}
      {error && <span class="error-text">{error.join(' ')}</span>}
    </label>
  );
}

export function ProblemBox({ problem }) {
  if (!problem) return null;
  const fields = Object.entries(problem.errors || {});
  return (
    <div class="problem" role="alert" data-code={problem.code}>
      <strong>{problemText(problem)}</strong>
      {fields.length > 0 && (
        <ul>
          {fields.map(([name, messages]) => (
            <li key={name}>
              <code>{name}</code>: {[].concat(messages).join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ state }) {
  if (state.problem) return <ProblemBox problem={state.problem} />;
  if (state.loading && !state.data) return <p class="muted">{t('common.loading')}</p>;
  return null;
}

export function Panel({ title, children, actions, class: extra }) {
  return (
    <section class={`panel ${extra || ''}`}>
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
