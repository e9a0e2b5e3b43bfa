// Dates and figures as the services count them: local days in the deployment's time zone.

export function localDate(when, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(when);
}

export function addDays(isoDate, days) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysFrom(first, last) {
  const days = [];
  for (let day = first; day <= last && days.length < 400; day = addDays(day, 1)) days.push(day);
  return days;
}

export function monthsFrom(first, last) {
  const months = [];
  for (let month = first.slice(0, 7); month <= last.slice(0, 7); ) {
    months.push(month);
    const [y, m] = month.split('-').map(Number);
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}

export function clockTime(iso, timeZone) {
  if (!iso) return '';
  return new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(iso),
  );
}

export function dateTime(iso, timeZone) {
  if (!iso) return '';
  const when = new Date(iso);
  return `${localDate(when, timeZone)} ${clockTime(iso, timeZone)}`;
}

/** Minutes and seconds since `iso`, as "mm:ss". */
export function elapsed(iso, now) {
  const seconds = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

export function minutesSince(iso, now) {
  return (now - new Date(iso).getTime()) / 60000;
}

export function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function splitList(text) {
  return text
    .split(/[,，、;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Runs `jobs` (functions returning promises) a few at a time; results keep their order. */
export async function inBatches(jobs, size = 6) {
  const results = new Array(jobs.length);
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, jobs.length) }, worker));
  return results;
}
