// Elders by id, shared by the screens that show a point's day: the point's list once,
// then any other elder seen there by id. Forgotten when the user changes.
import { useEffect, useState } from 'preact/hooks';
import { all, get } from './api.js';

const known = new Map();
const asked = new Set();
const pointLoads = new Map();
const listeners = new Set();

function changed() {
  listeners.forEach((listener) => listener());
}

/** Keeps a fresher copy (after an assessment, a signature, a registration). */
export function remember(elder) {
  known.set(elder.id, elder);
  changed();
}

export function forgetElders() {
  known.clear();
  asked.clear();
  pointLoads.clear();
}

function loadPoint(pointId) {
  if (!pointLoads.has(pointId)) {
    const load = all('/elders', { service_point_id: pointId })
      .then((items) => {
        items.forEach((elder) => known.set(elder.id, elder));
        changed();
      })
      .catch(() => pointLoads.delete(pointId));
    pointLoads.set(pointId, load);
  }
  return pointLoads.get(pointId);
}

/** The elders known so far (a Map by id), loading the point's and any of `ids` missing. */
export function useElders(pointId, ids) {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  const wanted = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    (pointId ? loadPoint(pointId) : Promise.resolve()).then(() => {
      wanted
        .split(',')
        .filter((id) => id && !known.has(id) && !asked.has(id))
        .forEach((id) => {
          asked.add(id);
          get(`/elders/${id}`).then(remember, () => asked.delete(id));
        });
    });
  }, [pointId, wanted]);
  return known;
}
