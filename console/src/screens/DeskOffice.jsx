// The desk's office (值班台): the hotline's duty roster for the week with its gaps, the
// written handover log (交接班记录), the reply templates the desk answers with (统一的答复口径)
// and the working-day calendar its deadlines are counted on. Each panel shows for the users
// the gateway lets call its operation.
import { useEffect, useState } from 'preact/hooks';
import { all, get, patch, post, put } from '../api.js';
import { code, getLang, t } from '../i18n.js';
import { addDays, dateTime, dayText, localDate, percent } from '../util.js';
import { can, Done, Field, Loading, Panel, ProblemBox, useAction, useForm, useLoad } from '../ui.jsx';

const CATEGORIES = ['service_attitude', 'safety', 'hygiene_facility', 'staff_misconduct', 'waiting_time', 'fees', 'administrative', 'other'];
const ROSTER_DAYS = 7;
const GAPS_SHOWN = 5;
const DESK_ROLES = ['cs_agent', 'cs_supervisor'];

export function DeskOffice({ config }) {
  // A handover written on the roster shows in the log at once.
  const [written, setWritten] = useState(0);
  return (
    <div class="screen desk-office">
      <div class="columns">
        <div class="stack">
          {can(config, 'GET /duty-shifts') && <Roster config={config} onHandover={() => setWritten((n) => n + 1)} />}
          {can(config, 'GET /handovers') && <Handovers config={config} round={written} />}
        </div>
        <div class="stack">
          {can(config, 'GET /reply-templates') && <Templates config={config} />}
          {can(config, 'GET /calendar') && <WorkCalendar config={config} />}
        </div>
      </div>
    </div>
  );
}

/** A local date and time typed into a datetime-local input, as an instant. */
function instant(local) {
  return local ? new Date(local).toISOString() : '';
}

/** One item a line, blank lines dropped. */
function lines(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function useStaffNames(config) {
  const staff = useLoad(() => (can(config, 'GET /staff') ? all('/staff') : Promise.resolve([])), []);
  const names = Object.fromEntries((staff.data || []).map((s) => [s.id, s.name]));
  return { staff: staff.data || [], name: (id) => names[id] || t('desk.someone') };
}

/** The roster from today for a week: each shift with its seats, calls and answer rate, and
 * where it leaves the desk short; supervisors add shifts, whoever is on duty writes a
 * shift's handover. */
function Roster({ config, onHandover }) {
  const today = localDate(new Date(), config.timezone);
  const last = addDays(today, ROSTER_DAYS - 1);
  const roster = useLoad(() => get('/duty-shifts', { from: today, to: last }), [today]);
  const people = useStaffNames(config);
  const [adding, setAdding] = useState(false);
  const [handing, setHanding] = useState(null);
  const lang = getLang();
  const zone = config.timezone;
  const shifts = roster.data?.items || [];
  const gaps = roster.data?.coverage_gaps || [];
  return (
    <Panel
      title={t('desk.roster', { from: dayText(today, lang), to: dayText(last, lang) })}
      testId="duty-roster"
      actions={
        can(config, 'POST /duty-shifts') && (
          <button type="button" class="ghost" data-testid="add-shift" onClick={() => setAdding(!adding)}>
            {t('desk.addShift')}
          </button>
        )
      }
    >
      {adding && (
        <ShiftForm
          staff={people.staff.filter((s) => s.active && s.roles.some((r) => DESK_ROLES.includes(r)))}
          onAdded={() => {
            setAdding(false);
            roster.reload();
          }}
        />
      )}
      <Loading state={roster} />
      {roster.data && !shifts.length && <p class="muted">{t('desk.noShifts')}</p>}
      {gaps.length > 0 && (
        <div class="notice" data-testid="coverage-gaps">
          <strong>{t('desk.gaps')}</strong>
          <ul>
            {gaps.slice(0, GAPS_SHOWN).map((gap) => (
              <li key={gap.starts_at}>
                {t('desk.gap', {
                  from: dateTime(gap.starts_at, zone, lang),
                  to: dateTime(gap.ends_at, zone, lang),
                  seats: gap.seats,
                  required: gap.required,
                })}
              </li>
            ))}
          </ul>
          {gaps.length > GAPS_SHOWN && <p>{t('desk.moreGaps', { count: gaps.length - GAPS_SHOWN })}</p>}
        </div>
      )}
      {shifts.length > 0 && (
        <table class="table" data-testid="shift-list">
          <thead>
            <tr>
              <th>{t('desk.shiftTime')}</th>
              <th>{t('desk.onDuty')}</th>
              <th>{t('desk.calls')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shifts.map((shift) => (
              <tr key={shift.id} data-shift-id={shift.id}>
                <td>
                  {dateTime(shift.starts_at, zone, lang)} – {dateTime(shift.ends_at, zone, lang)}
                  {shift.note && <div class="muted">{shift.note}</div>}
                </td>
                <td>
                  {shift.staff_ids.map(people.name).join('、')}
                  <div class="muted">{t('desk.seats', { count: shift.seats })}</div>
                </td>
                <td>
                  {shift.calls
                    ? t('desk.answerRate', { answered: shift.answered, calls: shift.calls, rate: percent(shift.answer_rate) })
                    : t('desk.noCalls')}
                </td>
                <td>
                  {can(config, 'POST /duty-shifts/{id}/handover') && (
                    <button type="button" class="ghost" data-testid="write-handover" onClick={() => setHanding(shift)}>
                      {t('desk.writeHandover')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {handing && (
        <HandoverForm
          key={handing.id}
          shift={handing}
          config={config}
          onWritten={() => {
            setHanding(null);
            roster.reload();
            onHandover();
          }}
        />
      )}
    </Panel>
  );
}

function ShiftForm({ staff, onAdded }) {
  const form = useForm({ starts_at: '', ends_at: '', note: '' });
  const [chosen, setChosen] = useState([]);
  const action = useAction();
  const [gaps, setGaps] = useState(null);
  const v = form.values;
  const labels = { starts_at: t('desk.startsAt'), ends_at: t('desk.endsAt'), staff_ids: t('desk.onDuty'), note: t('common.notes') };
  async function submit(event) {
    event.preventDefault();
    const shift = await action.run(() =>
      post('/duty-shifts', { starts_at: instant(v.starts_at), ends_at: instant(v.ends_at), staff_ids: chosen, note: v.note.trim() }),
    );
    if (shift) {
      setGaps(shift.coverage_gaps);
      onAdded(shift);
    }
  }
  const toggle = (id, on) => setChosen((old) => (on ? [...old, id] : old.filter((x) => x !== id)));
  const errors = action.errors;
  return (
    <form class="grid" onSubmit={submit} data-testid="shift-form">
      <Field label={labels.starts_at} error={errors.starts_at}>
        <input type="datetime-local" {...form.bind('starts_at')} required />
      </Field>
      <Field label={labels.ends_at} error={errors.ends_at}>
        <input type="datetime-local" {...form.bind('ends_at')} required />
      </Field>
      <Field label={labels.staff_ids} error={errors.staff_ids} wide>
        <div class="checks">
          {staff.map((s) => (
            <label class="check" key={s.id}>
              <input type="checkbox" name="staff" value={s.id} checked={chosen.includes(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} />{' '}
              {s.name}
            </label>
          ))}
          {!staff.length && <span class="muted">{t('desk.noDeskStaff')}</span>}
        </div>
      </Field>
      <Field label={labels.note} error={errors.note} wide>
        <input {...form.bind('note')} />
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy || !chosen.length}>
          {t('desk.saveShift')}
        </button>
      </div>
      <ProblemBox problem={action.problem} labels={labels} shown={['starts_at', 'ends_at', 'staff_ids', 'note']} />
      {gaps && <Done message={t('desk.shiftAdded')} />}
    </form>
  );
}

/** The shift's written handover: what it leaves to the next, one open item a line; the
 * service adds what the desk has outstanding (missed calls, overdue complaints). */
function HandoverForm({ shift, config, onWritten }) {
  const form = useForm({ note: '', open_items: '' });
  const action = useAction();
  const lang = getLang();
  async function submit(event) {
    event.preventDefault();
    const written = await action.run(() =>
      post(`/duty-shifts/${shift.id}/handover`, { note: form.values.note.trim(), open_items: lines(form.values.open_items) }),
    );
    if (written) onWritten(written);
  }
  const errors = action.errors;
  return (
    <form class="grid" onSubmit={submit} data-testid="handover-form">
      <p class="muted wide">
        {t('desk.handoverOf', { from: dateTime(shift.starts_at, config.timezone, lang), to: dateTime(shift.ends_at, config.timezone, lang) })}
      </p>
      <Field label={t('desk.handoverNote')} error={errors.note} wide>
        <textarea rows={3} {...form.bind('note')} required />
      </Field>
      <Field label={t('desk.openItems')} error={errors.open_items} hint={t('desk.openItemsHint')} wide>
        <textarea rows={3} {...form.bind('open_items')} />
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {t('desk.saveHandover')}
        </button>
      </div>
      <ProblemBox problem={action.problem} shown={['note', 'open_items']} />
    </form>
  );
}

/** This month's handovers, newest first: what each left open and what the desk had
 * outstanding; the next shift takes one over (not whoever wrote it). */
function Handovers({ config, round }) {
  const today = localDate(new Date(), config.timezone);
  const first = `${today.slice(0, 8)}01`;
  const list = useLoad(() => all('/handovers', { from: first, to: today }), [today]);
  useEffect(() => {
    if (round) list.reload();
  }, [round]);
  const people = useStaffNames(config);
  const action = useAction();
  const lang = getLang();
  const me = config.me;
  async function takeOver(handover) {
    if (await action.run(() => post(`/handovers/${handover.id}/accept`))) list.reload();
  }
  const rows = [...(list.data || [])].sort((a, b) => new Date(b.created_at) - new Date(a.created_at));
  return (
    <Panel
      title={t('desk.handovers')}
      testId="handover-log"
      actions={
        <button type="button" class="ghost" onClick={list.reload}>
          {t('common.refresh')}
        </button>
      }
    >
      <Loading state={list} />
      {list.data && !rows.length && <p class="muted">{t('desk.noHandovers')}</p>}
      <ol class="timeline">
        {rows.map((h) => {
          const mine = h.written_by === me.user_id || (me.staff_id && h.written_by_staff_id === me.staff_id);
          return (
            <li key={h.id} data-handover-id={h.id} data-accepted={h.accepted_at ? 'yes' : 'no'}>
              <time>{dateTime(h.created_at, config.timezone, lang)}</time>{' '}
              {h.written_by_staff_id ? people.name(h.written_by_staff_id) : ''}
              <div>{h.note}</div>
              {h.open_items.length > 0 && (
                <ul data-testid="open-items">
                  {h.open_items.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ul>
              )}
              <div class="muted">
                {t('desk.pending', {
                  missed: h.pending?.missed_calls ?? 0,
                  overdue: h.pending?.overdue_complaints ?? 0,
                  callbacks: h.pending?.callbacks_due ?? 0,
                })}
              </div>
              {h.accepted_at ? (
                <div class="muted" data-testid="taken-over">
                  {t('desk.takenOver', {
                    at: dateTime(h.accepted_at, config.timezone, lang),
                    by: h.accepted_by_staff_id ? people.name(h.accepted_by_staff_id) : '',
                  })}
                </div>
              ) : (
                can(config, 'POST /handovers/{id}/accept') &&
                !mine && (
                  <button type="button" class="ghost" data-testid="take-over" disabled={action.busy} onClick={() => takeOver(h)}>
                    {t('desk.takeOver')}
                  </button>
                )
              )}
            </li>
          );
        })}
      </ol>
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}

/** The desk's reply templates: those for every category and those for one; supervisors
 * add them and retire them. A template is used from a complaint's reply step. */
function Templates({ config }) {
  const keeps = can(config, 'POST /reply-templates');
  const list = useLoad(() => all('/reply-templates', { language: 'zh-CN', include_inactive: keeps ? 'true' : undefined }), [keeps]);
  const [adding, setAdding] = useState(false);
  const action = useAction();
  async function retire(template) {
    if (await action.run(() => patch(`/reply-templates/${template.id}`, { active: !template.active }))) list.reload();
  }
  const rows = [...(list.data || [])].sort((a, b) => Number(b.active) - Number(a.active) || a.title.localeCompare(b.title, 'zh-CN'));
  return (
    <Panel
      title={t('desk.templates')}
      testId="reply-templates"
      actions={
        keeps && (
          <button type="button" class="ghost" data-testid="add-template" onClick={() => setAdding(!adding)}>
            {t('desk.addTemplate')}
          </button>
        )
      }
    >
      {adding && (
        <TemplateForm
          onAdded={() => {
            setAdding(false);
            list.reload();
          }}
        />
      )}
      <Loading state={list} />
      {list.data && !rows.length && <p class="muted">{t('desk.noTemplates')}</p>}
      <ul class="template-list">
        {rows.map((tpl) => (
          <li key={tpl.id} data-template-id={tpl.id} class={tpl.active ? '' : 'muted'}>
            <strong>{tpl.title}</strong> · {tpl.category ? code('category', tpl.category) : t('desk.anyCategory')}
            {!tpl.active && <span class="badge">{t('desk.retired')}</span>}
            <div>{tpl.text}</div>
            {can(config, 'PATCH /reply-templates/{id}') && (
              <button type="button" class="ghost" data-testid="retire-template" disabled={action.busy} onClick={() => retire(tpl)}>
                {tpl.active ? t('desk.retire') : t('desk.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}

function TemplateForm({ onAdded }) {
  const form = useForm({ title: '', text: '', category: '' });
  const action = useAction();
  const v = form.values;
  const labels = { title: t('desk.templateTitle'), text: t('desk.templateText'), category: t('complaints.category') };
  async function submit(event) {
    event.preventDefault();
    const added = await action.run(() =>
      post('/reply-templates', { title: v.title.trim(), text: v.text.trim(), category: v.category || null, language: 'zh-CN' }),
    );
    if (added) onAdded(added);
  }
  const errors = action.errors;
  return (
    <form class="grid" onSubmit={submit} data-testid="template-form">
      <Field label={labels.title} error={errors.title}>
        <input {...form.bind('title')} required maxLength={100} />
      </Field>
      <Field label={labels.category} error={errors.category}>
        <select {...form.bind('category')} onChange={(e) => form.set('category', e.currentTarget.value)}>
          <option value="">{t('desk.anyCategory')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {code('category', c)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={labels.text} error={errors.text} wide>
        <textarea rows={3} {...form.bind('text')} required />
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {t('desk.saveTemplate')}
        </button>
      </div>
      <ProblemBox problem={action.problem} labels={labels} shown={Object.keys(labels)} />
    </form>
  );
}

/** A year's working-day calendar: its days off and make-up working days as the official
 * arrangement states them; a year not loaded is counted Monday to Friday, provisionally.
 * Those allowed load a year's arrangement (its JSON, as the notice states it). */
function WorkCalendar({ config }) {
  const thisYear = Number(localDate(new Date(), config.timezone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const summary = useLoad(() => get('/calendar'), []);
  const loaded = (summary.data?.years || []).some((y) => y.year === year);
  const days = useLoad(
    () => (loaded && can(config, 'GET /calendar/{year}') ? get(`/calendar/${year}`) : Promise.resolve(null)),
    [year, loaded],
  );
  const lang = getLang();
  const shown = days.data;
  return (
    <Panel title={t('desk.calendar')} testId="work-calendar">
      <div class="toolbar">
        <label class="field">
          <span class="label">{t('desk.year')}</span>
          <select name="year" value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Loading state={summary} />
      {summary.data && !loaded && (
        <p class="notice" data-testid="calendar-provisional">
          {t('desk.provisional', { year })}
        </p>
      )}
      {shown && (
        <div data-testid="calendar-year" data-year={shown.year}>
          <p class="muted source">
            {t('desk.source')}
            <span translate={false}>{shown.source}</span>
          </p>
          <table class="table">
            <thead>
              <tr>
                <th>{t('desk.holiday')}</th>
                <th>{t('desk.dayOff')}</th>
                <th>{t('desk.makeUpDay')}</th>
              </tr>
            </thead>
            <tbody>
              {holidays(shown).map((h) => (
                <tr key={h.name} data-holiday={h.name}>
                  <td>{h.name}</td>
                  <td data-days-off={h.off.length}>
                    {dayText(h.off[0], lang)}
                    {h.off.length > 1 && ` – ${dayText(h.off[h.off.length - 1], lang)}`}
                    {t('desk.days', { count: h.off.length })}
                  </td>
                  <td>
                    {h.on.map((day) => (
                      <div key={day} data-workday={day}>
                        {dayText(day, lang)}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can(config, 'PUT /calendar/{year}') && (
        <LoadYear
          key={year}
          year={year}
          onLoaded={() => {
            summary.reload();
            days.reload();
          }}
        />
      )}
    </Panel>
  );
}

/** A year's days grouped by holiday, in the order of the year: its days off (first to
 * last) and its make-up working days. */
function holidays(year) {
  const byName = new Map();
  const of = (name) => byName.get(name) || byName.set(name, { name, off: [], on: [] }).get(name);
  year.holidays.forEach((d) => of(d.name).off.push(d.date));
  year.workdays.forEach((d) => of(d.name).on.push(d.date));
  return [...byName.values()]
    .map((h) => ({ ...h, off: h.off.sort(), on: h.on.sort() }))
    .sort((a, b) => (a.off[0] || a.on[0]).localeCompare(b.off[0] || b.on[0]));
}

/** The arrangement's fields as a refusal names them (`holidays.0`: the first holiday). */
function arrangementLabels(problem) {
  const labels = { year: t('desk.year'), source: t('desk.sourceField'), holidays: t('desk.dayOff'), workdays: t('desk.makeUpDay') };
  Object.keys(problem?.errors || {}).forEach((name) => {
    const [list, index] = name.split('.');
    if (index !== undefined && labels[list]) labels[name] = t('desk.item', { list: labels[list], n: Number(index) + 1 });
  });
  return labels;
}

function LoadYear({ year, onLoaded }) {
  const form = useForm({ arrangement: '' });
  const action = useAction();
  const [loaded, setLoaded] = useState(null);
  const [unreadable, setUnreadable] = useState(false);
  async function readFile(event) {
    const file = event.currentTarget.files?.[0];
    if (file) form.set('arrangement', await file.text());
  }
  async function submit(event) {
    event.preventDefault();
    let body;
    try {
      body = JSON.parse(form.values.arrangement);
    } catch {
      setUnreadable(true);
      return;
    }
    setUnreadable(false);
    const answer = await action.run(() => put(`/calendar/${year}`, body));
    if (answer) {
      setLoaded(answer);
      onLoaded(answer);
    }
  }
  return (
    <form class="grid" onSubmit={submit} data-testid="calendar-load">
      <h3 class="wide">{t('desk.loadYear', { year })}</h3>
      <Field label={t('desk.arrangementFile')} wide>
        <input type="file" accept=".json,application/json" onChange={readFile} />
      </Field>
      <Field label={t('desk.arrangement')} hint={t('desk.arrangementHint')} error={unreadable ? t('desk.notJson') : null} wide>
        <textarea rows={4} {...form.bind('arrangement')} required translate={false} />
      </Field>
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {t('desk.load')}
        </button>
      </div>
      <ProblemBox problem={action.problem} labels={arrangementLabels(action.problem)} />
      {loaded && (
        <Done
          testId="calendar-loaded"
          message={t('desk.loaded', { year: loaded.year, holidays: loaded.holidays, workdays: loaded.workdays, recounted: loaded.recounted_deadlines })}
        />
      )}
    </form>
  );
}
