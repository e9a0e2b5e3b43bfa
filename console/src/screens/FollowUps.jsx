// Follow-ups (随访): my due and overdue follow-ups, and the record of one (谁随访，谁记录).
import { useState } from 'preact/hooks';
import { all, post } from '../api.js';
import { code, getLang, t } from '../i18n.js';
import { addDays, dayText, localDate } from '../util.js';
import { Field, Loading, Panel, ProblemBox, useAction, useForm, useLoad } from '../ui.jsx';

const SYMPTOMS = [
  'altered_consciousness',
  'severe_headache_or_dizziness',
  'nausea_and_vomiting',
  'blurred_vision',
  'eye_pain',
  'palpitations',
  'chest_tightness',
  'breathless_lying_flat',
  'other',
];
const AHEAD_DAYS = 7;
/** The programmes whose follow-ups record a blood-pressure reading. */
const READINGS = new Set(['hypertension', 'bp_screening', 'high_risk', 'health_check']);

export function FollowUps({ point, config, session }) {
  const today = localDate(new Date(), config.timezone);
  // The chosen follow-up stays open after its record, when it has left the list.
  const [selected, setSelected] = useState(null);
  // Who visits sees their own first (谁随访，谁记录); a point's administrator sees the
  // point's; either may switch.
  const [mine, setMine] = useState(Boolean(session.staff_id) && !session.service_point_id);
  const params = mine
    ? { staff_id: session.staff_id, due_before: addDays(today, AHEAD_DAYS + 1) }
    : { service_point_id: point?.id, due_before: addDays(today, AHEAD_DAYS + 1) };
  const list = useLoad(async () => {
    const [items, elders] = await Promise.all([
      all('/follow-ups', params),
      all('/elders', point && !mine ? { service_point_id: point.id } : {}).catch(() => []),
    ]);
    return { items: items.sort((a, b) => a.due_on.localeCompare(b.due_on)), elders };
  }, [params.staff_id, params.service_point_id, today]);
  const names = Object.fromEntries((list.data?.elders || []).map((e) => [e.id, e.name]));
  const items = list.data?.items || [];
  return (
    <div class="screen follow-ups">
      <div class="toolbar">
        <p class="muted" data-testid="follow-up-scope">
          {mine ? t('followUps.mine', { days: AHEAD_DAYS }) : t(point ? 'followUps.point' : 'followUps.all', { days: AHEAD_DAYS })}
        </p>
        {session.staff_id && (
          <button type="button" class="ghost" data-testid="follow-up-switch" onClick={() => setMine(!mine)}>
            {mine ? t('followUps.showPoint') : t('followUps.showMine')}
          </button>
        )}
      </div>
      <div class="columns">
        <Panel title={t('followUps.due')}>
          <Loading state={list} />
          {list.data && !items.length && <p class="muted">{t('followUps.none')}</p>}
          <table class="table" data-testid="follow-up-list">
            <tbody>
              {items.map((f) => (
                <tr
                  key={f.id}
                  class={`${f.overdue ? 'late' : ''}${f.id === selected?.id ? ' selected' : ''}`}
                  onClick={() => setSelected(f)}
                >
                  <td>{names[f.elder_id] || '…'}</td>
                  <td>{code('programme', f.programme)}</td>
                  <td>{dayText(f.due_on, getLang())}</td>
                  <td>{f.overdue ? <span class="badge warn">{t('followUps.overdue')}</span> : t('followUps.dueSoon')}</td>
                  <td>
                    <button type="button" class="ghost" onClick={() => setSelected(f)}>
                      {t('followUps.record')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        {selected && (
          <RecordForm
            key={selected.id}
            followUp={selected}
            name={names[selected.elder_id]}
            today={today}
            onDone={list.reload}
          />
        )}
      </div>
    </div>
  );
}

function RecordForm({ followUp, name, today, onDone }) {
  const form = useForm({
    visited_on: today,
    face_to_face: true,
    systolic: '',
    diastolic: '',
    notes: '',
    ...Object.fromEntries(SYMPTOMS.map((s) => [`s_${s}`, false])),
  });
  const action = useAction();
  const [result, setResult] = useState(null);
  const v = form.values;
  async function submit(event) {
    event.preventDefault();
    const outcome = await action.run(() =>
      post(`/follow-ups/${followUp.id}/record`, {
        visited_on: v.visited_on,
        face_to_face: v.face_to_face,
        systolic: v.systolic === '' ? null : Number(v.systolic),
        diastolic: v.diastolic === '' ? null : Number(v.diastolic),
        symptoms: SYMPTOMS.filter((s) => v[`s_${s}`]),
        notes: v.notes,
      }),
    );
    if (outcome) {
      setResult(outcome);
      onDone();
    }
  }
  const errors = action.errors;
  return (
    <Panel title={`${name || ''} · ${code('programme', followUp.programme)}`}>
      <form class="grid" onSubmit={submit} data-testid="follow-up-form">
        <Field label={t('followUps.visitedOn')} error={errors.visited_on}>
          <input type="date" {...form.bind('visited_on')} required />
        </Field>
        <label class="check">
          <input type="checkbox" {...form.check('face_to_face')} /> {t('followUps.faceToFace')}
        </label>
        {READINGS.has(followUp.programme) && (
          <>
            <Field label={t('screening.systolic')} error={errors.systolic}>
              <input type="number" {...form.bind('systolic')} />
            </Field>
            <Field label={t('screening.diastolic')} error={errors.diastolic}>
              <input type="number" {...form.bind('diastolic')} />
            </Field>
          </>
        )}
        {followUp.programme === 'hypertension' && (
          <>
            <fieldset class="wide">
              <legend>{t('followUps.symptoms')}</legend>
              {SYMPTOMS.map((s) => (
                <label class="check" key={s}>
                  <input type="checkbox" {...form.check(`s_${s}`)} /> {code('symptom', s)}
                </label>
              ))}
            </fieldset>
          </>
        )}
        <Field label={t('common.notes')} wide>
          <textarea rows={3} {...form.bind('notes')} />
        </Field>
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {t('followUps.save')}
          </button>
        </div>
      </form>
      <ProblemBox problem={action.problem} shown={['visited_on', 'systolic', 'diastolic']} />
      {result && (
        <div class={result.classification === 'danger' || result.referral ? 'refusal' : 'success'} data-testid="follow-up-result">
          {result.classification && <div>{code('classification', result.classification)}</div>}
          {result.referral && <div>{t('followUps.referral')}</div>}
          {result.diagnosed && <div data-testid="follow-up-diagnosed">{t('followUps.diagnosed')}</div>}
          <div>{t('followUps.nextDue', { date: dayText(result.next_due_on, getLang()) })}</div>
        </div>
      )}
    </Panel>
  );
}
