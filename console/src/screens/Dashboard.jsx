// City dashboard (城市看板): per point and city-wide figures for a chosen period, with
// the monthly complaint reports to download.
import { useMemo, useState } from 'preact/hooks';
import { download, get } from '../api.js';
import { ChartView, PALETTE } from '../charts.jsx';
import { code, getLang, t } from '../i18n.js';
import { addDays, daysFrom, localDate, monthsFrom, percent } from '../util.js';
import { Field, Loading, Panel, ProblemBox, useAction, useLoad } from '../ui.jsx';

const MAX_DAYS = 62;
const REASONS = ['INFECTIOUS_DISEASE', 'ALCOHOL', 'MENTAL_STATE', 'BLOOD_PRESSURE_DANGER', 'OTHER'];
const quiet = (promise) => promise.catch(() => null);

function ratio(part, whole) {
  return whole ? part / whole : null;
}

async function pointFigures(point, days, months, from, to) {
  // One call for the whole period; days without visits are absent from it.
  const period = await quiet(get('/visits/figures', { service_point_id: point.id, from, to }));
  const byDate = Object.fromEntries((period?.days || []).map((day) => [day.date, day]));
  const daily = days.map((day) => (period ? byDate[day] || { date: day, visits: 0, checked_out: 0, refused: 0,
    refusals_by_reason: {}, incidents: 0 } : null));
  const [satisfaction, meeting, ...monthly] = await Promise.all([
    quiet(get('/stats/satisfaction', { service_point_id: point.id, from, to })),
    quiet(get('/follow-ups/meeting-rate', { service_point_id: point.id, from, to })),
    ...months.map((month) => quiet(get('/stats/complaints', { service_point_id: point.id, month }))),
  ]);
  return { point, daily, satisfaction, meeting, monthly };
}

async function cityFigures(from, to, months) {
  const [satisfaction, hotline, meeting, ...monthly] = await Promise.all([
    quiet(get('/stats/satisfaction', { from, to })),
    quiet(get('/stats/hotline', { from, to })),
    quiet(get('/follow-ups/meeting-rate', { from, to })),
    ...months.map((month) => quiet(get('/stats/complaints', { month }))),
  ]);
  return { satisfaction, hotline, meeting, monthly };
}

function sumDaily(daily, field) {
  return daily.reduce((sum, day) => sum + (day?.[field] || 0), 0);
}

function inTime(monthly) {
  const known = monthly.filter(Boolean);
  const due = known.reduce((sum, m) => sum + (m.with_deadlines || 0), 0);
  const met = known.reduce((sum, m) => sum + (m.in_time || 0), 0);
  return { due, met, rate: ratio(met, due), target: known[0]?.targets?.in_time ?? null };
}

export function Dashboard({ points, config, session }) {
  const today = localDate(new Date(), config.timezone);
  const [period, setPeriod] = useState({ from: addDays(today, -6), to: today });
  const [scope, setScope] = useState(session.service_point_id || 'city');
  const [draft, setDraft] = useState(period);
  const days = daysFrom(period.from, period.to);
  const months = monthsFrom(period.from, period.to);
  const shown = scope === 'city' ? points : points.filter((p) => p.id === scope);
  const figures = useLoad(async () => {
    const perPoint = [];
    for (const point of shown) perPoint.push(await pointFigures(point, days, months, period.from, period.to));
    const city = scope === 'city' ? await cityFigures(period.from, period.to, months) : null;
    const hotline = city ? city.hotline : await quiet(get('/stats/hotline', { from: period.from, to: period.to }));
    return { perPoint, city, hotline };
  }, [scope, period.from, period.to, points.length]);

  const problem = draft.from > draft.to || daysFrom(draft.from, draft.to).length > MAX_DAYS;
  function apply(event) {
    event.preventDefault();
    if (!problem) setPeriod(draft);
  }

  return (
    <div class="screen dashboard">
      <form class="toolbar" onSubmit={apply} data-testid="period-form">
        <Field label={t('dashboard.scope')}>
          <select value={scope} disabled={Boolean(session.service_point_id)} onChange={(e) => setScope(e.currentTarget.value)}>
            <option value="city">{t('dashboard.city')}</option>
            {points.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('dashboard.from')}>
          <input type="date" value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        </Field>
        <Field label={t('dashboard.to')}>
          <input type="date" value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </Field>
        <button type="submit" disabled={problem}>
          {t('dashboard.show')}
        </button>
        {problem && <span class="error-text">{t('dashboard.badPeriod', { days: MAX_DAYS })}</span>}
      </form>
      <Loading state={figures} />
      {figures.data && <Figures data={figures.data} days={days} scope={scope} />}
      <Reports months={months} scope={scope} />
    </div>
  );
}

function Figures({ data, days, scope }) {
  const { perPoint, city, hotline } = data;
  const all = perPoint.flatMap((p) => p.daily);
  const visits = sumDaily(all, 'visits');
  const refusals = {};
  all.forEach((day) =>
    Object.entries(day?.refusals_by_reason || {}).forEach(([reason, count]) => {
      refusals[reason] = (refusals[reason] || 0) + count;
    }),
  );
  const complaints = city ? inTime(city.monthly) : inTime(perPoint[0]?.monthly || []);
  const satisfaction = city ? city.satisfaction : perPoint[0]?.satisfaction;
  const meeting = city ? city.meeting : perPoint[0]?.meeting;
  const targets = (city ? city.monthly : perPoint[0]?.monthly || []).find(Boolean)?.targets || {};

  const charts = useMemo(() => {
    const labels = days.map((d) => d.slice(5));
    const byPoint = (field, kind) =>
      perPoint.map((p, i) => ({
        label: p.point.name,
        data: p.daily.map((day) => day?.[field] || 0),
        backgroundColor: PALETTE[i % PALETTE.length],
        borderColor: PALETTE[i % PALETTE.length],
        ...(kind === 'line' ? { fill: false, tension: 0.2 } : {}),
      }));
    const reasons = [...REASONS, ...Object.keys(refusals).filter((r) => !REASONS.includes(r))];
    const rates = [
      ['inTime', complaints.rate, targets.in_time],
      ['satisfaction', satisfaction?.rate, targets.satisfaction],
      ['answer', hotline?.answer_rate, targets.answer_rate],
      ['meeting', meeting?.rate, meeting?.target],
    ];
    return {
      visits: { labels, datasets: byPoint('visits') },
      incidents: { labels, datasets: byPoint('incidents') },
      refusals: {
        labels: reasons.map((r) => code('screeningReason', r)),
        datasets: [{ label: t('dashboard.refusals'), data: reasons.map((r) => refusals[r] || 0), backgroundColor: PALETTE[1] }],
      },
      rates: {
        labels: rates.map(([name]) => t(`dashboard.rate.${name}`)),
        datasets: [
          {
            label: t('dashboard.actual'),
            data: rates.map(([, rate]) => (rate === null || rate === undefined ? 0 : Math.round(rate * 1000) / 10)),
            backgroundColor: PALETTE[0],
          },
          {
            label: t('dashboard.target'),
            data: rates.map(([, , target]) => (target === null || target === undefined ? 0 : Math.round(target * 1000) / 10)),
            backgroundColor: '#c8c8c8',
          },
        ],
      },
    };
  }, [data, days.join(), getLang()]);

  const counts = { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
  const stacked = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } };
  const tiles = [
    ['visits', visits],
    ['checkedOut', sumDaily(all, 'checked_out')],
    ['refused', sumDaily(all, 'refused')],
    ['incidents', sumDaily(all, 'incidents')],
    ['inTime', percent(complaints.rate)],
    ['satisfaction', percent(satisfaction?.rate)],
    ['answer', percent(hotline?.answer_rate)],
    ['meeting', percent(meeting?.rate)],
  ];
  return (
    <>
      <div class="tiles" data-testid="figures">
        {tiles.map(([name, value]) => (
          <div class="tile" key={name} data-figure={name}>
            <span class="tile-value">{value}</span>
            <span class="tile-label">{t(`dashboard.tile.${name}`)}</span>
          </div>
        ))}
      </div>
      <div class="chart-grid">
        <Panel title={t('dashboard.visitsPerDay')}>
          <ChartView name="visits" type="bar" data={charts.visits} options={stacked} label={t('dashboard.visitsPerDay')} />
        </Panel>
        <Panel title={t('dashboard.refusals')}>
          <ChartView name="refusals" type="bar" data={charts.refusals} options={counts} label={t('dashboard.refusals')} />
          {!Object.keys(refusals).length && <p class="muted">{t('dashboard.noRefusals')}</p>}
        </Panel>
        <Panel title={t('dashboard.incidents')}>
          <ChartView name="incidents" type="bar" data={charts.incidents} options={stacked} label={t('dashboard.incidents')} />
        </Panel>
        <Panel title={t('dashboard.rates')}>
          <ChartView
            name="rates"
            type="bar"
            data={charts.rates}
            options={{ indexAxis: 'y', scales: { x: { min: 0, max: 100 } } }}
            label={t('dashboard.rates')}
          />
        </Panel>
      </div>
      <Panel title={scope === 'city' ? t('dashboard.perPoint') : t('dashboard.thisPoint')}>
        <div class="table-wrap">
          <table class="table" data-testid="point-table">
            <thead>
              <tr>
                <th>{t('common.point')}</th>
                <th>{t('dashboard.tile.visits')}</th>
                <th>{t('dashboard.tile.refused')}</th>
                <th>{t('dashboard.tile.incidents')}</th>
                <th>{t('dashboard.tile.inTime')}</th>
                <th>{t('dashboard.tile.satisfaction')}</th>
                <th>{t('dashboard.tile.meeting')}</th>
              </tr>
            </thead>
            <tbody>
              {perPoint.map((p) => (
                <tr key={p.point.id} data-point-id={p.point.id}>
                  <td>{p.point.name}</td>
                  <td data-figure="visits">{sumDaily(p.daily, 'visits')}</td>
                  <td>{sumDaily(p.daily, 'refused')}</td>
                  <td>{sumDaily(p.daily, 'incidents')}</td>
                  <td>{percent(inTime(p.monthly).rate)}</td>
                  <td>{percent(p.satisfaction?.rate)}</td>
                  <td>{percent(p.meeting?.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </>
  );
}

function Reports({ months, scope }) {
  const action = useAction();
  const point = scope === 'city' ? undefined : scope;
  function fetchReport(month, format) {
    const name = `complaints-${month}-${point || 'city'}.${format}`;
    action.run(() => download('/reports/monthly', { month, format, service_point_id: point }, name));
  }
  return (
    <Panel title={t('dashboard.reports')}>
      <ul class="reports" data-testid="reports">
        {months.map((month) => (
          <li key={month}>
            <span>{t('dashboard.reportOf', { month })}</span>
            <a href={`#download-${month}-csv`} onClick={(e) => (e.preventDefault(), fetchReport(month, 'csv'))} data-format="csv">
              CSV
            </a>
            <a href={`#download-${month}-xlsx`} onClick={(e) => (e.preventDefault(), fetchReport(month, 'xlsx'))} data-format="xlsx">
              Excel
            </a>
          </li>
        ))}
      </ul>
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}
