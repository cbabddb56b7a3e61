// @ts-check
// Dates as dd/mm/yyyy, instants in Asia/Ho_Chi_Minh, numbers and percentages the Vietnamese way
// (1.234; 88,1%). Calendar days from the API are 'YYYY-MM-DD' strings: no Date object, no zone.

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const NUMBER = new Intl.NumberFormat('vi-VN');
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date) {
  const out = {};
  for (const p of PARTS.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** '2024-06-30' → '30/06/2024'; null → '—'. */
export function formatDate(localDate) {
  if (!localDate) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(localDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(localDate);
}

/** An ISO instant → '30/06/2024 08:15' in Asia/Ho_Chi_Minh. */
export function formatDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = partsOf(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's calendar day in Asia/Ho_Chi_Minh as 'YYYY-MM-DD'. */
export function todayLocal(now = new Date()) {
  const p = partsOf(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 'd/m/yyyy' (also with '-' or '.') → 'YYYY-MM-DD'; '' → null; anything else → undefined (invalid). */
export function parseDate(text) {
  const s = String(text ?? '').trim();
  if (!s) return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  let y, mo, d;
  if (m) [, d, mo, y] = m.map(Number);
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [, y, mo, d] = m.map(Number);
  else return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 1234 → '1.234'. */
export function formatNumber(n) {
  return n == null ? '—' : NUMBER.format(n);
}

/** A fraction → '88,1%' (one decimal, comma); null → '—'. */
export function formatPercent(fraction) {
  if (fraction == null || Number.isNaN(fraction)) return '—';
  return `${(Math.round(fraction * 1000) / 10).toFixed(1).replace('.', ',')}%`;
}

/** 14210 → '13,9 KB'. */
export function formatBytes(n) {
  if (n == null) return '';
  if (n < 1024) return `${n} B`;
  const kb = n / 1024;
  if (kb < 1024) return `${kb.toFixed(1).replace('.', ',')} KB`;
  return `${(kb / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** Whole days from a to b ('YYYY-MM-DD'). */
export function daysBetween(a, b) {
  const t = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** The deadline note of a task as the office writes it: 'quá hạn 12 ngày', 'còn 3 ngày'. */
export function deadlineNote(task, today = todayLocal()) {
  if (task.timeliness === 'overdue') return `Quá hạn ${task.daysOverdue ?? daysBetween(task.effectiveDueDate, today)} ngày`;
  if (task.timeliness === 'late') return `Hoàn thành trễ ${task.daysOverdue} ngày`;
  if (task.timeliness === 'on_time') return 'Hoàn thành đúng hạn';
  if (!task.effectiveDueDate) return task.status === 'withdrawn' || task.status === 'deferred' ? '' : 'Thường xuyên';
  if (task.timeliness === 'due_soon' || task.timeliness === 'in_time') {
    const left = daysBetween(today, task.effectiveDueDate);
    return left === 0 ? 'Đến hạn hôm nay' : `Còn ${left} ngày`;
  }
  return '';
}
