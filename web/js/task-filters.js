// @ts-check
// The task list's URL ⇄ the query of GET /api/tasks (no DOM: the list, saved views, the dashboard's
// drill-down links and the tests that check a figure against its list all read URLs the same way).

export const OPEN = ['new', 'in_progress', 'submitted'];
/** URL keys that are passed to GET /api/tasks as they are. */
const PLAIN = ['programId', 'timeliness', 'asOf', 'dueFrom', 'dueTo', 'assignedFrom', 'assignedTo', 'notDoneBefore', 'submitted', 'q', 'kind', 'origin', 'leaderInCharge', 'sourceDocument'];

/** URL → the query of GET /api/tasks. `status`: open (default) | all | statuses, comma-separated; `role`: lead | involving. */
export function apiQueryOf(params) {
  const q = {};
  for (const k of PLAIN) if (params.get(k)) q[k] = params.get(k);
  if (params.get('agencyId')) q[params.get('role') === 'involving' ? 'involvingAgencyId' : 'agencyId'] = params.get('agencyId');
  const status = params.get('status') || 'open';
  if (status === 'open') q.status = OPEN;
  else if (status !== 'all') q.status = status.split(',');
  q.sort = params.get('sort') || 'dueDate';
  return q;
}

/** The query of GET /api/tasks (a saved view) → the page's URL. */
export function urlOf(query) {
  const p = new URLSearchParams();
  for (const k of PLAIN) if (query[k] != null && query[k] !== '') p.set(k, String(query[k]));
  if (query.agencyId) p.set('agencyId', String(query.agencyId));
  if (query.involvingAgencyId) {
    p.set('agencyId', String(query.involvingAgencyId));
    p.set('role', 'involving');
  }
  const status = query.status == null ? [] : [].concat(query.status);
  if (!status.length) p.set('status', 'all');
  else if (status.length === OPEN.length && OPEN.every((s) => status.includes(s))) p.set('status', 'open');
  else p.set('status', status.join(','));
  if (query.sort) p.set('sort', query.sort);
  return `/app/tasks?${p}`;
}

/** Whether a URL asks for a filtered list (a link from a figure, a saved view) rather than an agency user's tabs. */
export function hasListFilters(params) {
  return !params.get('tab') && (PLAIN.some((k) => k !== 'q' && params.get(k)) || !!params.get('status') || !!params.get('agencyId'));
}
