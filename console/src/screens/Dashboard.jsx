// City dashboard (城市看板): a period's figures for the city or one point, each panel from
// one report call that the services count in their stores (never one call per point and
// day), the points' table to sort and pick from, and the monthly reports to download.
// Until every call has answered nothing is shown as a total; a failed call shows an error.
import { useMemo, useState } from 'preact/hooks';
import { download, get } from '../api.js';
import { ChartView, PALETTE } from '../charts.jsx';
import { code, getLang, t } from '../i18n.js';
import { addDays, byName, dayText, daysFrom, localDate, monthsFrom, monthText, percent, shortDay } from '../util.js';
import { can, Field, Panel, ProblemBox, useAction, useLoad } from '../ui.jsx';

const MAX_DAYS = 62;
const TOP_POINTS = 5;
const REASONS = ['INFECTIOUS_DISEASE', 'ALCOHOL', 'MENTAL_STATE', 'BLOOD_PRESSURE_DANGER', 'OTHER'];
const OTHERS_COLOUR = '#9aa5b1';

/** What the user may see here, from the operations the gateway lets them call. */
function panelsFor(config) {
  return {
    visits: can(config, 'GET /visits/figures') && can(config, 'GET /visits/figures/points'),
    complaints: can(config, 'GET /stats/points'),
    hotline: can(config, 'GET /stats/hotline'),
    meeting: can(config, 'GET /follow-ups/meeting-rate/points'),
    reports: can(config, 'GET /reports/monthly'),
    settlement: can(config, 'GET /reports/settlement'),
  };
}

export function Dashboard({ points, config, session }) {
  const today = localDate(new Date(), config.timezone);
  const [period, setPeriod] = useState({ from: addDays(today, -6), to: today, round: 0 });
  const [scope, setScope] = useState(session.service_point_id || 'city');
  const [draft, setDraft] = useState(period);
  const panels = panelsFor(config);
  const figures = useLoad(async () => {
    const point = scope === 'city' ? undefined : scope;
    const range = { from: period.from, to: period.to };
    const own = { ...range, service_point_id: point };
    // One call per panel, all at once; any failure fails the whole load.
    const [daily, byPoint, complaints, hotline, meeting] = await Promise.all([
      panels.visits ? get('/visits/figures', own) : null,
      panels.visits ? get('/visits/figures/points', own) : null,
      panels.complaints ? get('/stats/points', own) : null,
      panels.hotline ? get('/stats/hotline', range) : null,
      panels.meeting ? get('/follow-ups/meeting-rate/points', own) : null,
    ]);
    return { period: range, scope, daily, byPoint, complaints, hotline, meeting };
  }, [scope, period.from, period.to, period.round]);

  const badPeriod = !draft.from || !draft.to || draft.from > draft.to || daysFrom(draft.from, draft.to).length > MAX_DAYS;
  function apply(event) {
    event.preventDefault();
    if (!badPeriod) setPeriod({ from: draft.from, to: draft.to, round: period.round + 1 });
  }
  const sorted = useMemo(() => [...points].sort(byName), [points]);

  return (
    <div class="screen dashboard">
      <form class="toolbar" onSubmit={apply} data-testid="period-form">
        <Field label={t('dashboard.scope')}>
          <select
            data-testid="scope"
            value={scope}
            disabled={Boolean(session.service_point_id)}
            onChange={(e) => setScope(e.currentTarget.value)}
          >
            <option value="city">{t('dashboard.city')}</option>
            {sorted.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('dashboard.from')}>
          <input type="date" name="from" value={draft.from} max={today} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
        </Field>
        <Field label={t('dashboard.to')}>
          <input type="date" name="to" value={draft.to} max={today} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
        </Field>
        <button type="submit" class="primary" disabled={badPeriod || figures.loading}>
          {t('dashboard.show')}
        </button>
        {badPeriod && <span class="error-text">{t('dashboard.badPeriod', { days: MAX_DAYS })}</span>}
      </form>
      {figures.loading && (
        <p class="notice loading-figures" role="status" data-testid="figures-loading">
          {t('dashboard.loading', { from: dayText(period.from, getLang()), to: dayText(period.to, getLang()) })}
        </p>
      )}
      {!figures.loading && figures.problem && (
        <div data-testid="figures-failed">
          <ProblemBox problem={figures.problem} />
          <p class="notice">{t('dashboard.failed')}</p>
          <button type="button" class="primary" onClick={figures.reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!figures.loading && !figures.problem && figures.data && (
        <Figures data={figures.data} points={points} panels={panels} onPick={setScope} />
      )}
      {panels.reports && <Reports months={monthsFrom(period.from, period.to)} scope={scope} points={points} />}
      {panels.settlement && (
        <Reports months={monthsFrom(period.from, period.to)} scope={scope} points={points} kind="settlement" />
      )}
    </div>
  );
}

function Figures({ data, points, panels, onPick }) {
  const lang = getLang();
  const { daily, byPoint, complaints, hotline, meeting } = data;
  const days = daysFrom(data.period.from, data.period.to);
  const city = data.scope === 'city';
  const visits = daily?.totals || null;
  const rates = [
    ['inTime', complaints?.totals.in_time_rate, complaints?.targets.in_time, panels.complaints],
    ['satisfaction', complaints?.totals.satisfaction_rate, complaints?.targets.satisfaction, panels.complaints],
    ['answer', hotline?.answer_rate, complaints?.targets.answer_rate, panels.hotline],
    ['meeting', meeting?.totals.rate, meeting?.target, panels.meeting],
  ].filter(([, , , shown]) => shown);
  const tiles = [
    ...(panels.visits
      ? [['visits', visits.visits], ['checkedOut', visits.checked_out], ['refused', visits.refused], ['incidents', visits.incidents]]
      : []),
    ...rates.map(([name, rate]) => [name, percent(rate)]),
  ];

  const charts = useMemo(() => {
    const labels = days.map((day) => shortDay(day, lang));
    const out = {};
    if (panels.visits) {
      out.visits = { labels, datasets: stackedByPoint(byPoint.points, days, points, 'visits') };
      out.incidents = {
        labels,
        datasets: [{
          label: t('dashboard.incidents'),
          data: days.map((day) => daily.days.find((d) => d.date === day)?.incidents || 0),
          backgroundColor: PALETTE[3],
        }],
      };
      const counted = visits.refusals_by_reason || {};
      const reasons = [...REASONS, ...Object.keys(counted).filter((r) => !REASONS.includes(r))];
      out.refusals = {
        labels: reasons.map((r) => twoLines(code('screeningReason', r))),
        datasets: [{ label: t('dashboard.refusals'), data: reasons.map((r) => counted[r] || 0), backgroundColor: PALETTE[1] }],
      };
    }
    if (rates.length) {
      const asPercent = (rate) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);
      out.rates = {
        labels: rates.map(([name, rate]) => (rate === null || rate === undefined
          ? t('dashboard.rateNoData', { rate: t(`dashboard.rate.${name}`) })
          : t(`dashboard.rate.${name}`))),
        datasets: [
          { label: t('dashboard.actual'), data: rates.map(([, rate]) => asPercent(rate)), backgroundColor: PALETTE[0] },
          { label: t('dashboard.target'), data: rates.map(([, , target]) => asPercent(target)), backgroundColor: '#c8c8c8' },
        ],
      };
    }
    return out;
  }, [data, lang]);

  const axis = dayAxis(days.length);
  const stacked = {
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
    scales: { x: { stacked: true, ticks: axis }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
  };
  const perDay = { plugins: { legend: { display: false } }, scales: { x: { ticks: axis }, y: { beginAtZero: true, ticks: { precision: 0 } } } };
  const horizontal = { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } };
  return (
    <>
      <div class="tiles" data-testid="figures" data-from={data.period.from} data-to={data.period.to}>
        {tiles.map(([name, value]) => (
          <div class="tile" key={name} data-figure={name}>
            <span class="tile-value">{value}</span>
            <span class="tile-label">{t(`dashboard.tile.${name}`)}</span>
          </div>
        ))}
      </div>
      <div class="chart-grid">
        {panels.visits && (
          <Panel title={t('dashboard.visitsPerDay')}>
            <ChartView name="visits" type="bar" data={charts.visits} options={stacked} label={t('dashboard.visitsPerDay')} />
            {city && byPoint.points.length > TOP_POINTS && <p class="muted">{t('dashboard.topPoints', { count: TOP_POINTS })}</p>}
          </Panel>
        )}
        {panels.visits && (
          <Panel title={t('dashboard.refusals')}>
            <ChartView name="refusals" type="bar" data={charts.refusals} options={horizontal} label={t('dashboard.refusals')} />
            {!visits.refused && <p class="muted">{t('dashboard.noRefusals')}</p>}
          </Panel>
        )}
        {panels.visits && (
          <Panel title={t('dashboard.incidents')}>
            <ChartView name="incidents" type="bar" data={charts.incidents} options={perDay} label={t('dashboard.incidents')} />
          </Panel>
        )}
        {rates.length > 0 && (
          <Panel title={t('dashboard.rates')}>
            <ChartView
              name="rates"
              type="bar"
              data={charts.rates}
              options={{ indexAxis: 'y', plugins: { legend: { position: 'bottom' } }, scales: { x: { min: 0, max: 100 } } }}
              label={t('dashboard.rates')}
            />
            {panels.hotline && <p class="muted">{t('dashboard.hotlineCityWide')}</p>}
          </Panel>
        )}
      </div>
      <PointTable data={data} points={points} panels={panels} onPick={onPick} />
    </>
  );
}

/** A long label on two lines, at its first colon or comma (Chart.js draws an array as lines). */
function twoLines(label) {
  const at = label.search(/[：:，,]/);
  return at > 0 ? [label.slice(0, at + 1), label.slice(at + 1).trim()] : label;
}

/** Per-day labels that stay readable: about ten of them, the period's last day always. */
function dayAxis(count) {
  const step = Math.max(1, Math.ceil(count / 10));
  return {
    autoSkip: false,
    maxRotation: 0,
    callback(value, index) {
      const last = count - 1;
      if (index === last) return this.getLabelForValue(value);
      if (index % step === 0 && last - index >= Math.ceil(step / 2)) return this.getLabelForValue(value);
      return '';
    },
  };
}

/** The busiest points each as a series, the rest as one "others" series. */
function stackedByPoint(rows, days, points, field) {
  const names = new Map(points.map((p) => [p.id, p.name]));
  const busiest = [...rows].sort((a, b) => b[field] - a[field]).filter((row) => row[field] > 0);
  const top = busiest.slice(0, TOP_POINTS);
  const rest = busiest.slice(TOP_POINTS);
  const series = (list) => days.map((day) => list.reduce((sum, row) => sum + (row.days.find((d) => d.date === day)?.[field] || 0), 0));
  const sets = top.map((row, i) => ({
    label: names.get(row.service_point_id) || t('dashboard.unknownPoint'),
    data: series([row]),
    backgroundColor: PALETTE[i % PALETTE.length],
  }));
  if (rest.length) {
    sets.push({ label: t('dashboard.others', { count: rest.length }), data: series(rest), backgroundColor: OTHERS_COLOUR });
  }
  if (!sets.length) sets.push({ label: t('dashboard.tile.visits'), data: days.map(() => 0), backgroundColor: PALETTE[0] });
  return sets;
}

const COLUMNS = [
  ['name', 'common.point'],
  ['visits', 'dashboard.tile.visits'],
  ['refused', 'dashboard.tile.refused'],
  ['incidents', 'dashboard.tile.incidents'],
  ['inTime', 'dashboard.tile.inTime'],
  ['satisfaction', 'dashboard.tile.satisfaction'],
  ['meeting', 'dashboard.tile.meeting'],
];

/** Every point of the scope, sortable by any column, filtered by name; a name opens the point. */
function PointTable({ data, points, panels, onPick }) {
  const [sort, setSort] = useState({ key: 'visits', descending: true });
  const [filter, setFilter] = useState('');
  const city = data.scope === 'city';
  const index = (list, key = 'service_point_id') => new Map((list || []).map((row) => [row[key], row]));
  const visits = index(data.byPoint?.points);
  const complaints = index(data.complaints?.points);
  const meeting = index(data.meeting?.points);
  const shown = city ? points : points.filter((p) => p.id === data.scope);
  const rows = shown
    .map((p) => ({
      id: p.id,
      name: p.name,
      visits: visits.get(p.id)?.visits ?? 0,
      refused: visits.get(p.id)?.refused ?? 0,
      incidents: visits.get(p.id)?.incidents ?? 0,
      inTime: complaints.get(p.id)?.in_time_rate ?? null,
      satisfaction: complaints.get(p.id)?.satisfaction_rate ?? null,
      meeting: meeting.get(p.id)?.rate ?? null,
    }))
    .filter((row) => !filter || row.name.includes(filter.trim()));
  const order = sort.descending ? -1 : 1;
  rows.sort((a, b) => {
    if (sort.key === 'name') return order * a.name.localeCompare(b.name, 'zh-CN');
    const [x, y] = [a[sort.key], b[sort.key]];
    if (x === y) return a.name.localeCompare(b.name, 'zh-CN');
    if (x === null) return 1; // no data sorts last either way
    if (y === null) return -1;
    return order * (x - y);
  });
  const columns = COLUMNS.filter(([key]) =>
    key === 'name' || (['visits', 'refused', 'incidents'].includes(key) ? panels.visits : key === 'meeting' ? panels.meeting : panels.complaints));
  const cell = (row, key) => (['inTime', 'satisfaction', 'meeting'].includes(key) ? percent(row[key]) : row[key]);
  return (
    <Panel title={city ? t('dashboard.perPoint', { count: shown.length }) : t('dashboard.thisPoint')}>
      {city && (
        <Field label={t('dashboard.filter')}>
          <input data-testid="point-filter" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} placeholder={t('dashboard.filterHint')} />
        </Field>
      )}
      <div class="table-wrap">
        <table class="table" data-testid="point-table">
          <thead>
            <tr>
              {columns.map(([key, label]) => (
                <th key={key} aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button
                    type="button"
                    class="sort"
                    data-sort={key}
                    onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : key !== 'name' })}
                  >
                    {t(label)} {sort.key === key ? (sort.descending ? '▼' : '▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-point-id={row.id}>
                {columns.map(([key]) => (
                  <td key={key} data-figure={key}>
                    {key === 'name' && city ? (
                      <button type="button" class="link" onClick={() => onPick(row.id)}>
                        {row.name}
                      </button>
                    ) : (
                      cell(row, key)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

/** The monthly complaint reports, or (kind "settlement") the monthly settlement of the
 * visits by who pays for them, to download for each month of the period. */
function Reports({ months, scope, points, kind = 'complaints' }) {
  const action = useAction();
  const point = scope === 'city' ? undefined : scope;
  const lang = getLang();
  const where = point ? points.find((p) => p.id === point)?.name || '' : t('dashboard.city');
  const settlement = kind === 'settlement';
  function fetchReport(month, format) {
    const name = `${t(settlement ? 'dashboard.settlementFile' : 'dashboard.reportFile')}-${month}-${where}.${format}`;
    action.run(() =>
      settlement
        ? download('/reports/settlement', { month, format, service_point_id: point }, name)
        : download('/reports/monthly', { month, format, service_point_id: point, lang: lang === 'en' ? 'en' : 'zh-CN' }, name),
    );
  }
  return (
    <Panel title={t(settlement ? 'dashboard.settlement' : 'dashboard.reports')}>
      <ul class="reports" data-testid={settlement ? 'settlement' : 'reports'}>
        {months.map((month) => (
          <li key={month}>
            <span>{t(settlement ? 'dashboard.settlementOf' : 'dashboard.reportOf', { month: monthText(month, lang) })}</span>
            <button type="button" onClick={() => fetchReport(month, 'csv')} data-format="csv">
              {t('dashboard.csv')}
            </button>
            <button type="button" onClick={() => fetchReport(month, 'xlsx')} data-format="xlsx">
              {t('dashboard.excel')}
            </button>
          </li>
        ))}
      </ul>
      <ProblemBox problem={action.problem} />
    </Panel>
  );
}
