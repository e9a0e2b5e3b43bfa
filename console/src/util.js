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

/** A day as people write it: 2026年12月1日 in Chinese, 2026-12-01 in English. */
export function dayText(isoDate, lang) {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-').map(Number);
  return lang === 'en' ? isoDate : `${y}年${m}月${d}日`;
}

/** A short day for chart axes: 12月1日 / 12-01. */
export function shortDay(isoDate, lang) {
  const [, m, d] = isoDate.split('-').map(Number);
  return lang === 'en' ? isoDate.slice(5) : `${m}月${d}日`;
}

export function monthText(month, lang) {
  const [y, m] = month.split('-').map(Number);
  return lang === 'en' ? month : `${y}年${m}月`;
}

export function dateTime(iso, timeZone, lang) {
  if (!iso) return '';
  const when = new Date(iso);
  return `${dayText(localDate(when, timeZone), lang)} ${clockTime(iso, timeZone)}`;
}

/** Whole minutes since `iso` (never negative). */
export function minutesSince(iso, now) {
  return Math.max(0, (now - new Date(iso).getTime()) / 60000);
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

/** A phone number as typed (138-0000-1111, 0571 8888 1234) without its separators. */
export function plainPhone(text) {
  return (text || '').replace(/[\s\-()（）]/g, '');
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** What an 18-character resident ID number says: its birth date and gender, and whether
 * its check character is right (GB 11643); null for anything that is not one. */
export function readIdNumber(text) {
  const value = (text || '').trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return null;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const day = new Date(`${birth}T00:00:00Z`);
  const real = !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === birth;
  return {
    birth_date: real ? birth : null,
    gender: Number(value[16]) % 2 ? 'male' : 'female',
    checks: ID_CHECK[sum % 11] === value[17],
  };
}

/** Age in whole years on `today` (both YYYY-MM-DD). */
export function ageOn(birthDate, today) {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Sorts by a Chinese-aware collation (names of points and people). */
export const byName = (a, b) => (a.name || '').localeCompare(b.name || '', 'zh-CN');
