// @ts-check
// The task list behind each figure of the appendix tables (dashboard, report preview): the list's URL
// filters (web/js/views/task-list.js → GET /api/tasks) that select exactly the tasks a figure counts,
// so the list's total equals the figure. The API applies the same SQL fragments as the report
// (src/modules/tasks/task-query.ts: assignedTo, notDoneBefore, submitted, the timeliness values).

/** Every status but withdrawn and deferred (xin rút, xin chuyển): what the appendix tables count. */
export const COUNTED = 'new,in_progress,submitted,done';

/** `/app/tasks?…` with the filters that have a value. */
export function listHref(filters) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  return `/app/tasks?${q}`;
}

function dayBefore(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Phụ lục II (tasks of kind task, assigned by `to`, not done before `from`, not withdrawn or
 * deferred), judged as of `asOf`: the list behind `figure` (a key of the figures: total, carriedOver,
 * assignedInPeriod, done, doneOnTime, doneLate, open, openInTime, openOverdue). `scope`: agencyId,
 * leaderInCharge.
 */
export function taskFigureHref({ from, to, asOf }, figure, scope = {}) {
  const base = { kind: 'task', assignedTo: to, notDoneBefore: from, status: COUNTED, asOf, ...scope, sort: 'dueDate' };
  const by = {
    total: {},
    carriedOver: { assignedTo: dayBefore(from) },
    assignedInPeriod: { assignedFrom: from },
    done: { timeliness: 'done' },
    doneOnTime: { timeliness: 'on_time' },
    doneLate: { timeliness: 'late' },
    open: { timeliness: 'not_done' },
    openInTime: { timeliness: 'not_overdue' },
    openOverdue: { timeliness: 'overdue' },
  }[figure];
  return by ? listHref({ ...base, ...by }) : null;
}

/**
 * Phụ lục I (proposals due in [from, to]), judged as of `asOf`: the list behind column `figure`
 * (initial, added, withdrawnOrDeferred, total, submitted, issued, notSubmitted).
 */
export function programItemFigureHref({ from, to, asOf }, figure, scope = {}) {
  const base = { kind: 'proposal', dueFrom: from, dueTo: to, asOf, ...scope, sort: 'dueDate' };
  const by = {
    initial: { origin: 'initial', status: 'all' },
    added: { origin: 'added', status: 'all' },
    withdrawnOrDeferred: { status: 'withdrawn,deferred' },
    total: { status: COUNTED },
    submitted: { submitted: 'true', status: 'all' },
    issued: { timeliness: 'done', status: 'all' },
    notSubmitted: { submitted: 'false', status: COUNTED },
  }[figure];
  return by ? listHref({ ...base, ...by }) : null;
}
