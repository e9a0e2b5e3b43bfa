// Front desk (前台): find an elder by citizen card, register one, record the capability
// assessment and the safety commitment, and check the elder in.
import { useState } from 'preact/hooks';
import { all, get, post } from '../api.js';
import { code, t } from '../i18n.js';
import { localDate, splitList } from '../util.js';
import { Field, NeedPoint, Panel, ProblemBox, useAction, useForm, useLoad } from '../ui.jsx';

const REFUSALS = ['UNKNOWN_CARD', 'ELDER_SUSPENDED', 'NOT_ELIGIBLE', 'NO_SAFETY_COMMITMENT', 'POINT_CLOSED', 'ALREADY_IN_VISIT'];

export function FrontDesk({ point, config, session }) {
  const [card, setCard] = useState('');
  const [elder, setElder] = useState(null);
  const [missing, setMissing] = useState(null);
  const search = useAction();
  const staff = useLoad(() => (point ? all('/staff', { service_point_id: point.id }) : Promise.resolve([])), [point?.id]);

  async function find(event) {
    event.preventDefault();
    const number = card.trim();
    if (!number) return;
    setElder(null);
    setMissing(null);
    const page = await search.run(() => get('/elders', { citizen_card_no: number }));
    if (!page) return;
    if (page.items.length) setElder(page.items[0]);
    else setMissing(number);
  }

  async function refresh() {
    setElder(await get(`/elders/${elder.id}`));
  }

  return (
    <div class="screen front-desk">
      <NeedPoint point={point} />
      <Panel title={t('front.find')}>
        <form class="row" onSubmit={find}>
          <Field label={t('front.card')}>
            <input
              data-testid="card-search"
              value={card}
              onInput={(e) => setCard(e.currentTarget.value)}
              placeholder={t('front.cardHint')}
              autofocus
            />
          </Field>
          <button type="submit" disabled={search.busy}>
            {t('front.search')}
          </button>
        </form>
        <ProblemBox problem={search.problem} />
        {missing && (
          <p class="notice" data-testid="card-unknown">
            {t('front.notFound', { card: missing })}
          </p>
        )}
      </Panel>
      {missing && point && (
        <RegisterForm
          card={missing}
          point={point}
          onRegistered={(created) => {
            setMissing(null);
            setElder(created);
          }}
        />
      )}
      {elder && (
        <div class="columns">
          <ElderSummary elder={elder} />
          <div class="stack">
            {point && <CheckIn elder={elder} point={point} />}
            <AssessmentForm elder={elder} config={config} onDone={refresh} />
            <CommitmentForm elder={elder} config={config} staff={staff.data || []} session={session} onDone={refresh} />
          </div>
        </div>
      )}
    </div>
  );
}

function ElderSummary({ elder }) {
  const rows = [
    [t('elder.name'), elder.name],
    [t('elder.gender'), code('gender', elder.gender)],
    [t('elder.birthDate'), elder.birth_date],
    [t('elder.idNumber'), elder.id_number],
    [t('elder.card'), elder.citizen_card_no],
    [t('elder.phone'), elder.phone || '—'],
    [t('elder.status'), code('elderStatus', elder.status)],
    [t('elder.level'), elder.latest_assessment_level ?? t('elder.noAssessment')],
    [t('elder.conditions'), elder.chronic_conditions.join('、') || '—'],
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
        </span>
        <span class={`badge ${elder.safety_commitment_current ? 'ok' : 'warn'}`} data-testid="commitment">
          {elder.safety_commitment_current ? t('elder.commitmentOk') : t('elder.commitmentMissing')}
        </span>
      </div>
    </Panel>
  );
}

function CheckIn({ elder, point }) {
  const [outcome, setOutcome] = useState(null);
  const action = useAction();
  async function checkIn() {
    setOutcome(null);
    const visit = await action.run(() =>
      post('/visits', { citizen_card_no: elder.citizen_card_no, service_point_id: point.id }),
    );
    if (visit) setOutcome({ visit });
  }
  const refusal = action.problem && action.problem.status === 409 ? action.problem : null;
  return (
    <Panel title={t('front.checkIn')}>
      <p class="muted">{t('front.checkInAt', { point: point.name })}</p>
      <button type="button" class="primary big" data-testid="check-in" onClick={checkIn} disabled={action.busy}>
        {t('front.checkInButton')}
      </button>
      {outcome && (
        <p class="success" data-testid="checked-in" data-visit-id={outcome.visit.id}>
          {t('front.checkedIn', { name: elder.name })} <a href="#/visits">{t('front.toBoard')}</a>
        </p>
      )}
      {refusal && (
        <div class="refusal" role="alert" data-testid="refusal" data-code={refusal.code}>
          <strong>{t('front.refused')}</strong>
          <p>{REFUSALS.includes(refusal.code) ? t(`refusal.${refusal.code}`) : refusal.detail}</p>
          <small class="muted">
            {refusal.code} · {refusal.detail}
          </small>
        </div>
      )}
      {!refusal && <ProblemBox problem={action.problem} />}
    </Panel>
  );
}

function AssessmentForm({ elder, config, onDone }) {
  const today = localDate(new Date(), config.timezone);
  const form = useForm({ level: '2', assessed_on: today, assessor: '', reference: '' });
  const action = useAction();
  async function submit(event) {
    event.preventDefault();
    const done = await action.run(() =>
      post(`/elders/${elder.id}/assessments`, { ...form.values, level: Number(form.values.level) }),
    );
    if (done) await onDone();
  }
  const errors = action.problem?.errors || {};
  return (
    <Panel title={t('front.assessment')}>
      <form class="grid" onSubmit={submit} data-testid="assessment-form">
        <Field label={t('assessment.level')} error={errors.level}>
          <select {...form.bind('level')} onChange={(e) => form.set('level', e.currentTarget.value)}>
            {[0, 1, 2, 3].map((level) => (
              <option key={level} value={level}>
                {t(`assessment.level${level}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('assessment.on')} error={errors.assessed_on}>
          <input type="date" {...form.bind('assessed_on')} required />
        </Field>
        <Field label={t('assessment.assessor')} error={errors.assessor}>
          <input {...form.bind('assessor')} required />
        </Field>
        <Field label={t('assessment.reference')} error={errors.reference}>
          <input {...form.bind('reference')} required />
        </Field>
        <div class="actions">
          <button type="submit" disabled={action.busy}>
            {t('front.recordAssessment')}
          </button>
        </div>
      </form>
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}

function CommitmentForm({ elder, config, staff, session, onDone }) {
  const witnesses = staff.filter((s) => s.active);
  const form = useForm({ signer_name: elder.name, signer_relation: 'self', witness_staff_id: '' });
  const action = useAction();
  const witness =
    form.values.witness_staff_id ||
    (witnesses.some((s) => s.id === session.staff_id) ? session.staff_id : witnesses[0]?.id || '');
  async function submit(event) {
    event.preventDefault();
    const done = await action.run(() =>
      post(`/elders/${elder.id}/safety-commitments`, {
        signer_name: form.values.signer_name,
        signer_relation: form.values.signer_relation,
        text_version: config.safety_commitment_version,
        witness_staff_id: witness,
      }),
    );
    if (done) await onDone();
  }
  const errors = action.problem?.errors || {};
  return (
    <Panel title={t('front.commitment')}>
      <p class="muted">{t('commitment.version', { version: config.safety_commitment_version })}</p>
      <form class="grid" onSubmit={submit} data-testid="commitment-form">
        <Field label={t('commitment.signer')} error={errors.signer_name}>
          <input {...form.bind('signer_name')} required />
        </Field>
        <Field label={t('commitment.relation')} error={errors.signer_relation}>
          <select {...form.bind('signer_relation')} onChange={(e) => form.set('signer_relation', e.currentTarget.value)}>
            {['self', 'spouse', 'child', 'guardian', 'other'].map((r) => (
              <option key={r} value={r}>
                {code('relation', r)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('commitment.witness')} error={errors.witness_staff_id}>
          <select
            name="witness_staff_id"
            value={witness}
            onChange={(e) => form.set('witness_staff_id', e.currentTarget.value)}
            required
          >
            {witnesses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <div class="actions">
          <button type="submit" disabled={action.busy || !witness}>
            {t('front.sign')}
          </button>
        </div>
      </form>
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}

const BLANK = {
  name: '',
  gender: 'female',
  birth_date: '',
  id_number: '',
  phone: '',
  address: '',
  district: '',
  contact_name: '',
  contact_relation: '',
  contact_phone: '',
  chronic_conditions: '',
  medications: '',
  notes: '',
  same_gender_assistant: false,
};

function RegisterForm({ card, point, onRegistered }) {
  const form = useForm({ ...BLANK, citizen_card_no: card, district: point.district || '' });
  const action = useAction();
  const v = form.values;
  async function submit(event) {
    event.preventDefault();
    const created = await action.run(() =>
      post('/elders', {
        name: v.name.trim(),
        gender: v.gender,
        birth_date: v.birth_date,
        id_number: v.id_number.trim(),
        citizen_card_no: v.citizen_card_no.trim(),
        phone: v.phone.trim() || null,
        address: v.address.trim(),
        district: v.district.trim(),
        service_point_id: point.id,
        emergency_contacts: [{ name: v.contact_name.trim(), relation: v.contact_relation.trim(), phone: v.contact_phone.trim() }],
        chronic_conditions: splitList(v.chronic_conditions),
        medications: splitList(v.medications),
        notes: v.notes,
        same_gender_assistant: v.same_gender_assistant,
      }),
    );
    if (created) onRegistered(created);
  }
  const errors = action.problem?.errors || {};
  const contactErrors = Object.entries(errors)
    .filter(([name]) => name.startsWith('emergency_contacts'))
    .flatMap(([, messages]) => messages);
  return (
    <Panel title={t('front.register')}>
      <form class="grid" onSubmit={submit} data-testid="register-form">
        <Field label={t('elder.name')} error={errors.name}>
          <input {...form.bind('name')} required />
        </Field>
        <Field label={t('elder.gender')} error={errors.gender}>
          <select {...form.bind('gender')} onChange={(e) => form.set('gender', e.currentTarget.value)}>
            <option value="female">{code('gender', 'female')}</option>
            <option value="male">{code('gender', 'male')}</option>
          </select>
        </Field>
        <Field label={t('elder.birthDate')} error={errors.birth_date}>
          <input type="date" {...form.bind('birth_date')} required />
        </Field>
        <Field label={t('elder.idNumber')} error={errors.id_number}>
          <input {...form.bind('id_number')} maxLength={18} required />
        </Field>
        <Field label={t('elder.card')} error={errors.citizen_card_no}>
          <input {...form.bind('citizen_card_no')} required />
        </Field>
        <Field label={t('elder.phoneOptional')} error={errors.phone}>
          <input {...form.bind('phone')} inputMode="tel" />
        </Field>
        <Field label={t('elder.address')} error={errors.address} wide>
          <input {...form.bind('address')} required />
        </Field>
        <Field label={t('elder.district')} error={errors.district}>
          <input {...form.bind('district')} required />
        </Field>
        <fieldset class="wide">
          <legend>{t('elder.contact')}</legend>
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
        <Field label={t('elder.notes')} error={errors.notes} wide>
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
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}
