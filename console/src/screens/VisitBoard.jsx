// Visit board (助浴看板): today's visits at the point by step, with the screening form,
// the assistant assignment, the bath and rest timers, the overrun alarm and incidents.
// A failed poll keeps the board and what is being typed; the board says it is reconnecting.
import { useEffect, useRef, useState } from 'preact/hooks';
import { all, post } from '../api.js';
import { useElders } from '../elders.js';
import { code, getLang, t } from '../i18n.js';
import { ageOn, clockTime, dayText, localDate, minutesSince } from '../util.js';
import {
  can, Done, Field, NeedPoint, Panel, ProblemBox, Reconnecting, useAction, useForm, useLoad, useNow,
} from '../ui.jsx';

const STEPS = ['checked_in', 'screened', 'bathing', 'resting', 'checked_out', 'refused', 'ended_early'];
const STANDARD_REMINDERS = ['anti_slip', 'anti_hypoxia', 'anti_fainting', 'call_for_help'];
const REFRESH_MS = 5000;
// The bath timer warns when this share of the point's limit has passed.
const WARN_SHARE = 0.75;
const HYPERTENSION = /高血压|hypertension/i;
const EARLY_REASONS = ['family', 'unwell', 'hospital', 'insists'];
// Ending a visit before check-out, from any open step (the contract's reasons).
const OPEN = ['checked_in', 'screened', 'bathing', 'resting'];
const END_REASONS = ['left_before_bath', 'unwell', 'emergency_transfer', 'refused', 'other'];

/** A timer in whole minutes, so it cannot be read as a clock time. */
function timerOf(visit, config, now) {
  if (visit.status === 'bathing' && visit.bath_started_at) {
    const minutes = Math.floor(minutesSince(visit.bath_started_at, now));
    const limit = config.max_bath_minutes;
    if (minutes >= limit) {
      return { kind: 'bath', level: 'over', minutes, text: t('timer.bathOver', { minutes, over: minutes - limit }) };
    }
    const level = minutes >= Math.floor(limit * WARN_SHARE) ? 'warn' : 'ok';
    return { kind: 'bath', level, minutes, text: t('timer.bath', { minutes, left: limit - minutes }) };
  }
  if (visit.status === 'resting' && visit.rest_started_at) {
    const minutes = Math.floor(minutesSince(visit.rest_started_at, now));
    const left = config.min_rest_minutes - minutes;
    if (left <= 0) return { kind: 'rest', level: 'ready', minutes, text: t('timer.restDone', { minutes }) };
    return { kind: 'rest', level: 'ok', minutes, text: t('timer.rest', { minutes, left }) };
  }
  return null;
}

/** A short tone while a bath overruns (once a minute); silent where the browser forbids it. */
function useAlarm(active, enabled) {
  const context = useRef(null);
  useEffect(() => {
    if (!active || !enabled) return undefined;
    function beep() {
      try {
        context.current = context.current || new AudioContext();
        const oscillator = context.current.createOscillator();
        const gain = context.current.createGain();
        oscillator.frequency.value = 880;
        gain.gain.value = 0.2;
        oscillator.connect(gain).connect(context.current.destination);
        oscillator.start();
        oscillator.stop(context.current.currentTime + 0.6);
      } catch {
        // no sound here: the banner still shows
      }
    }
    beep();
    const timer = setInterval(beep, 60000);
    return () => clearInterval(timer);
  }, [active, enabled]);
}

export function VisitBoard({ point, config }) {
  const today = localDate(new Date(), config.timezone);
  const [selectedId, setSelectedId] = useState(null);
  const [sound, setSound] = useState(true);
  const visits = useLoad(
    () => (point ? all('/visits', { service_point_id: point.id, date: today }) : Promise.resolve([])),
    [point?.id, today],
  );
  const { reload, poll } = visits;
  useEffect(() => {
    const timer = setInterval(poll, REFRESH_MS);
    return () => clearInterval(timer);
  }, [point?.id]);
  const staff = useLoad(
    () => (point && can(config, 'GET /staff') ? all('/staff', { service_point_id: point.id }) : Promise.resolve([])),
    [point?.id],
  );
  const now = useNow();
  const items = visits.data || [];
  const elders = useElders(point?.id, items.map((v) => v.elder_id));
  const staffById = new Map((staff.data || []).map((s) => [s.id, s]));
  const nameOf = (visit) => elders.get(visit.elder_id)?.name || '…';
  const overruns = items.filter((v) => timerOf(v, config, now)?.level === 'over');
  const selected = items.find((v) => v.id === selectedId);
  const bathing = items.filter((v) => v.status === 'bathing');
  useAlarm(overruns.length > 0, sound);

  return (
    <div class="screen visit-board">
      <NeedPoint point={point} />
      {point && (
        <div class="board-head">
          <p class="muted">
            {t('visits.today', { date: dayText(today, getLang()), point: point.name })}{' '}
            <span class={`badge ${bathing.length >= point.bath_capacity ? 'warn' : ''}`} data-testid="baths-in-use">
              {t('visits.bathsInUse', { used: bathing.length, capacity: point.bath_capacity })}
            </span>
          </p>
          <button type="button" class="ghost" aria-pressed={sound} onClick={() => setSound(!sound)}>
            {sound ? t('visits.soundOn') : t('visits.soundOff')}
          </button>
        </div>
      )}
      <div aria-live="assertive">
        {overruns.length > 0 && (
          <div class="alert" role="alert" data-testid="bath-alert">
            {overruns.map((v) => (
              <div key={v.id}>
                {t('visits.overrun', { name: nameOf(v), max: config.max_bath_minutes,
                  minutes: timerOf(v, config, now).minutes })}
              </div>
            ))}
          </div>
        )}
      </div>
      <Reconnecting state={visits} timeZone={config.timezone} />
      {visits.problem && !visits.data && <ProblemBox problem={visits.problem} />}
      {visits.loading && !visits.data && <p class="muted">{t('common.loading')}</p>}
      <div class="board" data-testid="board">
        {STEPS.map((step) => {
          const column = items.filter((v) => v.status === step);
          return (
            <section key={step} class={`column step-${step}`} data-step={step}>
              <h3>
                {code('visitStatus', step)} <span class="count">{column.length}</span>
              </h3>
              {column.map((visit) => (
                <VisitCard
                  key={visit.id}
                  visit={visit}
                  elder={elders.get(visit.elder_id)}
                  assistant={staffById.get(visit.assistant_staff_id)}
                  timer={timerOf(visit, config, now)}
                  selected={visit.id === selectedId}
                  config={config}
                  today={today}
                  onSelect={() => setSelectedId(visit.id)}
                />
              ))}
            </section>
          );
        })}
      </div>
      {selected && (
        <VisitPanel
          key={selected.id}
          visit={selected}
          elder={elders.get(selected.elder_id)}
          point={point}
          config={config}
          now={now}
          today={today}
          staff={staff.data || []}
          visits={items}
          onChange={reload}
        />
      )}
    </div>
  );
}

function VisitCard({ visit, elder, assistant, timer, selected, config, today, onSelect }) {
  return (
    <button
      type="button"
      class={`visit-card${selected ? ' selected' : ''}${timer?.level === 'over' ? ' overrun' : ''}`}
      data-visit-id={visit.id}
      onClick={onSelect}
    >
      <strong>{elder?.name || '…'}</strong>
      {elder && (
        <span class="muted">
          {code('gender', elder.gender)} · {t('elder.ageYears', { age: ageOn(elder.birth_date, today) })}
          {elder.chronic_conditions?.length > 0 && ` · ${elder.chronic_conditions.join('、')}`}
        </span>
      )}
      <span class="muted">{t('visits.checkedInAt', { time: clockTime(visit.checked_in_at, config.timezone) })}</span>
      {assistant && <span class="assistant">{t('visits.assistantIs', { name: assistant.name })}</span>}
      {timer && (
        <span class={`timer ${timer.level}`} data-testid="card-timer" role="timer">
          {timer.text}
        </span>
      )}
    </button>
  );
}

function VisitPanel({ visit, elder, point, config, now, today, staff, visits, onChange }) {
  const [incident, setIncident] = useState(false);
  const action = useAction();
  async function step(path, body = {}) {
    if (await action.run(() => post(`/visits/${visit.id}/${path}`, body))) onChange();
  }
  const timer = timerOf(visit, config, now);
  const assistant = staff.find((s) => s.id === visit.assistant_staff_id);
  return (
    <Panel
      title={`${elder?.name || ''} · ${code('visitStatus', visit.status)}`}
      class="visit-panel"
      actions={
        can(config, 'POST /visits/{id}/incidents') && (
          <button type="button" class="danger" data-testid="incident-button" onClick={() => setIncident(!incident)}>
            {t('visits.incident')}
          </button>
        )
      }
    >
      <div data-testid="visit-panel" data-status={visit.status} />
      {elder && (
        <p class="muted">
          {code('gender', elder.gender)} · {t('elder.ageYears', { age: ageOn(elder.birth_date, today) })}
          {elder.chronic_conditions?.length > 0 && ` · ${t('elder.conditions')}：${elder.chronic_conditions.join('、')}`}
          {elder.same_gender_assistant && ` · ${t('elder.sameGenderShort')}`}
        </p>
      )}
      {assistant && <p>{t('visits.assistantIs', { name: assistant.name })}</p>}
      {incident && <IncidentForm visit={visit} onDone={() => setIncident(false)} />}
      {timer && (
        <p class={`timer big ${timer.level}`} data-testid="visit-timer" role="timer">
          {timer.text}
          <span class="muted">
            {' '}
            {timer.kind === 'bath'
              ? t('visits.bathLimit', { max: config.max_bath_minutes })
              : t('visits.restMinimum', { min: config.min_rest_minutes })}
          </span>
        </p>
      )}
      {visit.status === 'checked_in' && can(config, 'POST /visits/{id}/screening') && (
        <ScreeningForm visit={visit} elder={elder} point={point} onDone={onChange} />
      )}
      {visit.status === 'screened' && can(config, 'POST /visits/{id}/bath') && (
        <AssignForm visit={visit} elder={elder} point={point} staff={staff} visits={visits} onDone={onChange} />
      )}
      {visit.status === 'bathing' &&
        (can(config, 'POST /visits/{id}/rest') ? (
          <button type="button" class="primary big" data-testid="start-rest" disabled={action.busy} onClick={() => step('rest')}>
            {t('visits.toRest')}
          </button>
        ) : (
          <p class="notice" data-testid="rest-by-others">{t('visits.restByOthers')}</p>
        ))}
      {visit.status === 'resting' &&
        (can(config, 'POST /visits/{id}/checkout') ? (
          <CheckoutForm
            name={elder?.name || ''}
            early={timer?.level !== 'ready'}
            busy={action.busy}
            onCheckout={(body) => step('checkout', body)}
          />
        ) : (
          <p class="notice">{t('visits.checkoutByOthers')}</p>
        ))}
      {visit.status === 'refused' && <p class="notice">{t('visits.refusedNext')}</p>}
      {OPEN.includes(visit.status) && can(config, 'POST /visits/{id}/end-early') && (
        <EndEarlyForm visit={visit} onDone={onChange} />
      )}
      {visit.screening && <ScreeningSummary screening={visit.screening} />}
      <ProblemBox problem={action.problem} />
      <Timeline visit={visit} config={config} staff={staff} />
    </Panel>
  );
}

function ScreeningSummary({ screening }) {
  const reasons = screening.refusal_reasons || [];
  const warnings = screening.warnings || [];
  const pressure = screening.systolic && screening.diastolic ? `${screening.systolic}/${screening.diastolic}` : null;
  return (
    <div class={reasons.length ? 'refusal' : warnings.length ? 'notice' : 'success'} data-testid="screening-outcome">
      <div>{pressure ? t('screening.pressureWas', { value: pressure }) : t('screening.noPressure')}</div>
      {reasons.map((r) => (
        <div key={r}>{code('screeningReason', r)}</div>
      ))}
      {warnings.map((w) => (
        <div key={w}>{code('screeningWarning', w)}</div>
      ))}
    </div>
  );
}

/** The screening refuses on these; a refusal needs no reminders. */
function refuses(v) {
  return v.infectious_disease || v.alcohol || v.mental_state === 'poor' || Number(v.systolic) >= 180 || Number(v.diastolic) >= 110;
}

function ScreeningForm({ visit, elder, point, onDone }) {
  const chronic = Boolean(elder && (elder.chronic_conditions?.length || elder.medications?.length));
  const hypertensive = Boolean(elder?.chronic_conditions?.some((c) => HYPERTENSION.test(c)));
  const own = point?.safety_reminders || [];
  const reminders = [...STANDARD_REMINDERS, ...(chronic ? ['medication'] : [])];
  // DOMAIN 7.2: call for help always, medication with a chronic disease, the point's own where it has them.
  const mandatory = ['call_for_help', ...(chronic ? ['medication'] : []), ...(own.length ? ['point_specific'] : [])];
  const form = useForm({
    mental_state: 'good',
    infectious_disease: false,
    alcohol: false,
    systolic: '',
    diastolic: '',
    no_pressure: false,
    notes: '',
    ...Object.fromEntries([...reminders, 'point_specific'].map((r) => [`r_${r}`, false])),
  });
  const action = useAction();
  const [tried, setTried] = useState(false); // what is missing shows once a submit was tried
  const v = form.values;
  const refusing = refuses(v);
  const danger = Number(v.systolic) >= 180 || Number(v.diastolic) >= 110;
  const given = [...reminders, ...(own.length ? ['point_specific'] : [])].filter((r) => v[`r_${r}`]);
  const lacking = refusing ? [] : mandatory.filter((r) => !given.includes(r));
  const missing = tried ? lacking : [];
  const pressureMissing = tried && hypertensive && (v.systolic === '' || v.diastolic === '') && !v.no_pressure;
  async function submit(event) {
    event.preventDefault();
    setTried(true);
    const noPressure = hypertensive && (v.systolic === '' || v.diastolic === '') && !v.no_pressure;
    if (lacking.length || (noPressure && !refusing)) return;
    const done = await action.run(() =>
      post(`/visits/${visit.id}/screening`, {
        mental_state: v.mental_state,
        infectious_disease: v.infectious_disease,
        alcohol: v.alcohol,
        systolic: v.systolic === '' ? null : Number(v.systolic),
        diastolic: v.diastolic === '' ? null : Number(v.diastolic),
        reminders_given: given,
        notes: v.no_pressure ? [t('screening.noPressureNote'), v.notes].filter(Boolean).join('；') : v.notes,
      }),
    );
    if (done) onDone();
  }
  const errors = action.errors;
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
        <input type="number" inputMode="numeric" min="50" max="300" {...form.bind('systolic')} />
      </Field>
      <Field label={t('screening.diastolic')} error={errors.diastolic}>
        <input type="number" inputMode="numeric" min="30" max="200" {...form.bind('diastolic')} />
      </Field>
      {hypertensive && (
        <div class="wide notice" data-testid="pressure-needed">
          {t('screening.hypertensive')}
          <label class="check">
            <input type="checkbox" {...form.check('no_pressure')} /> {t('screening.noPressureTick')}
          </label>
        </div>
      )}
      {danger && (
        <p class="wide refusal" data-testid="pressure-danger">
          {t('screening.dangerRecheck')}
        </p>
      )}
      <fieldset class="wide reminders">
        <legend>{t('screening.reminders')}</legend>
        {reminders.map((r) => (
          <label class="check" key={r}>
            <input type="checkbox" {...form.check(`r_${r}`)} data-reminder={r} /> {code('reminder', r)}
            {mandatory.includes(r) && <span class="required">{t('screening.mandatory')}</span>}
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
              {t('screening.pointRead')} <span class="required">{t('screening.mandatory')}</span>
            </label>
          </div>
        )}
      </fieldset>
      <Field label={t('common.notes')} wide>
        <textarea rows={2} {...form.bind('notes')} />
      </Field>
      {missing.length > 0 && (
        <p class="wide problem" role="alert" data-testid="reminders-missing">
          {t('screening.missing', { reminders: missing.map((r) => code('reminder', r)).join('、') })}
        </p>
      )}
      {pressureMissing && !refusing && (
        <p class="wide problem" role="alert">
          {t('screening.pressureMissing')}
        </p>
      )}
      <div class="actions">
        <button type="submit" class={refusing ? 'danger' : 'primary'} data-testid="screening-submit" disabled={action.busy}>
          {refusing ? t('screening.submitRefuse') : t('screening.submit')}
        </button>
      </div>
      <ProblemBox problem={action.problem} labels={{ systolic: t('screening.systolic'), diastolic: t('screening.diastolic') }}
        shown={['systolic', 'diastolic']} />
    </form>
  );
}

function AssignForm({ visit, elder, point, staff, visits, onDone }) {
  const [chosen, setChosen] = useState('');
  const action = useAction();
  const sameGender = Boolean(elder?.same_gender_assistant);
  const everyone = staff.filter((s) => s.active && s.roles.includes('bathing_assistant'));
  const suitable = everyone.filter((s) => s.qualified && (!sameGender || s.gender === elder.gender));
  // Who is bathing whom right now: an assistant gives one bath at a time.
  const busyWith = new Map(visits.filter((v) => v.status === 'bathing').map((v) => [v.assistant_staff_id, v]));
  const inUse = visits.filter((v) => v.status === 'bathing').length;
  const full = inUse >= point.bath_capacity;
  async function submit(event) {
    event.preventDefault();
    if (await action.run(() => post(`/visits/${visit.id}/bath`, { assistant_staff_id: chosen }))) onDone();
  }
  return (
    <form class="row" onSubmit={submit} data-testid="assign-form">
      <Field label={t('visits.assistant')}>
        <select name="assistant" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)} required>
          <option value="">{t('visits.chooseAssistant')}</option>
          {suitable.map((s) => (
            <option key={s.id} value={s.id} disabled={busyWith.has(s.id)} data-busy={busyWith.has(s.id) ? 'true' : null}>
              {s.name}
              {s.gender ? `（${code('gender', s.gender)}）` : ''}
              {busyWith.has(s.id) ? ` · ${t('visits.busy')}` : ''}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" class="primary" data-testid="start-bath" disabled={action.busy || !chosen || full}>
        {t('visits.startBath')}
      </button>
      <p class={full ? 'notice' : 'muted'} data-testid="bath-places">
        {full ? t('visits.bathsFull', { capacity: point.bath_capacity }) : t('visits.bathsInUse', { used: inUse, capacity: point.bath_capacity })}
      </p>
      {sameGender && <p class="notice">{t('visits.sameGender')}</p>}
      {everyone.length > suitable.length && (
        <p class="muted">{t('visits.unqualifiedHidden', { count: everyone.length - suitable.length })}</p>
      )}
      {!suitable.length && <p class="notice">{t('visits.noAssistant')}</p>}
      <ProblemBox problem={action.problem} />
    </form>
  );
}

/** Ends the visit where it stands: the elder leaves, is unwell or is taken to hospital. */
function EndEarlyForm({ visit, onDone }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  async function submit(event) {
    event.preventDefault();
    const body = { reason, ...(note.trim() ? { note: note.trim() } : {}) };
    if (await action.run(() => post(`/visits/${visit.id}/end-early`, body))) onDone();
  }
  if (!open) {
    return (
      <button type="button" data-testid="end-early-button" onClick={() => setOpen(true)}>
        {t('visits.endEarly')}
      </button>
    );
  }
  return (
    <form class="grid" onSubmit={submit} data-testid="end-early-form">
      <Field label={t('visits.endReason')}>
        <select name="end_reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required>
          <option value="">{t('visits.chooseEndReason')}</option>
          {END_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`endReason.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('visits.earlyNote')}>
        <input name="end_note" value={note} onInput={(e) => setNote(e.currentTarget.value)} required={reason === 'other'} />
      </Field>
      <div class="actions wide">
        <button type="submit" class="danger" data-testid="end-early" disabled={action.busy || !reason}>
          {t('visits.endEarlyConfirm')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('visits.keepVisit')}
        </button>
      </div>
      <ProblemBox problem={action.problem} />
    </form>
  );
}

function CheckoutForm({ name, early, busy, onCheckout }) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const said = [reason && reason !== 'other' ? t(`earlyReason.${reason}`) : '', note.trim()].filter(Boolean).join('：');
  function submit(event) {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    onCheckout(early ? { early_leave_reason: said } : {});
  }
  return (
    <form class="grid" onSubmit={submit} data-testid="checkout-form">
      {early && (
        <>
          <p class="notice wide">{t('visits.earlyNotice')}</p>
          <Field label={t('visits.earlyReason')}>
            <select name="early_reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required>
              <option value="">{t('common.choose')}</option>
              {[...EARLY_REASONS, 'other'].map((r) => (
                <option key={r} value={r}>
                  {t(`earlyReason.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('visits.earlyNote')}>
            <input name="early_leave_reason" value={note} onInput={(e) => setNote(e.currentTarget.value)} required={reason === 'other'} />
          </Field>
        </>
      )}
      {confirming ? (
        <div class="actions wide" data-testid="checkout-confirm">
          <span>{t('visits.confirmCheckout', { name })}</span>
          <button type="submit" class="primary big" data-testid="checkout" disabled={busy}>
            {t('visits.confirm')}
          </button>
          <button type="button" class="ghost" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="submit" class="primary big" data-testid="checkout">
            {t('visits.checkout')}
          </button>
        </div>
      )}
    </form>
  );
}

function IncidentForm({ visit, onDone }) {
  const blank = { kind: '', severity: '', description: '' };
  const form = useForm(blank);
  const action = useAction();
  const [reported, setReported] = useState(null);
  async function submit(event) {
    event.preventDefault();
    const incident = await action.run(() => post(`/visits/${visit.id}/incidents`, form.values));
    if (incident) {
      setReported(incident);
      form.reset(blank);
      setTimeout(onDone, 8000);
    }
  }
  const errors = action.errors;
  return (
    <form class="grid incident" onSubmit={submit} data-testid="incident-form">
      <Field label={t('incident.kind')} error={errors.kind}>
        <select {...form.bind('kind')} onChange={(e) => form.set('kind', e.currentTarget.value)} required>
          <option value="">{t('common.choose')}</option>
          {['fall', 'fainting', 'hypoxia', 'scald', 'other'].map((k) => (
            <option key={k} value={k}>
              {code('incidentKind', k)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('incident.severity')} error={errors.severity}>
        <select {...form.bind('severity')} onChange={(e) => form.set('severity', e.currentTarget.value)} required>
          <option value="">{t('common.choose')}</option>
          {['minor', 'serious', 'emergency'].map((s) => (
            <option key={s} value={s}>
              {code('incidentSeverity', s)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('incident.description')} error={errors.description} wide>
        <textarea rows={2} {...form.bind('description')} required />
      </Field>
      <div class="actions">
        <button type="submit" class="danger" disabled={action.busy}>
          {t('incident.report')}
        </button>
      </div>
      <Done
        message={reported && t(`incident.reported.${reported.severity === 'minor' ? 'minor' : 'urgent'}`,
          { kind: code('incidentKind', reported.kind), severity: code('incidentSeverity', reported.severity) })}
        testId="incident-reported"
      />
      <ProblemBox problem={action.problem} labels={{ kind: t('incident.kind'), severity: t('incident.severity'),
        description: t('incident.description') }} shown={['kind', 'severity', 'description']} />
    </form>
  );
}

function Timeline({ visit, config, staff }) {
  const nameOf = (id) => staff.find((s) => s.id === id)?.name;
  const bathMinutes = visit.bath_started_at && visit.rest_started_at
    ? Math.round(minutesSince(visit.bath_started_at, new Date(visit.rest_started_at).getTime()))
    : null;
  return (
    <ol class="timeline" data-testid="timeline">
      {(visit.timeline || []).map((entry, index) => {
        const details = entry.details || {};
        let extra = '';
        if (entry.action === 'incident') {
          extra = `：${code('incidentKind', details.kind)} · ${code('incidentSeverity', details.severity)}`;
        } else if (entry.action === 'bath_started' && nameOf(visit.assistant_staff_id)) {
          extra = `：${t('visits.assistantIs', { name: nameOf(visit.assistant_staff_id) })}`;
        } else if (entry.action === 'rest_started' && bathMinutes !== null) {
          extra = `：${t('visits.bathLasted', { minutes: bathMinutes })}`;
        } else if (entry.action === 'checked_out' && visit.early_leave_reason) {
          extra = `：${t('visits.leftEarly', { reason: visit.early_leave_reason })}`;
        }
        return (
          <li key={index} data-action={entry.action}>
            <time>{clockTime(entry.at, config.timezone)}</time> {code('visitAction', entry.action)}
            {extra}
          </li>
        );
      })}
    </ol>
  );
}
