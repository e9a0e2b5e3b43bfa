// Home-care subsidies (居家养老补贴): the elder applies at the community station, which
// reviews (审核); the centre approves (审批). This screen holds the station's review queue,
// the centre's approval queue (what has waited longest first) and the yearly re-check
// list; `SubsidyPanel` is the elder's part on the front desk: who pays for the visits, the
// applications on file and a new one.
import { useState } from 'preact/hooks';
import { all, post } from '../api.js';
import { code, getLang, t } from '../i18n.js';
import { dateTime, dayText, localDate } from '../util.js';
import { can, Done, Field, Loading, Panel, ProblemBox, useAction, useForm, useLoad } from '../ui.jsx';

const CATEGORIES = ['sanwu', 'dibao', 'youfu', 'model_worker', 'age_90'];
const EVIDENCED = ['sanwu', 'dibao', 'youfu', 'model_worker'];
const MODEL_WORKER_LEVELS = ['town', 'county', 'city', 'provincial', 'national'];
// Refusals of a subsidy step, in words about subsidies (NOT_ELIGIBLE means something else
// at check-in).
const SUBSIDY_REFUSALS = ['NOT_ELIGIBLE', 'DUPLICATE_APPLICATION', 'INVALID_TRANSITION'];

/** What the rules made of an application, one line per unmet condition or the rule it meets. */
export function eligibilityLines(application) {
  const vars = { age: application.elder_age, category: code('subsidyCategory', application.category) };
  if (application.eligible) return [t(`subsidyBasis.${application.basis}`, vars)];
  return (application.problems || []).map((problem) => t(`subsidyProblem.${problem}`, vars));
}

function SubsidyProblem({ problem, labels, shown }) {
  if (!problem || !SUBSIDY_REFUSALS.includes(problem.code)) return <ProblemBox problem={problem} labels={labels} shown={shown} />;
  const english = getLang() === 'en' && problem.detail;
  return (
    <div class="problem" role="alert" data-code={problem.code} data-testid="subsidy-refused">
      <strong>{t(`subsidyRefused.${problem.code}`)}</strong>
      {english && <div>{problem.detail}</div>}
    </div>
  );
}

function Eligibility({ application, filed }) {
  const verdict = application.eligible ? t('subsidy.eligible') : t('subsidy.notEligible');
  return (
    <div class={application.eligible ? 'success' : 'notice'} data-testid="subsidy-eligibility"
      data-eligible={String(application.eligible)}>
      <strong>
        {filed ? t('subsidy.filed', { category: code('subsidyCategory', application.category), verdict }) : verdict}
      </strong>
      <ul data-testid="subsidy-reasons">
        {eligibilityLines(application).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

// --- the queues ------------------------------------------------------------------------------

const QUEUES = [
  { id: 'review', status: 'submitted', needs: 'POST /subsidy-applications/{id}/review' },
  { id: 'approve', status: 'reviewed', needs: 'POST /subsidy-applications/{id}/approve' },
  { id: 'rechecks', needs: 'GET /subsidy-applications/rechecks' },
];

export function Subsidies({ point, points, config }) {
  const queues = QUEUES.filter((q) => can(config, q.needs));
  const [queueId, setQueueId] = useState(queues[0]?.id);
  const [selected, setSelected] = useState(null);
  const queue = queues.find((q) => q.id === queueId) || queues[0];
  const list = useLoad(async () => {
    if (!queue) return [];
    if (queue.id === 'rechecks') return all('/subsidy-applications/rechecks', { service_point_id: point?.id });
    return all('/subsidy-applications', { status: queue.status, service_point_id: point?.id });
  }, [queue?.id, point?.id]);
  const items = list.data || [];
  const pointName = (id) => points.find((p) => p.id === id)?.name || '';
  const lang = getLang();
  const today = localDate(new Date(), config.timezone);

  function show(next) {
    setSelected(null);
    setQueueId(next);
  }

  return (
    <div class="screen subsidies">
      <div class="tabs" data-testid="subsidy-queues">
        {queues.map((q) => (
          <button type="button" key={q.id} class={`tab${q === queue ? ' active' : ''}`} data-queue={q.id}
            onClick={() => show(q.id)}>
            {t(`subsidy.queue.${q.id}`)}
          </button>
        ))}
      </div>
      <div class="columns">
        <Panel title={queue ? t(`subsidy.queueTitle.${queue.id}`) : ''} testId="subsidy-queue">
          <p class="muted">{queue && t(`subsidy.queueHint.${queue.id}`)}</p>
          <Loading state={list} />
          {list.data && !items.length && <p class="muted" data-testid="subsidy-queue-empty">{t('subsidy.queueEmpty')}</p>}
          {items.length > 0 && (
            <div class="table-wrap">
              <table class="table">
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id} data-application-id={a.id} class={a.id === selected?.id ? 'selected' : ''}
                      onClick={() => setSelected(a)}>
                      <td>
                        <button type="button" class="link" onClick={() => setSelected(a)}>
                          {a.elder_name}
                        </button>
                      </td>
                      <td>{t('elder.ageYears', { age: a.elder_age })}</td>
                      <td>{code('subsidyCategory', a.category)}</td>
                      <td>{pointName(a.service_point_id)}</td>
                      <td>
                        {queue.id === 'rechecks' ? (
                          <span class={`badge${a.valid_until && a.valid_until < today ? ' warn' : ''}`}>
                            {a.valid_until ? t('subsidy.validUntil', { date: dayText(a.valid_until, lang) }) : t('subsidy.noValidity')}
                          </span>
                        ) : (
                          <span class={`badge ${a.eligible ? 'ok' : 'warn'}`}>
                            {a.eligible ? t('subsidy.eligible') : t('subsidy.notEligible')}
                          </span>
                        )}
                      </td>
                      <td class="muted">{t('subsidy.since', { when: dateTime(a.status_since, config.timezone, lang) })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
        {selected && (
          <Decision
            key={selected.id}
            application={selected}
            step={queue.id === 'rechecks' ? null : queue.id}
            pointName={pointName(selected.service_point_id)}
            config={config}
            onDecided={list.reload}
          />
        )}
      </div>
    </div>
  );
}

function Decision({ application, step, pointName, config, onDecided }) {
  const form = useForm({ note: '' });
  const action = useAction();
  const [shown, setShown] = useState(application);
  const [done, setDone] = useState(null);
  const lang = getLang();
  const yesNo = (value) => (value == null ? '—' : value ? t('common.yes') : t('common.no'));
  const facts = [
    [t('subsidy.category'), code('subsidyCategory', shown.category)],
    [t('elder.age'), t('elder.ageYears', { age: shown.elder_age })],
    [t('common.point'), pointName || '—'],
    [t('subsidy.status'), code('subsidyStatus', shown.status)],
    [t('subsidy.urban'), yesNo(shown.urban)],
    [t('subsidy.household'), yesNo(shown.household_registered_locally)],
    [t('subsidy.resides'), yesNo(shown.resides_locally)],
    [t('subsidy.evidence'), shown.evidence_reference ? <span translate={false}>{shown.evidence_reference}</span> : '—'],
  ];
  if (shown.category === 'model_worker') facts.push([t('subsidy.modelWorkerLevel'), code('modelWorkerLevel', shown.model_worker_level) || '—']);
  if (shown.valid_until) facts.push([t('subsidy.validity'), `${dayText(shown.valid_from, lang)} – ${dayText(shown.valid_until, lang)}`]);

  async function decide(approved) {
    setDone(null);
    const decided = await action.run(() =>
      post(`/subsidy-applications/${application.id}/${step}`, { approved, note: form.values.note.trim() }),
    );
    if (decided) {
      setShown(decided);
      form.reset();
      setDone(t(`subsidy.decided.${decided.status}`));
      onDecided();
    }
  }

  const open = step && shown.status === (step === 'review' ? 'submitted' : 'reviewed');
  return (
    <Panel title={`${shown.elder_name} · ${code('subsidyCategory', shown.category)}`} testId="subsidy-decision">
      <dl class="facts" data-testid="subsidy-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Eligibility application={shown} />
      <h3>{t('subsidy.history')}</h3>
      <ol class="timeline" data-testid="subsidy-steps">
        {(shown.steps || []).map((s, i) => (
          <li key={i}>
            <time>{dateTime(s.at, config.timezone, lang)}</time>
            {t(`subsidyStep.${s.step}${s.approved === false ? '.no' : ''}`)}
            {s.note ? `：${s.note}` : ''}
          </li>
        ))}
      </ol>
      {step === null && <p class="notice">{t('subsidy.recheckHint')}</p>}
      <Done message={done} testId="subsidy-decided" />
      {open && (
        <div class="grid">
          <Field label={t('subsidy.note')} wide>
            <textarea rows={3} {...form.bind('note')} data-testid="subsidy-note" maxLength={2000} />
          </Field>
          {!shown.eligible && <p class="notice" data-testid="subsidy-only-refuse">{t('subsidy.onlyRefuse')}</p>}
          <div class="actions">
            <button type="button" class="primary" data-testid="subsidy-pass" disabled={action.busy}
              onClick={() => decide(true)}>
              {t(`subsidy.pass.${step}`)}
            </button>
            <button type="button" class="danger" data-testid="subsidy-refuse" disabled={action.busy}
              onClick={() => decide(false)}>
              {t(`subsidy.refuse.${step}`)}
            </button>
          </div>
        </div>
      )}
      <SubsidyProblem problem={action.problem} />
    </Panel>
  );
}

// --- the elder's part on the front desk ------------------------------------------------------

/** Who pays for the elder's visits now and why, the applications on file, and a new one. */
export function SubsidyPanel({ elder, config }) {
  const mayRead = can(config, 'GET /subsidy-applications');
  const applications = useLoad(
    () => (mayRead ? all('/subsidy-applications', { elder_id: elder.id }) : Promise.resolve([])),
    [elder.id, mayRead],
  );
  const [filed, setFiled] = useState(null);
  const lang = getLang();
  if (!mayRead) return null;
  const items = [...(applications.data || [])].sort((a, b) => b.created_at.localeCompare(a.created_at));
  const inForce = items.find((a) => a.in_force);
  return (
    <Panel title={t('subsidy.title')} testId="subsidy-panel">
      <Loading state={applications} />
      {applications.data && <Funding inForce={inForce} latest={items[0]} />}
      {items.length > 0 && (
        <table class="table" data-testid="subsidy-applications">
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-application-id={a.id} data-status={a.status}>
                <td>{code('subsidyCategory', a.category)}</td>
                <td>{code('subsidyStatus', a.status)}</td>
                <td>
                  {a.status === 'approved' && a.valid_until
                    ? t('subsidy.validUntil', { date: dayText(a.valid_until, lang) })
                    : dayText(a.created_at.slice(0, 10), lang)}
                  {a.recheck_due && <span class="badge warn"> {t('subsidy.recheckDue')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {filed && <Eligibility application={filed} filed />}
      {can(config, 'POST /subsidy-applications') && elder.status === 'active' && (
        <ApplyForm
          elder={elder}
          onFiled={(created) => {
            setFiled(created);
            if (created) applications.reload();
          }}
        />
      )}
    </Panel>
  );
}

/** The visits' funding as check-in will decide it: the subsidy in force, else self-paid and why. */
function Funding({ inForce, latest }) {
  if (inForce) {
    return (
      <p class="success" data-testid="subsidy-funding" data-source="government">
        {t('subsidy.fundedBy', { category: code('subsidyCategory', inForce.category),
          date: dayText(inForce.valid_until, getLang()) })}
      </p>
    );
  }
  let why = 'none';
  if (latest) {
    if (['submitted', 'reviewed'].includes(latest.status)) why = 'pending';
    else if (latest.status === 'rejected') why = 'rejected';
    else why = 'lapsed'; // ended, or approved and past its validity
  }
  return (
    <p class="notice" data-testid="subsidy-funding" data-source="self_pay" data-why={why}>
      <strong>{t('funding.self_pay')}</strong>
      {'：'}
      {t(`subsidy.selfPaid.${why}`)}
    </p>
  );
}

function ApplyForm({ elder, onFiled }) {
  const blank = { category: '', urban: 'yes', household_registered_locally: '', resides_locally: '',
    evidence_reference: '', model_worker_level: '' };
  const form = useForm(blank);
  const action = useAction();
  const v = form.values;
  const labels = { category: t('subsidy.category'), urban: t('subsidy.urban'),
    household_registered_locally: t('subsidy.household'), resides_locally: t('subsidy.resides'),
    evidence_reference: t('subsidy.evidence'), model_worker_level: t('subsidy.modelWorkerLevel') };
  async function submit(event) {
    event.preventDefault();
    onFiled(null);
    const created = await action.run(() =>
      post('/subsidy-applications', {
        elder_id: elder.id,
        category: v.category,
        urban: v.urban === 'yes',
        household_registered_locally: v.household_registered_locally === 'yes',
        resides_locally: v.resides_locally === 'yes',
        evidence_reference: EVIDENCED.includes(v.category) ? v.evidence_reference.trim() || null : null,
        model_worker_level: v.category === 'model_worker' ? v.model_worker_level || null : null,
      }),
    );
    if (created) {
      form.reset(blank);
      onFiled(created);
    }
  }
  const errors = action.errors;
  const yesNo = (name) => (
    <Field label={labels[name]} error={errors[name]}>
      <select {...form.bind(name)} onChange={(e) => form.set(name, e.currentTarget.value)} required>
        <option value="">{t('common.choose')}</option>
        <option value="yes">{t('common.yes')}</option>
        <option value="no">{t('common.no')}</option>
      </select>
    </Field>
  );
  return (
    <form class="grid" onSubmit={submit} data-testid="subsidy-form">
      <h3 class="wide">{t('subsidy.apply')}</h3>
      <Field label={labels.category} error={errors.category}>
        <select {...form.bind('category')} onChange={(e) => form.set('category', e.currentTarget.value)} required>
          <option value="">{t('common.choose')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {code('subsidyCategory', c)}
            </option>
          ))}
        </select>
      </Field>
      {yesNo('urban')}
      {yesNo('household_registered_locally')}
      {yesNo('resides_locally')}
      {EVIDENCED.includes(v.category) && (
        <Field label={labels.evidence_reference} error={errors.evidence_reference} hint={t('subsidy.evidenceHint')}>
          <input {...form.bind('evidence_reference')} maxLength={64} translate={false} />
        </Field>
      )}
      {v.category === 'model_worker' && (
        <Field label={labels.model_worker_level} error={errors.model_worker_level}>
          <select {...form.bind('model_worker_level')} onChange={(e) => form.set('model_worker_level', e.currentTarget.value)}>
            <option value="">{t('common.choose')}</option>
            {MODEL_WORKER_LEVELS.map((level) => (
              <option key={level} value={level}>
                {code('modelWorkerLevel', level)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="subsidy-apply" disabled={action.busy}>
          {t('subsidy.applyButton')}
        </button>
      </div>
      <div class="wide">
        <SubsidyProblem problem={action.problem} labels={labels} shown={Object.keys(labels)} />
      </div>
    </form>
  );
}
