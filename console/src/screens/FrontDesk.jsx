// Front desk (前台): today's arrivals and bookings; find an elder by card, name or ID
// number; register one; record the capability assessment and the safety commitment; and
// check the elder in, with the card field ready for the next swipe; who pays for the
// elder's visits (the subsidy in force, or self-paid and why) and a subsidy application.
import { useEffect, useRef, useState } from 'preact/hooks';
import { all, get, post } from '../api.js';
import { remember, useElders } from '../elders.js';
import { code, getLang, t } from '../i18n.js';
import { SubsidyPanel } from './Subsidies.jsx';
import { ageOn, clockTime, dayText, localDate, minutesSince, plainPhone, readIdNumber, splitList } from '../util.js';
import {
  can, Done, Field, Loading, NeedPoint, Panel, ProblemBox, Reconnecting, Say, useAction, useForm, useLoad, useNow,
} from '../ui.jsx';

const REFRESH_MS = 15000;
const HAS_CHINESE = /[\u3400-\u9fff]/;

/** What the desk typed: a card number (a swipe), a name, or an ID number. */
function searchOf(text, mayUseIdNumbers) {
  const value = text.trim();
  if (HAS_CHINESE.test(value)) return { kind: 'name', value, params: { q: value } };
  if (mayUseIdNumbers && readIdNumber(value)) return { kind: 'id', value, params: { id_number: value } };
  return { kind: 'card', value, params: { citizen_card_no: value } };
}

export function FrontDesk({ point, config }) {
  const input = useRef(null);
  const [text, setText] = useState('');
  const [found, setFound] = useState(null); // { search, items }
  const [elder, setElder] = useState(null);
  const [registering, setRegistering] = useState(null);
  const search = useAction();
  const today = localDate(new Date(), config.timezone);
  const day = useLoad(async () => {
    if (!point) return { visits: [], bookings: [] };
    const [visits, bookings] = await Promise.all([
      all('/visits', { service_point_id: point.id, date: today }),
      can(config, 'GET /bookings') ? all('/bookings', { service_point_id: point.id, date: today }) : [],
    ]);
    return { visits, bookings };
  }, [point?.id, today]);
  useEffect(() => {
    const timer = setInterval(day.poll, REFRESH_MS);
    return () => clearInterval(timer);
  }, [point?.id]);
  const staff = useLoad(() => (point ? all('/staff', { service_point_id: point.id }) : Promise.resolve([])), [point?.id]);

  function ready() {
    input.current?.focus();
    input.current?.select();
  }

  function choose(chosen) {
    remember(chosen);
    setElder(chosen);
    setRegistering(null);
  }

  async function find(event) {
    event.preventDefault();
    const wanted = searchOf(text, config.me.personal_data);
    if (!wanted.value) return;
    setElder(null);
    setRegistering(null);
    setFound(null);
    const page = await search.run(() => get('/elders', wanted.params));
    ready(); // the next swipe replaces what is in the field
    if (!page) return;
    setFound({ search: wanted, items: page.items });
    if (page.items.length === 1) choose(page.items[0]);
  }

  async function open(elderId) {
    const chosen = await search.run(() => get(`/elders/${elderId}`));
    if (chosen) {
      setFound(null);
      choose(chosen);
    }
  }

  function checkedIn() {
    setText('');
    day.reload();
    setTimeout(ready, 0);
  }

  const visitsToday = day.data?.visits || [];
  const now = useNow(15000);
  // A bath that overruns is the desk's business too: staff here may be the nearest.
  const overruns = visitsToday.filter(
    (v) => v.status === 'bathing' && v.bath_started_at && minutesSince(v.bath_started_at, now) >= config.max_bath_minutes,
  );
  const elderVisits = elder ? visitsToday.filter((v) => v.elder_id === elder.id) : [];
  return (
    <div class="screen front-desk">
      <NeedPoint point={point} />
      {overruns.length > 0 && <OverrunNotice visits={overruns} point={point} config={config} />}
      <div class="columns">
        <div class="stack">
          <Panel title={t('front.find')}>
            <form class="row" onSubmit={find}>
              <Field label={t('front.searchLabel')} hint={t('front.searchHint')}>
                <input
                  ref={input}
                  data-testid="card-search"
                  value={text}
                  onInput={(e) => setText(e.currentTarget.value)}
                  placeholder={config.me.personal_data ? t('front.placeholderId') : t('front.placeholder')}
                  autocomplete="off"
                  autofocus
                  translate={false}
                />
              </Field>
              <button type="submit" class="primary" disabled={search.busy}>
                {t('front.search')}
              </button>
            </form>
            <ProblemBox problem={search.problem} />
            {found && <Matches found={found} today={today} onChoose={choose} onRegister={setRegistering} config={config} />}
          </Panel>
          {registering && point && can(config, 'POST /elders') && (
            <RegisterForm
              start={registering}
              point={point}
              today={today}
              onRegistered={(created) => {
                setFound(null);
                choose(created);
              }}
            />
          )}
          {elder && (
            <div class="elder-work" key={elder.id}>
              <ElderSummary elder={elder} today={today} visits={elderVisits} config={config} />
              <AssessmentForm elder={elder} config={config} onDone={choose} />
              <CommitmentForm elder={elder} config={config} staff={staff.data || []} onDone={choose} />
              {point && (
                <CheckIn elder={elder} point={point} config={config} visits={elderVisits} onCheckedIn={checkedIn} />
              )}
              {can(config, 'GET /subsidy-applications') && <SubsidyPanel elder={elder} config={config} />}
            </div>
          )}
        </div>
        {point && <Today point={point} day={day} config={config} onOpen={open} />}
      </div>
    </div>
  );
}

function OverrunNotice({ visits, point, config }) {
  const elders = useElders(point.id, visits.map((v) => v.elder_id));
  return (
    <div class="alert" role="alert" data-testid="desk-overrun">
      {visits.map((v) => (
        <div key={v.id}>
          {t('visits.overrunAt', { name: elders.get(v.elder_id)?.name || '…', max: config.max_bath_minutes })}{' '}
          <a href="#/visits" class="alert-link">
            {t('front.toBoard')}
          </a>
        </div>
      ))}
    </div>
  );
}

function Matches({ found, today, onChoose, onRegister, config }) {
  const { search, items } = found;
  const register = () =>
    onRegister(search.kind === 'name' ? { name: search.value } : search.kind === 'id' ? { id_number: search.value } : { citizen_card_no: search.value });
  if (!items.length) {
    return (
      <div class="notice" data-testid="card-unknown">
        <p>
          <Say id={`front.notFound.${search.kind}`} vars={{ text: search.value }} data={['text']} />
        </p>
        {can(config, 'POST /elders') && (
          <button type="button" class="primary" data-testid="start-register" onClick={register}>
            {t('front.registerNew')}
          </button>
        )}
      </div>
    );
  }
  if (items.length === 1) return null;
  return (
    <div data-testid="matches">
      <p class="muted">{t('front.matches', { count: items.length })}</p>
      <ul class="pick-list">
        {items.map((e) => (
          <li key={e.id}>
            <button type="button" class="pick" onClick={() => onChoose(e)}>
              <strong>{e.name}</strong> {code('gender', e.gender)} · {t('elder.ageYears', { age: ageOn(e.birth_date, today) })} ·{' '}
              <span translate={false}>{e.citizen_card_no}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Today at the point: who is in, who has come and gone, who has a booking. */
function Today({ point, day, config, onOpen }) {
  const visits = day.data?.visits || [];
  const bookings = (day.data?.bookings || []).filter((b) => b.status === 'booked');
  const elders = useElders(point.id, [...visits.map((v) => v.elder_id), ...bookings.map((b) => b.elder_id)]);
  const nameOf = (id) => elders.get(id)?.name || '…';
  const inside = visits.filter((v) => ['checked_in', 'screened', 'bathing', 'resting'].includes(v.status));
  const bathing = visits.filter((v) => v.status === 'bathing').length;
  const sorted = [...visits].sort((a, b) => b.checked_in_at.localeCompare(a.checked_in_at));
  return (
    <Panel title={t('front.today')} class="today" testId="today">
      <p class="muted">
        {t('front.todaySummary', { date: dayText(localDate(new Date(), config.timezone), getLang()), inside: inside.length,
          baths: bathing, capacity: point.bath_capacity })}
      </p>
      <Reconnecting state={day} timeZone={config.timezone} />
      <Loading state={day} />
      {bookings.length > 0 && (
        <>
          <h3>{t('front.bookings')}</h3>
          <table class="table" data-testid="today-bookings">
            <tbody>
              {bookings.map((b) => (
                <tr key={b.id}>
                  <td>{clockTime(b.slot_start, config.timezone)}</td>
                  <td>
                    <button type="button" class="link" onClick={() => onOpen(b.elder_id)}>
                      {nameOf(b.elder_id)}
                    </button>
                  </td>
                  <td>{t('front.booked')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>{t('front.arrivals')}</h3>
      {day.data && !visits.length && <p class="muted">{t('front.noArrivals')}</p>}
      <table class="table" data-testid="today-visits">
        <tbody>
          {sorted.map((v) => (
            <tr key={v.id} data-visit-id={v.id} class={v.status === 'refused' ? 'late' : ''}>
              <td>{clockTime(v.checked_in_at, config.timezone)}</td>
              <td>
                <button type="button" class="link" onClick={() => onOpen(v.elder_id)}>
                  {nameOf(v.elder_id)}
                </button>
              </td>
              <td>{code('visitStatus', v.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function ElderSummary({ elder, today, visits, config }) {
  const contact = elder.emergency_contacts?.[0];
  const rows = [
    [t('elder.gender'), code('gender', elder.gender)],
    [t('elder.age'), t('elder.ageYears', { age: ageOn(elder.birth_date, today) })],
    [t('elder.card'), <span translate={false}>{elder.citizen_card_no}</span>],
    [t('elder.idNumber'), <span translate={false}>{elder.id_number}</span>],
    [t('elder.phone'), elder.phone ? <span translate={false}>{elder.phone}</span> : '—'],
    [t('elder.status'), code('elderStatus', elder.status)],
    [t('elder.level'), elder.latest_assessment_level == null ? t('elder.noAssessment') : t(`assessment.level${elder.latest_assessment_level}`)],
    [t('elder.contact'), contact ? <span>{contact.name}（{contact.relation}）<span translate={false}>{contact.phone}</span></span> : '—'],
    [t('elder.conditions'), elder.chronic_conditions?.join('、') || '—'],
    [t('elder.medications'), elder.medications?.join('、') || '—'],
    [t('elder.allergies'), elder.allergies?.join('、') || '—'],
  ];
  return (
    <Panel title={elder.name} class="elder-summary">
      <dl class="facts" data-testid="elder-summary">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div class="badges">
        <span class={`badge ${elder.eligible_for_bathing ? 'ok' : 'warn'}`} data-testid="eligible">
          {elder.eligible_for_bathing ? t('elder.eligible') : t('elder.notEligible')}
          {!elder.eligible_for_bathing && elder.ineligibility_reasons?.length > 0 && (
            <span data-testid="ineligibility-reasons">
              {'：'}
              {elder.ineligibility_reasons.map((r) => code('ineligible', r)).join('、')}
            </span>
          )}
        </span>
        {elder.assessment_due_on && (
          <span class={`badge ${elder.ineligibility_reasons?.includes('ASSESSMENT_EXPIRED') ? 'warn' : ''}`}
            data-testid="assessment-due">
            {t('elder.assessmentDue', { date: elder.assessment_due_on })}
          </span>
        )}
        <span class={`badge ${elder.safety_commitment_current ? 'ok' : 'warn'}`} data-testid="commitment">
          {elder.safety_commitment_current ? t('elder.commitmentOk') : t('elder.commitmentMissing')}
        </span>
        {elder.same_gender_assistant && <span class="badge">{t('elder.sameGenderShort')}</span>}
        {visits.length > 0 && (
          <span class="badge warn" data-testid="visits-today">
            {t('elder.visitsToday', { count: visits.length })}
          </span>
        )}
      </div>
    </Panel>
  );
}

/** A step that is done shows as one line with a button to do it again; one still to do
 * shows its form, so the desk works down the page to the check-in. */
function Step({ title, done, summary, children, testId }) {
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [done]);
  if (done && !open) {
    return (
      <div class="step-done" data-testid={testId}>
        <span class="badge ok">✓</span> <strong>{title}</strong> <span>{summary}</span>
        <button type="button" class="ghost" onClick={() => setOpen(true)}>
          {t('front.again')}
        </button>
      </div>
    );
  }
  return (
    <Panel title={title} testId={testId}>
      {children}
    </Panel>
  );
}

function AssessmentForm({ elder, config, onDone }) {
  const today = localDate(new Date(), config.timezone);
  const blank = { level: '', assessed_on: today, assessor: '', reference: '' };
  const form = useForm(blank);
  const action = useAction();
  const [saved, setSaved] = useState(null);
  const labels = { level: t('assessment.level'), assessed_on: t('assessment.on'), assessor: t('assessment.assessor'),
    reference: t('assessment.reference') };
  async function submit(event) {
    event.preventDefault();
    setSaved(null);
    const done = await action.run(async () => {
      await post(`/elders/${elder.id}/assessments`, { ...form.values, level: Number(form.values.level) });
      return get(`/elders/${elder.id}`);
    });
    if (done) {
      form.reset(blank);
      setSaved(t('front.assessmentSaved', { level: t(`assessment.level${done.latest_assessment_level}`) }));
      onDone(done);
    }
  }
  const errors = action.errors;
  const level = elder.latest_assessment_level;
  if (!can(config, 'POST /elders/{id}/assessments')) return null;
  return (
    <>
      <Done message={saved} testId="assessment-saved" />
      <Step
        title={t('front.assessment')}
        done={elder.eligible_for_bathing}
        summary={level == null ? '' : t(`assessment.level${level}`)}
        testId="assessment-step"
      >
        <form class="grid" onSubmit={submit} data-testid="assessment-form">
          <Field label={labels.level} error={errors.level}>
            <select {...form.bind('level')} onChange={(e) => form.set('level', e.currentTarget.value)} required>
              <option value="">{t('assessment.choose')}</option>
              {[0, 1, 2, 3].map((value) => (
                <option key={value} value={value}>
                  {t(`assessment.level${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={labels.assessed_on} error={errors.assessed_on}>
            <input type="date" {...form.bind('assessed_on')} max={today} required />
          </Field>
          <Field label={labels.assessor} error={errors.assessor}>
            <input {...form.bind('assessor')} required />
          </Field>
          <Field label={labels.reference} error={errors.reference}>
            <input {...form.bind('reference')} required />
          </Field>
          <div class="actions">
            <button type="submit" class="primary" disabled={action.busy}>
              {t('front.recordAssessment')}
            </button>
          </div>
        </form>
        <ProblemBox problem={action.problem} labels={labels} shown={Object.keys(labels)} />
      </Step>
    </>
  );
}

function CommitmentForm({ elder, config, staff, onDone }) {
  const witnesses = staff.filter((s) => s.active);
  const blank = { signer_name: elder.name, signer_relation: 'self', witness_staff_id: '' };
  const form = useForm(blank);
  const action = useAction();
  const [saved, setSaved] = useState(null);
  const own = config.me.staff_id;
  const witness = form.values.witness_staff_id || (witnesses.some((s) => s.id === own) ? own : '');
  const labels = { signer_name: t('commitment.signer'), signer_relation: t('commitment.relation'),
    witness_staff_id: t('commitment.witness') };
  async function submit(event) {
    event.preventDefault();
    setSaved(null);
    const done = await action.run(async () => {
      await post(`/elders/${elder.id}/safety-commitments`, {
        signer_name: form.values.signer_name,
        signer_relation: form.values.signer_relation,
        text_version: config.safety_commitment_version,
        witness_staff_id: witness,
      });
      return get(`/elders/${elder.id}`);
    });
    if (done) {
      form.reset(blank);
      setSaved(t('front.commitmentSaved', { name: form.values.signer_name }));
      onDone(done);
    }
  }
  const errors = action.errors;
  if (!can(config, 'POST /elders/{id}/safety-commitments')) return null;
  return (
    <>
      <Done message={saved} testId="commitment-saved" />
      <Step
        title={t('front.commitment')}
        done={elder.safety_commitment_current}
        summary={t('commitment.version', { version: config.safety_commitment_version })}
        testId="commitment-step"
      >
        <p class="muted">{t('commitment.version', { version: config.safety_commitment_version })}</p>
        <form class="grid" onSubmit={submit} data-testid="commitment-form">
          <Field label={labels.signer_name} error={errors.signer_name}>
            <input {...form.bind('signer_name')} required />
          </Field>
          <Field label={labels.signer_relation} error={errors.signer_relation}>
            <select {...form.bind('signer_relation')} onChange={(e) => form.set('signer_relation', e.currentTarget.value)}>
              {['self', 'spouse', 'child', 'guardian', 'other'].map((r) => (
                <option key={r} value={r}>
                  {code('relation', r)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={labels.witness_staff_id} error={errors.witness_staff_id}>
            <select
              name="witness_staff_id"
              value={witness}
              onChange={(e) => form.set('witness_staff_id', e.currentTarget.value)}
              required
            >
              <option value="">{t('commitment.chooseWitness')}</option>
              {witnesses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <div class="actions">
            <button type="submit" class="primary" disabled={action.busy || !witness}>
              {t('front.sign')}
            </button>
          </div>
        </form>
        <ProblemBox problem={action.problem} labels={labels} shown={Object.keys(labels)} />
      </Step>
    </>
  );
}

function CheckIn({ elder, point, config, visits, onCheckedIn }) {
  const [outcome, setOutcome] = useState(null);
  const [understood, setUnderstood] = useState(false);
  const action = useAction();
  // A refusal is about the elder as they were: once the record changes it no longer holds.
  useEffect(() => {
    action.clear();
    setUnderstood(false);
  }, [elder.id, elder.eligible_for_bathing, elder.safety_commitment_current]);
  useEffect(() => setOutcome(null), [elder.id]);
  const refusedToday = visits.filter((v) => v.status === 'refused');
  const warn = refusedToday.length > 0;
  async function checkIn() {
    setOutcome(null);
    const visit = await action.run(() =>
      post('/visits', { citizen_card_no: elder.citizen_card_no, service_point_id: point.id }),
    );
    if (visit) {
      setOutcome({ visit });
      onCheckedIn();
    }
  }
  const refusal = action.problem && action.problem.status === 409 ? action.problem : null;
  if (!can(config, 'POST /visits')) return null;
  return (
    <Panel title={t('front.checkIn')} testId="check-in-panel">
      <p class="muted">{t('front.checkInAt', { point: point.name })}</p>
      {warn && (
        <div class="refusal" data-testid="refused-today">
          {refusedToday.map((v) => (
            <p key={v.id}>
              {t('front.refusedToday', {
                time: clockTime(v.checked_in_at, config.timezone),
                reasons: (v.screening?.refusal_reasons || []).map((r) => code('screeningReason', r)).join('、'),
              })}
            </p>
          ))}
          <label class="check">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} data-testid="understood" />{' '}
            {t('front.understood')}
          </label>
        </div>
      )}
      <button
        type="button"
        class="primary big"
        data-testid="check-in"
        onClick={checkIn}
        disabled={action.busy || (warn && !understood)}
      >
        {t('front.checkInButton')}
      </button>
      {outcome && (
        <p class="success" data-testid="checked-in" data-visit-id={outcome.visit.id}>
          {t('front.checkedIn', { name: elder.name })} <a href="#/visits">{t('front.toBoard')}</a>
        </p>
      )}
      {outcome?.visit.funding && (
        <p data-testid="funding" data-source={outcome.visit.funding.source}>
          {t('front.fundedBy', { funding: fundingText(outcome.visit.funding) })}
        </p>
      )}
      {refusal && (
        <div class="refusal" role="alert" data-testid="refusal" data-code={refusal.code}>
          <strong>{t('front.refused')}</strong>
          <p>{code('refusal', refusal.code)}</p>
          {getLang() === 'en' && <small class="muted">{refusal.code}</small>}
        </div>
      )}
      {!refusal && <ProblemBox problem={action.problem} />}
    </Panel>
  );
}

const BLANK = {
  name: '',
  gender: '',
  birth_date: '',
  id_number: '',
  citizen_card_no: '',
  phone: '',
  address: '',
  district: '',
  contact_name: '',
  contact_relation: '',
  contact_phone: '',
  chronic_conditions: '',
  medications: '',
  allergies: '',
  notes: '',
  same_gender_assistant: false,
};

function RegisterForm({ start, point, today, onRegistered }) {
  const form = useForm({ ...BLANK, district: point.district || '', ...start });
  const action = useAction();
  const v = form.values;
  const read = readIdNumber(v.id_number);
  // Birth date and gender come from the ID number as it is typed.
  useEffect(() => {
    if (read?.birth_date) form.setValues((old) => ({ ...old, birth_date: read.birth_date, gender: read.gender }));
  }, [v.id_number]);
  const idProblem = v.id_number.trim().length >= 18 && (!read || !read.checks || !read.birth_date)
    ? [t('field.idNumberBad')]
    : null;
  const labels = {
    name: t('elder.name'), gender: t('elder.gender'), birth_date: t('elder.birthDate'), id_number: t('elder.idNumber'),
    citizen_card_no: t('elder.card'), phone: t('elder.phone'), address: t('elder.address'), district: t('elder.district'),
    emergency_contacts: t('elder.contact'), chronic_conditions: t('elder.conditions'), medications: t('elder.medications'),
    allergies: t('elder.allergies'), notes: t('elder.notes'),
  };
  async function submit(event) {
    event.preventDefault();
    if (idProblem) return;
    const created = await action.run(() =>
      post('/elders', {
        name: v.name.trim(),
        gender: v.gender,
        birth_date: v.birth_date,
        id_number: v.id_number.trim().toUpperCase(),
        citizen_card_no: v.citizen_card_no.trim(),
        phone: plainPhone(v.phone) || null,
        address: v.address.trim(),
        district: v.district.trim(),
        service_point_id: point.id,
        emergency_contacts: [{ name: v.contact_name.trim(), relation: v.contact_relation.trim(), phone: plainPhone(v.contact_phone) }],
        chronic_conditions: splitList(v.chronic_conditions),
        medications: splitList(v.medications),
        allergies: splitList(v.allergies),
        notes: v.notes,
        same_gender_assistant: v.same_gender_assistant,
      }),
    );
    if (created) onRegistered(created);
  }
  const errors = action.errors;
  const contactErrors = Object.entries(errors)
    .filter(([name]) => name.startsWith('emergency_contacts'))
    .flatMap(([, messages]) => messages);
  return (
    <Panel title={t('front.register')} testId="register-panel">
      <form class="grid" onSubmit={submit} data-testid="register-form" novalidate={false}>
        <Field label={labels.name} error={errors.name}>
          <input {...form.bind('name')} required />
        </Field>
        <Field label={labels.id_number} error={errors.id_number || idProblem} hint={read?.birth_date ? t('field.idRead') : null}>
          <input {...form.bind('id_number')} maxLength={18} required translate={false} />
        </Field>
        <Field label={labels.birth_date} error={errors.birth_date}>
          <input type="date" {...form.bind('birth_date')} max={today} required />
        </Field>
        <Field label={labels.gender} error={errors.gender}>
          <select {...form.bind('gender')} onChange={(e) => form.set('gender', e.currentTarget.value)} required>
            <option value="">{t('common.choose')}</option>
            <option value="female">{code('gender', 'female')}</option>
            <option value="male">{code('gender', 'male')}</option>
          </select>
        </Field>
        <Field label={labels.citizen_card_no} error={errors.citizen_card_no}>
          <input {...form.bind('citizen_card_no')} required translate={false} />
        </Field>
        <Field label={t('elder.phoneOptional')} error={errors.phone}>
          <input {...form.bind('phone')} inputMode="tel" />
        </Field>
        <Field label={labels.address} error={errors.address} wide>
          <input {...form.bind('address')} required />
        </Field>
        <Field label={labels.district} error={errors.district}>
          <input {...form.bind('district')} required />
        </Field>
        <fieldset class="wide">
          <legend>{labels.emergency_contacts}</legend>
          <div class="grid">
            <Field label={t('contact.name')}>
              <input {...form.bind('contact_name')} required />
            </Field>
            <Field label={t('contact.relation')}>
              <input {...form.bind('contact_relation')} required />
            </Field>
            <Field label={t('contact.phone')}>
              <input {...form.bind('contact_phone')} inputMode="tel" required />
            </Field>
          </div>
          {contactErrors.length > 0 && <span class="error-text">{contactErrors.join(' ')}</span>}
        </fieldset>
        <Field label={t('elder.conditionsHint')} error={errors.chronic_conditions}>
          <input {...form.bind('chronic_conditions')} />
        </Field>
        <Field label={t('elder.medicationsHint')} error={errors.medications}>
          <input {...form.bind('medications')} />
        </Field>
        <Field label={t('elder.allergiesHint')} error={errors.allergies}>
          <input {...form.bind('allergies')} />
        </Field>
        <Field label={labels.notes} error={errors.notes} wide>
          <textarea {...form.bind('notes')} rows={2} />
        </Field>
        <label class="check wide">
          <input type="checkbox" {...form.check('same_gender_assistant')} /> {t('elder.sameGender')}
        </label>
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {t('front.registerButton')}
          </button>
        </div>
      </form>
      <ProblemBox problem={action.problem} labels={labels} shown={Object.keys(labels)} />
    </Panel>
  );
}

/** Who pays for a visit (decided at check-in), in plain words. */
export function fundingText(funding) {
  return funding.source === 'government'
    ? t('funding.government', { category: code('subsidyCategory', funding.category) })
    : t('funding.self_pay');
}
