// Visit board (助浴看板): today's visits at the point by step, with the screening form,
// the assistant assignment, the bath and rest timers and the incident button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { all, get, post } from '../api.js';
import { code, t } from '../i18n.js';
import { clockTime, elapsed, localDate, minutesSince } from '../util.js';
import { Field, Loading, NeedPoint, Panel, ProblemBox, useAction, useForm, useLoad } from '../ui.jsx';

const STEPS = ['checked_in', 'screened', 'bathing', 'resting', 'checked_out', 'refused'];
const OPEN = ['checked_in', 'screened', 'bathing', 'resting'];
const STANDARD_REMINDERS = ['anti_slip', 'anti_hypoxia', 'anti_fainting', 'call_for_help'];
const REFRESH_MS = 5000;

function useNow(ms = 1000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** Elders by id: the point's list once, then any other elder seen on the board. */
function useElders(point, ids) {
  const [elders, setElders] = useState({});
  const asked = useRef(new Set());
  useEffect(() => {
    if (!point) return;
    all('/elders', { service_point_id: point.id })
      .then((items) => setElders((old) => ({ ...Object.fromEntries(items.map((e) => [e.id, e])), ...old })))
      .catch(() => {});
  }, [point?.id]);
  useEffect(() => {
    ids
      .filter((id) => !elders[id] && !asked.current.has(id))
      .forEach((id) => {
        asked.current.add(id);
        get(`/elders/${id}`)
          .then((elder) => setElders((old) => ({ ...old, [id]: elder })))
          .catch(() => {});
      });
  }, [ids.join(',')]);
  return elders;
}

function timerOf(visit, config, now) {
  if (visit.status === 'bathing' && visit.bath_started_at) {
    const over = minutesSince(visit.bath_started_at, now) > config.max_bath_minutes;
    return { kind: 'bath', text: elapsed(visit.bath_started_at, now), alert: over };
  }
  if (visit.status === 'resting' && visit.rest_started_at) {
    const rested = minutesSince(visit.rest_started_at, now) >= config.min_rest_minutes;
    return { kind: 'rest', text: elapsed(visit.rest_started_at, now), ready: rested };
  }
  return null;
}

export function VisitBoard({ point, config }) {
  const today = localDate(new Date(), config.timezone);
  const [selectedId, setSelectedId] = useState(null);
  const visits = useLoad(
    () => (point ? all('/visits', { service_point_id: point.id, date: today }) : Promise.resolve([])),
    [point?.id, today],
  );
  const { reload } = visits;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [point?.id]);
  const now = useNow();
  const items = visits.data || [];
  const elders = useElders(point, items.map((v) => v.elder_id));
  const nameOf = (visit) => elders[visit.elder_id]?.name || visit.elder_id.slice(0, 8);
  const overruns = items.filter((v) => timerOf(v, config, now)?.alert);
  const selected = items.find((v) => v.id === selectedId);

  return (
    <div class="screen visit-board">
      <NeedPoint point={point} />
      {point && (
        <p class="muted">
          {t('visits.today', { date: today, point: point.name, capacity: point.bath_capacity })}
        </p>
      )}
      {overruns.length > 0 && (
        <div class="alert" role="alert" data-testid="bath-alert">
          {overruns.map((v) => (
            <div key={v.id}>{t('visits.overrun', { name: nameOf(v), max: config.max_bath_minutes })}</div>
          ))}
        </div>
      )}
      <Loading state={visits} />
      <div class="board">
        {STEPS.map((step) => {
          const column = items.filter((v) => v.status === step);
          return (
            <section key={step} class={`column step-${step}`} data-step={step}>
              <h3>
                {code('visitStatus', step)} <span class="count">{column.length}</span>
              </h3>
              {column.map((visit) => {
                const timer = timerOf(visit, config, now);
                return (
                  <button
                    type="button"
                    key={visit.id}
                    class={`visit-card${visit.id === selectedId ? ' selected' : ''}${timer?.alert ? ' overrun' : ''}`}
                    data-visit-id={visit.id}
                    onClick={() => setSelectedId(visit.id)}
                  >
                    <strong>{nameOf(visit)}</strong>
                    <span class="muted">
                      {t('visits.checkedInAt', { time: clockTime(visit.checked_in_at, config.timezone) })}
                    </span>
                    {timer && (
                      <span class={`timer ${timer.alert ? 'alert' : ''} ${timer.ready ? 'ready' : ''}`}>
                        {t(`visits.timer.${timer.kind}`)} {timer.text}
                        {timer.alert && ` · ${t('visits.overrunShort')}`}
                        {timer.ready && ` · ${t('visits.restDone')}`}
                      </span>
                    )}
                  </button>
                );
              })}
            </section>
          );
        })}
      </div>
      {selected && (
        <VisitPanel
          key={selected.id}
          visit={selected}
          elder={elders[selected.elder_id]}
          point={point}
          config={config}
          now={now}
          onChange={reload}
        />
      )}
    </div>
  );
}

function VisitPanel({ visit, elder, point, config, now, onChange }) {
  const [incident, setIncident] = useState(false);
  const action = useAction();
  async function step(path, body = {}) {
    if (await action.run(() => post(`/visits/${visit.id}/${path}`, body))) onChange();
  }
  const timer = timerOf(visit, config, now);
  return (
    <Panel
      title={`${elder?.name || ''} · ${code('visitStatus', visit.status)}`}
      class="visit-panel"
      actions={
        <button type="button" class="danger" data-testid="incident-button" onClick={() => setIncident(!incident)}>
          {t('visits.incident')}
        </button>
      }
    >
      <div data-testid="visit-panel" data-status={visit.status} />
      {incident && <IncidentForm visit={visit} onDone={() => setIncident(false)} />}
      {timer && (
        <p class={`timer big ${timer.alert ? 'alert' : ''} ${timer.ready ? 'ready' : ''}`} data-testid="visit-timer">
          {timer.kind === 'bath'
            ? t('visits.bathTimer', { time: timer.text, max: config.max_bath_minutes })
            : t('visits.restTimer', { time: timer.text, min: config.min_rest_minutes })}
        </p>
      )}
      {visit.status === 'checked_in' && <ScreeningForm visit={visit} elder={elder} point={point} onDone={onChange} />}
      {visit.status === 'screened' && <AssignForm visit={visit} elder={elder} point={point} onDone={onChange} />}
      {visit.status === 'bathing' && (
        <button type="button" class="primary big" data-testid="start-rest" disabled={action.busy} onClick={() => step('rest')}>
          {t('visits.toRest')}
        </button>
      )}
      {visit.status === 'resting' && (
        <CheckoutForm visit={visit} early={!timer?.ready} busy={action.busy} onCheckout={(body) => step('checkout', body)} />
      )}
      {visit.screening && <ScreeningSummary screening={visit.screening} />}
      <ProblemBox problem={action.problem} />
      <Timeline visit={visit} config={config} />
    </Panel>
  );
}

function ScreeningSummary({ screening }) {
  const reasons = screening.refusal_reasons || [];
  const warnings = screening.warnings || [];
  if (!reasons.length && !warnings.length) return null;
  return (
    <div class={reasons.length ? 'refusal' : 'notice'} data-testid="screening-outcome">
      {reasons.map((r) => (
        <div key={r}>{code('screeningReason', r)}</div>
      ))}
      {warnings.map((w) => (
        <div key={w}>{code('screeningWarning', w)}</div>
      ))}
    </div>
  );
}

function ScreeningForm({ visit, elder, point, onDone }) {
  const needsMedication = Boolean(elder && (elder.chronic_conditions?.length || elder.medications?.length));
  const reminders = [...STANDARD_REMINDERS, ...(needsMedication ? ['medication'] : [])];
  const own = point?.safety_reminders || [];
  const form = useForm({
    mental_state: 'good',
    infectious_disease: false,
    alcohol: false,
    systolic: '',
    diastolic: '',
    notes: '',
    ...Object.fromEntries([...reminders, 'point_specific'].map((r) => [`r_${r}`, false])),
  });
  const action = useAction();
  const v = form.values;
  async function submit(event) {
    event.preventDefault();
    const given = [...reminders, ...(own.length ? ['point_specific'] : [])].filter((r) => v[`r_${r}`]);
    const done = await action.run(() =>
      post(`/visits/${visit.id}/screening`, {
        mental_state: v.mental_state,
        infectious_disease: v.infectious_disease,
        alcohol: v.alcohol,
        systolic: v.systolic === '' ? null : Number(v.systolic),
        diastolic: v.diastolic === '' ? null : Number(v.diastolic),
        reminders_given: given,
        notes: v.notes,
      }),
    );
    if (done) onDone();
  }
  const errors = action.problem?.errors || {};
  return (
    <form class="grid" onSubmit={submit} data-testid="screening-form">
      <fieldset class="wide">
        <legend>{t('screening.mental')}</legend>
        <div class="row">
          {['good', 'fair', 'poor'].map((state) => (
            <label class="check" key={state}>
              <input
                type="radio"
                name="mental_state"
                value={state}
                checked={v.mental_state === state}
                onChange={() => form.set('mental_state', state)}
              />{' '}
              {code('mental', state)}
            </label>
          ))}
        </div>
      </fieldset>
      <label class="check">
        <input type="checkbox" {...form.check('infectious_disease')} /> {t('screening.infectious')}
      </label>
      <label class="check">
        <input type="checkbox" {...form.check('alcohol')} /> {t('screening.alcohol')}
      </label>
      <Field label={t('screening.systolic')} error={errors.systolic}>
        <input type="number" inputMode="numeric" {...form.bind('systolic')} />
      </Field>
      <Field label={t('screening.diastolic')} error={errors.diastolic}>
        <input type="number" inputMode="numeric" {...form.bind('diastolic')} />
      </Field>
      <fieldset class="wide reminders">
        <legend>{t('screening.reminders')}</legend>
        {reminders.map((r) => (
          <label class="check" key={r}>
            <input type="checkbox" {...form.check(`r_${r}`)} data-reminder={r} /> {code('reminder', r)}
          </label>
        ))}
        {own.length > 0 && (
          <div class="read-out" data-testid="point-reminders">
            <p>{t('screening.readOut')}</p>
            <ol>
              {own.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ol>
            <label class="check">
              <input type="checkbox" {...form.check('r_point_specific')} data-reminder="point_specific" />{' '}
              {t('screening.pointRead')}
            </label>
          </div>
        )}
      </fieldset>
      <Field label={t('common.notes')} wide>
        <textarea rows={2} {...form.bind('notes')} />
      </Field>
      <div class="actions">
        <button type="submit" class="primary" data-testid="screening-submit" disabled={action.busy}>
          {t('screening.submit')}
        </button>
      </div>
      <ProblemBox problem={action.problem} />
    </form>
  );
}

function AssignForm({ visit, elder, point, onDone }) {
  const staff = useLoad(() => all('/staff', { service_point_id: point.id, role: 'bathing_assistant' }), [point.id]);
  const [chosen, setChosen] = useState('');
  const action = useAction();
  const sameGender = Boolean(elder?.same_gender_assistant);
  const everyone = (staff.data || []).filter((s) => s.active && s.roles.includes('bathing_assistant'));
  const qualified = everyone.filter((s) => s.qualified && (!sameGender || s.gender === elder.gender));
  const assistant = chosen || qualified[0]?.id || '';
  async function submit(event) {
    event.preventDefault();
    if (await action.run(() => post(`/visits/${visit.id}/bath`, { assistant_staff_id: assistant }))) onDone();
  }
  return (
    <form class="row" onSubmit={submit} data-testid="assign-form">
      <Loading state={staff} />
      <Field label={t('visits.assistant')}>
        <select name="assistant" value={assistant} onChange={(e) => setChosen(e.currentTarget.value)}>
          {qualified.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.gender ? ` (${code('gender', s.gender)})` : ''}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" class="primary" data-testid="start-bath" disabled={action.busy || !assistant}>
        {t('visits.startBath')}
      </button>
      {sameGender && <p class="notice">{t('visits.sameGender')}</p>}
      {staff.data && everyone.length > qualified.length && (
        <p class="muted">{t('visits.unqualifiedHidden', { count: everyone.length - qualified.length })}</p>
      )}
      {staff.data && !qualified.length && <p class="notice">{t('visits.noAssistant')}</p>}
      <ProblemBox problem={action.problem} />
    </form>
  );
}

function CheckoutForm({ early, busy, onCheckout }) {
  const [reason, setReason] = useState('');
  function submit(event) {
    event.preventDefault();
    onCheckout(reason.trim() ? { early_leave_reason: reason.trim() } : {});
  }
  return (
    <form class="row" onSubmit={submit} data-testid="checkout-form">
      {early && (
        <Field label={t('visits.earlyReason')}>
          <input name="early_leave_reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} required />
        </Field>
      )}
      <button type="submit" class="primary big" data-testid="checkout" disabled={busy}>
        {t('visits.checkout')}
      </button>
    </form>
  );
}

function IncidentForm({ visit, onDone }) {
  const form = useForm({ kind: 'fall', severity: 'minor', description: '' });
  const action = useAction();
  const [reported, setReported] = useState(null);
  async function submit(event) {
    event.preventDefault();
    const incident = await action.run(() => post(`/visits/${visit.id}/incidents`, form.values));
    if (incident) {
      setReported(incident);
      form.reset();
      setTimeout(onDone, 1500);
    }
  }
  return (
    <form class="grid incident" onSubmit={submit} data-testid="incident-form">
      <Field label={t('incident.kind')}>
        <select {...form.bind('kind')}>
          {['fall', 'fainting', 'hypoxia', 'scald', 'other'].map((k) => (
            <option key={k} value={k}>
              {code('incidentKind', k)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('incident.severity')}>
        <select {...form.bind('severity')}>
          {['minor', 'serious', 'emergency'].map((s) => (
            <option key={s} value={s}>
              {code('incidentSeverity', s)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('incident.description')} wide>
        <textarea rows={2} {...form.bind('description')} required />
      </Field>
      <div class="actions">
        <button type="submit" class="danger" disabled={action.busy}>
          {t('incident.report')}
        </button>
      </div>
      {reported && <p class="success">{t('incident.reported')}</p>}
      <ProblemBox problem={action.problem} />
    </form>
  );
}

function Timeline({ visit, config }) {
  return (
    <ol class="timeline">
      {(visit.timeline || []).map((entry, index) => (
        <li key={index}>
          <time>{clockTime(entry.at, config.timezone)}</time> {code('visitAction', entry.action)}
        </li>
      ))}
    </ol>
  );
}
