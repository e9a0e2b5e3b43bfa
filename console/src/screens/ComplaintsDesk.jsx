// Complaints desk (投诉台): the queue by nearest deadline, a complaint's history and the
// handling steps the user may take, new records and the hotline's call log.
import { useEffect, useRef, useState } from 'preact/hooks';
import { all, get, post } from '../api.js';
import { code, getLang, t } from '../i18n.js';
import { dateTime, plainPhone } from '../util.js';
import { can, Done, Field, Loading, Panel, ProblemBox, Say, useAction, useForm, useLoad } from '../ui.jsx';

const CHANNELS = ['phone', 'in_person', 'letter', 'web', 'online_media', 'fax', 'sms'];
const TYPES = ['complaint', 'suggestion', 'consultation', 'praise'];
const CATEGORIES = ['service_attitude', 'safety', 'hygiene_facility', 'staff_misconduct', 'waiting_time', 'fees', 'administrative', 'other'];
const HANDLING = ['received', 'assigned', 'in_progress', 'reopened'];
const OPEN = [...HANDLING, 'resolved', 'replied'];
// A caller's number: digits, with + - ( ) or spaces (as the complaints service accepts).
const PHONE = '\\+?[0-9][0-9 \\(\\)\\-]*[0-9]';

// Each step, the path it posts to and the operation the gateway names it by.
const STEP_PATHS = {
  assign: 'assign',
  reply: 'replies',
  follow_up: 'follow-ups',
  resolve: 'resolve',
  callback: 'callback',
  escalate: 'escalate',
  investigate: 'investigation',
  pause: 'pause',
  resume: 'resume',
  review: 'review',
  merge: 'merge',
  close: 'close',
};

// The fields the step forms show their own errors on.
const STEP_FIELDS = ['staff_id', 'content', 'written', 'note', 'reason_open', 'resolution', 'reached', 'satisfied',
  'solved', 'attitude', 'score', 'comment', 'reason', 'findings', 'verified', 'approved', 'into', 'charged',
  'next_try_at'];

/** The steps a complaint in this status and of this type may take (services/complaints/domain.py). */
function stepsFor(complaint) {
  const { status, type } = complaint;
  const steps = [];
  if (HANDLING.includes(status)) steps.push('assign');
  // Whoever takes the call may answer it at once (first-contact responsibility).
  if ([...HANDLING, 'resolved'].includes(status)) steps.push('reply');
  if (HANDLING.includes(status)) steps.push('follow_up', 'investigate', complaint.paused ? 'resume' : 'pause');
  if (['in_progress', 'reopened'].includes(status)) steps.push('resolve');
  if (status === 'replied') steps.push('callback');
  if (OPEN.includes(status) && complaint.channel === 'online_media' && complaint.review_status === 'pending') {
    steps.push('review');
  }
  if (OPEN.includes(status)) steps.push('escalate', 'merge');
  if (OPEN.includes(status) && type !== 'complaint') steps.push('close');
  return steps;
}

/** The nearest deadline not yet met, or null. */
function nextDeadline(complaint) {
  const open = Object.entries(complaint.deadlines || {})
    .filter(([, d]) => !d.met_at)
    .map(([name, d]) => ({ name, due_at: d.due_at }))
    .sort((a, b) => new Date(a.due_at) - new Date(b.due_at));
  return open[0] || null;
}

export function ComplaintsDesk({ point, points, config }) {
  // The point picker at the top narrows the queue; with none chosen it is every point's
  // (a user bound to a point always sees its own).
  const [showClosed, setShowClosed] = useState(false);
  const [selectedId, setSelectedId] = useState(null);
  const [creating, setCreating] = useState(false);
  const [round, setRound] = useState(0); // a refresh or a click loads the complaint again
  const detail = useRef(null);
  const pointFilter = point ? point.id : undefined;
  const list = useLoad(() => all('/complaints', { service_point_id: pointFilter }), [pointFilter]);
  const now = Date.now();
  const rows = (list.data || [])
    .filter((c) => showClosed || c.status !== 'closed')
    .map((c) => ({ ...c, next: nextDeadline(c) }))
    .map((c) => ({ ...c, late: c.overdue || (c.next && new Date(c.next.due_at) < now) }))
    .sort((a, b) => (a.next ? new Date(a.next.due_at) : Infinity) - (b.next ? new Date(b.next.due_at) : Infinity));
  const pointName = (id) => points.find((p) => p.id === id)?.name || '';
  const lang = getLang();

  function select(id) {
    setSelectedId(id);
    setRound((r) => r + 1);
    // On a narrow screen the detail sits below the queue: bring it into view.
    setTimeout(() => detail.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' }), 50);
  }

  return (
    <div class="screen complaints">
      <div class="toolbar">
        <span class="muted" data-testid="queue-scope">
          {point ? t('complaints.scopePoint', { point: point.name }) : t('complaints.scopeAll')}
        </span>
        <label class="check">
          <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />{' '}
          {t('complaints.showClosed')}
        </label>
        {can(config, 'POST /complaints') && (
          <button type="button" class="primary" data-testid="new-complaint" onClick={() => setCreating(!creating)}>
            {t('complaints.new')}
          </button>
        )}
        <button type="button" class="ghost" onClick={() => (list.reload(), setRound((r) => r + 1))}>
          {t('common.refresh')}
        </button>
      </div>
      {creating && (
        <NewComplaint
          points={points}
          point={point}
          onCreated={(created) => {
            setCreating(false);
            select(created.id);
            list.reload();
          }}
        />
      )}
      <div class="columns">
        <Panel title={showClosed ? t('complaints.all') : t('complaints.queue')} class="queue">
          <Loading state={list} />
          {list.data && !rows.length && <p class="muted">{t('complaints.empty')}</p>}
          <ul class="queue-list" data-testid="complaint-queue">
            {rows.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  class={`queue-item${c.id === selectedId ? ' selected' : ''}${c.late ? ' overdue' : ''}`}
                  data-complaint-id={c.id}
                  data-status={c.status}
                  onClick={() => select(c.id)}
                >
                  <span class="queue-top">
                    <strong>{code('complaintType', c.type)} · {code('category', c.category)}</strong>
                    <span class={`badge status-${c.status}`}>{code('complaintStatus', c.status)}</span>
                  </span>
                  <span class="muted">
                    {pointName(c.service_point_id)} · {c.complainant?.name || t('complaints.anonymous')} ·{' '}
                    {dateTime(c.received_at, config.timezone, lang)}
                  </span>
                  {c.next && (
                    <span class={c.late ? 'deadline late' : 'deadline'}>
                      {c.late ? t('complaints.overdue') + ' · ' : ''}
                      {code('deadline', c.next.name)} {dateTime(c.next.due_at, config.timezone, lang)}
                    </span>
                  )}
                  {!c.next && c.late && <span class="deadline late">{t('complaints.overdue')}</span>}
                  {c.escalation_level > 0 && (
                    <span class="badge warn">{t('complaints.escalated', { level: c.escalation_level })}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </Panel>
        <div class="stack" ref={detail}>
          {selectedId && (
            <ComplaintDetail
              key={`${selectedId}:${round}`}
              id={selectedId}
              config={config}
              pointName={pointName}
              onChange={list.reload}
              records={list.data || []}
            />
          )}
          {can(config, 'POST /calls') && <CallLog complaintId={selectedId} config={config} onSelect={select} />}
          {can(config, 'POST /calls/{id}/callback') && <MissedCalls config={config} />}
        </div>
      </div>
    </div>
  );
}

function NewComplaint({ points, point, onCreated }) {
  const form = useForm({
    channel: '',
    type: 'complaint',
    category: '',
    service_point_id: point?.id || '',
    name: '',
    phone: '',
    content: '',
    severity: 'normal',
  });
  const action = useAction();
  const v = form.values;
  const labels = {
    channel: t('complaints.channel'), type: t('complaints.type'), category: t('complaints.category'),
    service_point_id: t('common.point'), 'complainant.name': t('complaints.complainant'),
    'complainant.phone': t('complaints.phone'), content: t('complaints.content'), severity: t('complaints.severity'),
  };
  async function submit(event) {
    event.preventDefault();
    const created = await action.run(() =>
      post('/complaints', {
        channel: v.channel,
        type: v.type,
        category: v.category,
        service_point_id: v.service_point_id,
        complainant: { name: v.name.trim(), phone: plainPhone(v.phone) },
        content: v.content.trim(),
        severity: v.severity,
      }),
    );
    if (created) onCreated(created);
  }
  const errors = action.errors;
  const choice = (name, values, group, blank) => (
    <select {...form.bind(name)} onChange={(e) => form.set(name, e.currentTarget.value)} required>
      {blank && <option value="">{t('common.choose')}</option>}
      {values.map((value) => (
        <option key={value} value={value}>
          {code(group, value)}
        </option>
      ))}
    </select>
  );
  return (
    <Panel title={t('complaints.new')}>
      <form class="grid" onSubmit={submit} data-testid="complaint-form">
        <Field label={labels.channel} error={errors.channel}>
          {choice('channel', CHANNELS, 'channel', true)}
        </Field>
        <Field label={labels.type} error={errors.type}>
          {choice('type', TYPES, 'complaintType')}
        </Field>
        <Field label={labels.category} error={errors.category}>
          {choice('category', CATEGORIES, 'category', true)}
        </Field>
        <Field label={labels.service_point_id} error={errors.service_point_id}>
          <select {...form.bind('service_point_id')} onChange={(e) => form.set('service_point_id', e.currentTarget.value)} required>
            <option value="">{t('common.pickPoint')}</option>
            {[...points].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={labels['complainant.name']} error={errors['complainant.name']}>
          <input {...form.bind('name')} required />
        </Field>
        <Field label={labels['complainant.phone']} error={errors['complainant.phone']}>
          <input {...form.bind('phone')} inputMode="tel" pattern={PHONE} required />
        </Field>
        <Field label={labels.severity} error={errors.severity}>
          {choice('severity', ['normal', 'major'], 'complaintSeverity')}
        </Field>
        <Field label={labels.content} error={errors.content} wide>
          <textarea rows={3} {...form.bind('content')} required />
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {t('complaints.file')}
          </button>
        </div>
      </form>
      <ProblemBox problem={action.problem} labels={labels} shown={Object.keys(labels)} />
    </Panel>
  );
}

function ComplaintDetail({ id, config, pointName, onChange, records }) {
  const complaint = useLoad(() => get(`/complaints/${id}`), [id]);
  const c = complaint.data;
  const lang = getLang();
  function changed() {
    complaint.reload();
    onChange();
  }
  return (
    <Panel title={c ? `${code('complaintType', c.type)} · ${code('complaintStatus', c.status)}` : ''} class="complaint-detail">
      <Loading state={complaint} />
      {c && (
        <div data-testid="complaint-detail" data-status={c.status}>
          <dl class="facts">
            <div>
              <dt>{t('common.point')}</dt>
              <dd>{pointName(c.service_point_id)}</dd>
            </div>
            <div>
              <dt>{t('complaints.channel')}</dt>
              <dd>{code('channel', c.channel)}</dd>
            </div>
            <div>
              <dt>{t('complaints.category')}</dt>
              <dd>{code('category', c.category)}</dd>
            </div>
            <div>
              <dt>{c.channel === 'phone' ? t('complaints.caller') : t('complaints.complainant')}</dt>
              <dd>
                {c.complainant?.name} <span translate={false}>{c.complainant?.phone}</span>
              </dd>
            </div>
            <div class="wide">
              <dt>{t('complaints.content')}</dt>
              <dd>{c.content}</dd>
            </div>
            {c.resolution && (
              <div class="wide">
                <dt>{t('complaints.resolution')}</dt>
                <dd>{c.resolution}</dd>
              </div>
            )}
          </dl>
          {c.paused && (
            <p class="notice" data-testid="paused-clock">
              {t('complaints.paused', { reason: c.pause_reason || '' })}
            </p>
          )}
          {c.review_status === 'pending' && <p class="notice" data-testid="review-pending">{t('complaints.reviewPending')}</p>}
          {c.merged_into && (
            <p class="muted" data-testid="merged-into">
              {t('complaints.mergedInto')}
            </p>
          )}
          <h3>{t('complaints.deadlines')}</h3>
          <table class="table">
            <tbody>
              {Object.entries(c.deadlines || {}).map(([name, d]) => (
                <tr key={name} class={!d.met_at && new Date(d.due_at) < Date.now() ? 'late' : ''}>
                  <td>{code('deadline', name)}</td>
                  <td>
                    {dateTime(d.due_at, config.timezone, lang)}
                    {d.provisional && !d.met_at && (
                      <span class="badge" data-testid="provisional-deadline" title={t('complaints.provisionalHint')}>
                        {t('complaints.provisional')}
                      </span>
                    )}
                  </td>
                  <td>{d.met_at ? `✓ ${dateTime(d.met_at, config.timezone, lang)}` : t('complaints.open')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Steps complaint={c} config={config} onDone={changed} records={records} pointName={pointName} />
          <h3>{t('complaints.history')}</h3>
          <ol class="timeline" data-testid="complaint-history">
            {(c.history || []).map((entry, index) => (
              <li key={index} data-action={entry.action}>
                <time>{dateTime(entry.at, config.timezone, lang)}</time> {code('historyAction', entry.action)}
                {entry.status && ` → ${code('complaintStatus', entry.status)}`}
                {(entry.content || entry.note || entry.resolution || entry.reason || entry.comment) && (
                  <div class="muted">{entry.content || entry.note || entry.resolution || entry.reason || entry.comment}</div>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </Panel>
  );
}

/** The steps this complaint may take now, of those the user may call. */
function Steps({ complaint, config, onDone, records, pointName }) {
  const steps = stepsFor(complaint).filter((s) => can(config, `POST /complaints/{id}/${STEP_PATHS[s]}`));
  const [step, setStep] = useState(steps[0] || null);
  const current = steps.includes(step) ? step : steps[0];
  if (!current) {
    return complaint.status === 'closed' ? null : (
      <p class="notice" data-testid="no-steps">
        {t('complaints.nextByOthers')}
      </p>
    );
  }
  return (
    <div class="steps" data-testid="complaint-steps">
      <div class="tabs">
        {steps.map((s) => (
          <button type="button" key={s} class={s === current ? 'tab active' : 'tab'} data-step={s} onClick={() => setStep(s)}>
            {t(`step.${s}`)}
          </button>
        ))}
      </div>
      <StepForm
        key={`${complaint.status}:${current}`}
        step={current}
        complaint={complaint}
        onDone={onDone}
        records={records}
        config={config}
      />
    </div>
  );
}

function StepForm({ step, complaint, onDone, records, config }) {
  const staff = useLoad(
    () => (step === 'assign' ? all('/staff', { service_point_id: complaint.service_point_id }) : Promise.resolve([])),
    [step, complaint.service_point_id],
  );
  // The desk's agreed wording for this category (and for any): one fills the reply.
  const templates = useLoad(
    () =>
      step === 'reply' && can(config, 'GET /reply-templates')
        ? all('/reply-templates', { category: complaint.category, language: 'zh-CN' })
        : Promise.resolve([]),
    [step, complaint.category],
  );
  // The callback starts empty: whoever calls back records what the complainant said.
  const form = useForm({
    staff_id: '',
    content: '',
    written: complaint.channel === 'online_media',
    note: '',
    reason_open: '',
    resolution: '',
    reached: '',
    satisfied: '',
    solved: '',
    attitude: '',
    score: '',
    comment: '',
    reason: '',
    findings: '',
    verified: '',
    approved: '',
    into: '',
    charged: '',
    next_try_at: '',
  });
  const action = useAction();
  // A duplicate joins another open record of its point.
  const targets = (records || []).filter(
    (r) => r.id !== complaint.id && r.service_point_id === complaint.service_point_id && r.status !== 'closed' && !r.merged_into,
  );
  const v = form.values;
  const people = (staff.data || []).filter((s) => s.active);
  const assignee = v.staff_id || complaint.owner_staff_id || '';
  const reached = v.reached === 'yes';
  const bodies = {
    assign: () => ({ staff_id: assignee }),
    reply: () => ({ content: v.content, written: v.written }),
    follow_up: () => ({ note: v.note, reason_open: v.reason_open }),
    resolve: () => ({ resolution: v.resolution }),
    callback: () =>
      reached
        ? {
            reached: true,
            satisfied: v.satisfied === 'yes',
            solved: v.solved === '' ? null : v.solved === 'yes',
            attitude: v.attitude || null,
            score: v.score === '' ? null : Number(v.score),
            charged: v.charged === '' ? null : v.charged === 'yes',
            comment: v.comment,
          }
        : { reached: false, comment: v.comment, next_try_at: v.next_try_at ? new Date(v.next_try_at).toISOString() : null },
    escalate: () => ({ reason: v.reason }),
    investigate: () => ({ findings: v.findings, verified: v.verified === '' ? null : v.verified === 'yes' }),
    pause: () => ({ reason: v.reason }),
    resume: () => ({ note: v.note }),
    review: () => ({ approved: v.approved === 'yes', note: v.note }),
    merge: () => ({ into: v.into, note: v.note }),
    close: () => ({ note: v.note }),
  };
  async function submit(event) {
    event.preventDefault();
    if (await action.run(() => post(`/complaints/${complaint.id}/${STEP_PATHS[step]}`, bodies[step]()))) onDone();
  }
  const errors = action.errors;
  const select = (name, options, group, required = false) => (
    <select {...form.bind(name)} onChange={(e) => form.set(name, e.currentTarget.value)} required={required}>
      <option value="">{t('common.choose')}</option>
      {options.map((value) => (
        <option key={value} value={value}>
          {group ? code(group, value) : t(`common.${value}`)}
        </option>
      ))}
    </select>
  );
  return (
    <form class="grid" onSubmit={submit} data-testid={`step-${step}`}>
      {step === 'assign' && (
        <Field label={t('complaints.owner')} error={errors.staff_id}>
          <select name="staff_id" value={assignee} onChange={(e) => form.set('staff_id', e.currentTarget.value)} required>
            <option value="">{t('common.choose')}</option>
            {people.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}（{s.roles.map((r) => t(`role.${r}`)).join('、')}）
              </option>
            ))}
          </select>
        </Field>
      )}
      {step === 'reply' && (
        <>
          <p class="muted wide">
            {complaint.status === 'resolved' ? t('complaints.resultReplyHint') : t('complaints.firstReplyHint')}
          </p>
          {(templates.data || []).length > 0 && (
            <Field label={t('complaints.template')} wide>
              <select
                name="template"
                value=""
                onChange={(e) => {
                  const chosen = templates.data.find((tpl) => tpl.id === e.currentTarget.value);
                  if (chosen) form.set('content', chosen.text);
                }}
              >
                <option value="">{t('common.choose')}</option>
                {templates.data.map((tpl) => (
                  <option key={tpl.id} value={tpl.id}>
                    {tpl.title}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label={t('complaints.replyContent')} error={errors.content} wide>
            <textarea rows={3} {...form.bind('content')} required />
          </Field>
          <label class="check">
            <input type="checkbox" {...form.check('written')} /> {t('complaints.written')}
          </label>
        </>
      )}
      {step === 'follow_up' && (
        <>
          <Field label={t('complaints.followUpNote')} error={errors.note} wide>
            <textarea rows={2} {...form.bind('note')} required />
          </Field>
          <Field label={t('complaints.reasonOpen')} error={errors.reason_open} wide>
            <input {...form.bind('reason_open')} required />
          </Field>
        </>
      )}
      {step === 'resolve' && (
        <Field label={t('complaints.resolution')} error={errors.resolution} wide>
          <textarea rows={3} {...form.bind('resolution')} required />
        </Field>
      )}
      {step === 'callback' && (
        <>
          <Field label={t('callback.reached')} error={errors.reached}>
            {select('reached', ['yes', 'no'], null, true)}
          </Field>
          {reached && (
            <>
              <Field label={t('callback.satisfied')} error={errors.satisfied}>
                {select('satisfied', ['yes', 'no'], null, true)}
              </Field>
              <Field label={t('callback.solved')} error={errors.solved}>
                {select('solved', ['yes', 'no'])}
              </Field>
              <Field label={t('callback.attitude')} error={errors.attitude}>
                {select('attitude', ['satisfied', 'neutral', 'dissatisfied'], 'attitude')}
              </Field>
              <Field label={t('callback.score')} error={errors.score}>
                <input type="number" min="1" max="10" {...form.bind('score')} />
              </Field>
              <Field label={t('callback.charged')} error={errors.charged}>
                {select('charged', ['yes', 'no'])}
              </Field>
            </>
          )}
          {v.reached === 'no' && (
            <Field label={t('callback.nextTry')} error={errors.next_try_at}>
              <input type="datetime-local" {...form.bind('next_try_at')} min={localInput(new Date())} />
            </Field>
          )}
          <Field label={t('callback.comment')} wide>
            <input {...form.bind('comment')} />
          </Field>
        </>
      )}
      {step === 'escalate' && (
        <Field label={t('complaints.escalateReason')} error={errors.reason} wide>
          <input {...form.bind('reason')} required />
        </Field>
      )}
      {step === 'investigate' && (
        <>
          <Field label={t('complaints.findings')} error={errors.findings} wide>
            <textarea rows={3} {...form.bind('findings')} required />
          </Field>
          <Field label={t('complaints.verified')} error={errors.verified}>
            {select('verified', ['yes', 'no'])}
          </Field>
        </>
      )}
      {step === 'pause' && (
        <Field label={t('complaints.pauseReason')} error={errors.reason} wide>
          <input {...form.bind('reason')} required />
        </Field>
      )}
      {step === 'review' && (
        <>
          <Field label={t('complaints.reviewApproved')} error={errors.approved}>
            <select {...form.bind('approved')} onChange={(e) => form.set('approved', e.currentTarget.value)} required>
              <option value="">{t('common.choose')}</option>
              <option value="yes">{t('complaints.approve')}</option>
              <option value="no">{t('complaints.return')}</option>
            </select>
          </Field>
          <Field label={t('common.notes')} error={errors.note} wide>
            <input {...form.bind('note')} />
          </Field>
        </>
      )}
      {step === 'merge' && (
        <>
          <Field label={t('complaints.mergeInto')} error={errors.into} wide>
            <select {...form.bind('into')} onChange={(e) => form.set('into', e.currentTarget.value)} required>
              <option value="">{t('common.choose')}</option>
              {targets.map((r) => (
                <option key={r.id} value={r.id}>
                  {code('complaintType', r.type)} · {code('category', r.category)} · {r.complainant?.name || ''} ·{' '}
                  {dateTime(r.received_at, config.timezone, getLang())}
                </option>
              ))}
            </select>
          </Field>
          {!targets.length && <p class="muted wide">{t('complaints.noMergeTarget')}</p>}
          <Field label={t('common.notes')} error={errors.note} wide>
            <input {...form.bind('note')} />
          </Field>
        </>
      )}
      {(step === 'close' || step === 'resume') && (
        <Field label={t('common.notes')} error={errors.note} wide>
          <input {...form.bind('note')} />
        </Field>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="step-submit" disabled={action.busy}>
          {t(`step.${step}`)}
        </button>
      </div>
      <ProblemBox problem={action.problem} shown={STEP_FIELDS} />
    </form>
  );
}

function localInput(when) {
  return new Date(when.getTime() - when.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** The hotline's log: the call is the logged-in agent's, at the moment it is logged unless
 * another time is given; the calls logged here show below the form. */
function CallLog({ complaintId, config, onSelect }) {
  const blank = { caller: '', started_at: '', answered: true, duration_min: '', link: false };
  const form = useForm(blank);
  const action = useAction();
  const [logged, setLogged] = useState([]);
  const [agent, setAgent] = useState(null);
  const v = form.values;
  useEffect(() => {
    if (config.me.staff_id && can(config, 'GET /staff/{id}')) {
      get(`/staff/${config.me.staff_id}`).then((member) => setAgent(member.name), () => {});
    }
  }, []);
  const labels = { caller: t('calls.caller'), started_at: t('calls.startedAt'), duration_s: t('calls.duration') };
  async function submit(event) {
    event.preventDefault();
    const call = await action.run(() =>
      post('/calls', {
        caller: plainPhone(v.caller),
        started_at: (v.started_at ? new Date(v.started_at) : new Date()).toISOString(),
        answered: v.answered,
        duration_s: Math.round((Number(v.duration_min) || 0) * 60),
        agent_id: config.me.staff_id || null,
        complaint_id: v.link && complaintId ? complaintId : null,
      }),
    );
    if (call) {
      setLogged((old) => [call, ...old]);
      form.reset(blank);
    }
  }
  const errors = action.errors;
  const lang = getLang();
  // The caller's earlier calls and complaints, found by the number as the call comes in.
  const [history, setHistory] = useState(null);
  const lookup = useAction();
  const number = plainPhone(v.caller);
  async function findCaller() {
    const found = await lookup.run(async () => ({
      calls: await all('/calls', { caller: number }),
      complaints: can(config, 'GET /complaints') ? await all('/complaints', { complainant_phone: number }) : [],
    }));
    if (found) setHistory(found);
  }
  return (
    <Panel title={t('calls.title')} testId="call-log">
      <p class="muted">{agent ? t('calls.agent', { name: agent }) : t('calls.noAgent')}</p>
      <form class="grid" onSubmit={submit} data-testid="call-form">
        <Field label={labels.caller} error={errors.caller}>
          <input {...form.bind('caller')} inputMode="tel" pattern={PHONE} required title={t('calls.callerHint')} />
        </Field>
        <Field label={labels.started_at} error={errors.started_at} hint={t('calls.startedAtHint')}>
          <input type="datetime-local" {...form.bind('started_at')} max={localInput(new Date())} />
        </Field>
        <Field label={t('calls.durationMinutes')} error={errors.duration_s}>
          <input type="number" min="0" step="0.5" {...form.bind('duration_min')} />
        </Field>
        <label class="check">
          <input type="checkbox" {...form.check('answered')} /> {t('calls.answered')}
        </label>
        {complaintId && (
          <label class="check">
            <input type="checkbox" {...form.check('link')} /> {t('calls.link')}
          </label>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {t('calls.log')}
          </button>
          <button
            type="button"
            class="ghost"
            data-testid="caller-lookup"
            disabled={lookup.busy || number.length < 3}
            onClick={findCaller}
          >
            {t('calls.lookup')}
          </button>
        </div>
      </form>
      <ProblemBox problem={action.problem} labels={labels} shown={['caller', 'started_at']} />
      <ProblemBox problem={lookup.problem} />
      {history && (
        <div data-testid="caller-history">
          <h3>{t('calls.history')}</h3>
          {!history.calls.length && !history.complaints.length && <p class="muted">{t('calls.noHistory')}</p>}
          {history.calls.length > 0 && <p class="muted">{t('calls.earlierCalls', { count: history.calls.length })}</p>}
          {history.complaints.length > 0 && (
            <ul class="queue-list">
              {history.complaints.map((c) => (
                <li key={c.id}>
                  <button type="button" class="queue-item" data-earlier-complaint={c.id} onClick={() => onSelect(c.id)}>
                    <span class="queue-top">
                      <strong>{code('complaintType', c.type)} · {code('category', c.category)}</strong>
                      <span class={`badge status-${c.status}`}>{code('complaintStatus', c.status)}</span>
                    </span>
                    <span class="muted">{dateTime(c.received_at, config.timezone, lang)} · {c.content}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {logged.length > 0 && (
        <>
          <Done message={<Say id="calls.logged" vars={{ number: logged[0].caller }} data={['number']} />} testId="call-logged" />
          <h3>{t('calls.loggedHere')}</h3>
          <table class="table" data-testid="calls-logged">
            <tbody>
              {logged.map((call) => (
                <tr key={call.id}>
                  <td>{dateTime(call.started_at, config.timezone, lang)}</td>
                  <td translate={false}>{call.caller}</td>
                  <td>{call.answered ? t('calls.answered') : t('calls.missed')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

/** Missed calls still to call back, oldest first: a try that reaches the caller takes the
 * call off the list; one that does not is recorded and the call stays. */
function MissedCalls({ config }) {
  const missed = useLoad(() => all('/calls', { answered: 'false', called_back: 'false' }), []);
  const action = useAction();
  const lang = getLang();
  async function callBack(call, reached) {
    if (await action.run(() => post(`/calls/${call.id}/callback`, { reached, note: '' }))) missed.reload();
  }
  const rows = [...(missed.data || [])].sort((a, b) => new Date(a.started_at) - new Date(b.started_at));
  return (
    <Panel title={t('calls.missedTitle')} testId="missed-calls">
      <Loading state={missed} />
      {missed.data && !rows.length && <p class="muted">{t('calls.noMissed')}</p>}
      <table class="table">
        <tbody>
          {rows.map((call) => (
            <tr key={call.id} data-call-id={call.id}>
              <td>{dateTime(call.started_at, config.timezone, lang)}</td>
              <td translate={false}>{call.caller}</td>
              <td>{call.callbacks?.length ? t('calls.tries', { count: call.callbacks.length }) : ''}</td>
              <td>
                <button type="button" class="ghost" data-testid="reached-back" disabled={action.busy} onClick={() => callBack(call, true)}>
                  {t('calls.reachedBack')}
                </button>{' '}
                <button type="button" class="ghost" disabled={action.busy} onClick={() => callBack(call, false)}>
                  {t('calls.notReachedBack')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}
