// Complaints desk (投诉台): the queue by nearest deadline, a complaint's history and its
// handling steps, new records and the hotline's call log.
import { useState } from 'preact/hooks';
import { all, get, post } from '../api.js';
import { code, t } from '../i18n.js';
import { dateTime } from '../util.js';
import { Field, Loading, Panel, ProblemBox, useAction, useForm, useLoad } from '../ui.jsx';

const CHANNELS = ['phone', 'in_person', 'letter', 'web', 'online_media', 'fax'];
const TYPES = ['complaint', 'suggestion', 'consultation', 'praise'];
const CATEGORIES = ['service_attitude', 'safety', 'hygiene_facility', 'staff_misconduct', 'waiting_time', 'fees', 'administrative', 'other'];
const HANDLING = ['received', 'assigned', 'in_progress', 'reopened'];
const OPEN = [...HANDLING, 'resolved', 'replied'];

/** The steps a complaint in this status and of this type may take (services/complaints/domain.py). */
function stepsFor(complaint) {
  const { status, type } = complaint;
  const steps = [];
  if (['received', 'assigned', 'in_progress', 'reopened'].includes(status)) steps.push('assign');
  if (['assigned', 'in_progress', 'reopened', 'resolved'].includes(status)) steps.push('reply');
  if (HANDLING.includes(status)) steps.push('follow_up');
  if (['in_progress', 'reopened'].includes(status)) steps.push('resolve');
  if (status === 'replied') steps.push('callback');
  if (OPEN.includes(status)) steps.push('escalate');
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

export function ComplaintsDesk({ point, points, config, session }) {
  const [scope, setScope] = useState(point && session.role !== 'cs_supervisor' ? 'point' : 'all');
  const [showClosed, setShowClosed] = useState(false);
  const [selectedId, setSelectedId] = useState(null);
  const [creating, setCreating] = useState(false);
  const pointFilter = scope === 'point' && point ? point.id : undefined;
  const list = useLoad(() => all('/complaints', { service_point_id: pointFilter }), [pointFilter]);
  const now = Date.now();
  const rows = (list.data || [])
    .filter((c) => showClosed || c.status !== 'closed')
    .map((c) => ({ ...c, next: nextDeadline(c) }))
    .map((c) => ({ ...c, late: c.overdue || (c.next && new Date(c.next.due_at) < now) }))
    .sort((a, b) => (a.next ? new Date(a.next.due_at) : Infinity) - (b.next ? new Date(b.next.due_at) : Infinity));
  const pointName = (id) => points.find((p) => p.id === id)?.name || '';
  const mayWrite = ['admin', 'cs_agent', 'cs_supervisor', 'point_admin'].includes(session.role);
  const mayLogCalls = ['admin', 'cs_agent', 'cs_supervisor'].includes(session.role);

  return (
    <div class="screen complaints">
      <div class="toolbar">
        <label class="check">
          <input type="radio" name="scope" checked={scope === 'point'} disabled={!point} onChange={() => setScope('point')} />{' '}
          {t('complaints.thisPoint')}
        </label>
        <label class="check">
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {t('complaints.allPoints')}
        </label>
        <label class="check">
          <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} />{' '}
          {t('complaints.showClosed')}
        </label>
        {mayWrite && (
          <button type="button" class="primary" data-testid="new-complaint" onClick={() => setCreating(!creating)}>
            {t('complaints.new')}
          </button>
        )}
        <button type="button" class="ghost" onClick={list.reload}>
          {t('common.refresh')}
        </button>
      </div>
      {creating && (
        <NewComplaint
          points={points}
          point={point}
          onCreated={(created) => {
            setCreating(false);
            setSelectedId(created.id);
            list.reload();
          }}
        />
      )}
      <div class="columns">
        <Panel title={t('complaints.queue')} class="queue">
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
                  onClick={() => setSelectedId(c.id)}
                >
                  <span class="queue-top">
                    <strong>{code('complaintType', c.type)} · {code('category', c.category)}</strong>
                    <span class={`badge status-${c.status}`}>{code('complaintStatus', c.status)}</span>
                  </span>
                  <span class="muted">
                    {pointName(c.service_point_id)} · {c.complainant?.name} · {dateTime(c.received_at, config.timezone)}
                  </span>
                  {c.next && (
                    <span class={c.late ? 'deadline late' : 'deadline'}>
                      {c.late ? t('complaints.overdue') + ' · ' : ''}
                      {code('deadline', c.next.name)} {dateTime(c.next.due_at, config.timezone)}
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
        <div class="stack">
          {selectedId && (
            <ComplaintDetail
              key={selectedId}
              id={selectedId}
              config={config}
              mayWrite={mayWrite}
              pointName={pointName}
              onChange={list.reload}
            />
          )}
          {mayLogCalls && <CallLog complaintId={selectedId} />}
        </div>
      </div>
    </div>
  );
}

function NewComplaint({ points, point, onCreated }) {
  const form = useForm({
    channel: 'phone',
    type: 'complaint',
    category: 'service_attitude',
    service_point_id: point?.id || points[0]?.id || '',
    name: '',
    phone: '',
    content: '',
    severity: 'normal',
  });
  const action = useAction();
  const v = form.values;
  async function submit(event) {
    event.preventDefault();
    const created = await action.run(() =>
      post('/complaints', {
        channel: v.channel,
        type: v.type,
        category: v.category,
        service_point_id: v.service_point_id,
        complainant: { name: v.name.trim(), phone: v.phone.trim() },
        content: v.content.trim(),
        severity: v.severity,
      }),
    );
    if (created) onCreated(created);
  }
  const errors = action.problem?.errors || {};
  const choice = (name, values, group) => (
    <select {...form.bind(name)}>
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
        <Field label={t('complaints.channel')} error={errors.channel}>
          {choice('channel', CHANNELS, 'channel')}
        </Field>
        <Field label={t('complaints.type')} error={errors.type}>
          {choice('type', TYPES, 'complaintType')}
        </Field>
        <Field label={t('complaints.category')} error={errors.category}>
          {choice('category', CATEGORIES, 'category')}
        </Field>
        <Field label={t('common.point')} error={errors.service_point_id}>
          <select {...form.bind('service_point_id')}>
            {points.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('complaints.complainant')} error={errors['complainant.name']}>
          <input {...form.bind('name')} required />
        </Field>
        <Field label={t('complaints.phone')} error={errors['complainant.phone']}>
          <input {...form.bind('phone')} inputMode="tel" required />
        </Field>
        <Field label={t('complaints.severity')} error={errors.severity}>
          {choice('severity', ['normal', 'major'], 'complaintSeverity')}
        </Field>
        <Field label={t('complaints.content')} error={errors.content} wide>
          <textarea rows={3} {...form.bind('content')} required />
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {t('complaints.file')}
          </button>
        </div>
      </form>
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}

function ComplaintDetail({ id, config, mayWrite, pointName, onChange }) {
  const complaint = useLoad(() => get(`/complaints/${id}`), [id]);
  const c = complaint.data;
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
              <dt>{t('complaints.complainant')}</dt>
              <dd>
                {c.complainant?.name} {c.complainant?.phone}
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
          <h3>{t('complaints.deadlines')}</h3>
          <table class="table">
            <tbody>
              {Object.entries(c.deadlines || {}).map(([name, d]) => (
                <tr key={name} class={!d.met_at && new Date(d.due_at) < Date.now() ? 'late' : ''}>
                  <td>{code('deadline', name)}</td>
                  <td>{dateTime(d.due_at, config.timezone)}</td>
                  <td>{d.met_at ? `✓ ${dateTime(d.met_at, config.timezone)}` : t('complaints.open')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {mayWrite && <Steps complaint={c} onDone={changed} />}
          <h3>{t('complaints.history')}</h3>
          <ol class="timeline" data-testid="complaint-history">
            {(c.history || []).map((entry, index) => (
              <li key={index} data-action={entry.action}>
                <time>{dateTime(entry.at, config.timezone)}</time> {code('historyAction', entry.action)}
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

const STEP_PATHS = {
  assign: 'assign',
  reply: 'replies',
  follow_up: 'follow-ups',
  resolve: 'resolve',
  callback: 'callback',
  escalate: 'escalate',
  close: 'close',
};

function Steps({ complaint, onDone }) {
  const steps = stepsFor(complaint);
  const [step, setStep] = useState(steps[0] || null);
  const current = steps.includes(step) ? step : steps[0];
  if (!current) return null;
  return (
    <div class="steps" data-testid="complaint-steps">
      <div class="tabs">
        {steps.map((s) => (
          <button type="button" key={s} class={s === current ? 'tab active' : 'tab'} data-step={s} onClick={() => setStep(s)}>
            {t(`step.${s}`)}
          </button>
        ))}
      </div>
      <StepForm key={`${complaint.status}:${current}`} step={current} complaint={complaint} onDone={onDone} />
    </div>
  );
}

function StepForm({ step, complaint, onDone }) {
  const staff = useLoad(
    () => (step === 'assign' ? all('/staff', { service_point_id: complaint.service_point_id }) : Promise.resolve([])),
    [step, complaint.service_point_id],
  );
  const form = useForm({
    staff_id: '',
    content: '',
    written: complaint.channel === 'online_media',
    note: '',
    reason_open: '',
    resolution: '',
    reached: true,
    satisfied: 'yes',
    solved: 'yes',
    attitude: 'satisfied',
    score: '9',
    comment: '',
    reason: '',
  });
  const action = useAction();
  const v = form.values;
  const people = (staff.data || []).filter((s) => s.active);
  const assignee = v.staff_id || complaint.owner_staff_id || people[0]?.id || '';
  const bodies = {
    assign: () => ({ staff_id: assignee }),
    reply: () => ({ content: v.content, written: v.written }),
    follow_up: () => ({ note: v.note, reason_open: v.reason_open }),
    resolve: () => ({ resolution: v.resolution }),
    callback: () =>
      v.reached
        ? {
            reached: true,
            satisfied: v.satisfied === 'yes',
            solved: v.solved === 'yes',
            attitude: v.attitude,
            score: Number(v.score),
            comment: v.comment,
          }
        : { reached: false, comment: v.comment },
    escalate: () => ({ reason: v.reason }),
    close: () => ({ note: v.note }),
  };
  async function submit(event) {
    event.preventDefault();
    if (await action.run(() => post(`/complaints/${complaint.id}/${STEP_PATHS[step]}`, bodies[step]()))) onDone();
  }
  const errors = action.problem?.errors || {};
  return (
    <form class="grid" onSubmit={submit} data-testid={`step-${step}`}>
      {step === 'assign' && (
        <Field label={t('complaints.owner')} error={errors.staff_id}>
          <select name="staff_id" value={assignee} onChange={(e) => form.set('staff_id', e.currentTarget.value)}>
            {people.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.roles.map((r) => t(`role.${r}`)).join('、')})
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
          <label class="check wide">
            <input type="checkbox" {...form.check('reached')} /> {t('callback.reached')}
          </label>
          {v.reached && (
            <>
              <Field label={t('callback.satisfied')} error={errors.satisfied}>
                <select {...form.bind('satisfied')}>
                  <option value="yes">{t('common.yes')}</option>
                  <option value="no">{t('common.no')}</option>
                </select>
              </Field>
              <Field label={t('callback.solved')}>
                <select {...form.bind('solved')}>
                  <option value="yes">{t('common.yes')}</option>
                  <option value="no">{t('common.no')}</option>
                </select>
              </Field>
              <Field label={t('callback.attitude')}>
                <select {...form.bind('attitude')}>
                  {['satisfied', 'neutral', 'dissatisfied'].map((a) => (
                    <option key={a} value={a}>
                      {code('attitude', a)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('callback.score')} error={errors.score}>
                <input type="number" min="1" max="10" {...form.bind('score')} />
              </Field>
            </>
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
      {step === 'close' && (
        <Field label={t('common.notes')} error={errors.note} wide>
          <input {...form.bind('note')} />
        </Field>
      )}
      <div class="actions">
        <button type="submit" class="primary" data-testid="step-submit" disabled={action.busy}>
          {t(`step.${step}`)}
        </button>
      </div>
      <ProblemBox problem={action.problem} />
    </form>
  );
}

function nowLocalInput() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function CallLog({ complaintId }) {
  const form = useForm({ caller: '', started_at: nowLocalInput(), answered: true, duration_s: '60', link: false });
  const action = useAction();
  const [logged, setLogged] = useState(null);
  const v = form.values;
  async function submit(event) {
    event.preventDefault();
    setLogged(null);
    const call = await action.run(() =>
      post('/calls', {
        caller: v.caller.trim(),
        started_at: new Date(v.started_at).toISOString(),
        answered: v.answered,
        duration_s: Number(v.duration_s) || 0,
        complaint_id: v.link && complaintId ? complaintId : null,
      }),
    );
    if (call) {
      setLogged(call);
      form.reset();
    }
  }
  const errors = action.problem?.errors || {};
  return (
    <Panel title={t('calls.title')}>
      <form class="grid" onSubmit={submit} data-testid="call-form">
        <Field label={t('calls.caller')} error={errors.caller}>
          <input {...form.bind('caller')} inputMode="tel" required />
        </Field>
        <Field label={t('calls.startedAt')} error={errors.started_at}>
          <input type="datetime-local" {...form.bind('started_at')} required />
        </Field>
        <Field label={t('calls.duration')} error={errors.duration_s}>
          <input type="number" min="0" {...form.bind('duration_s')} />
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
          <button type="submit" disabled={action.busy}>
            {t('calls.log')}
          </button>
        </div>
      </form>
      {logged && <p class="success">{t('calls.logged')}</p>}
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}
