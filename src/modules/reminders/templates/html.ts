/** Small helpers shared by the reminder emails: escaping and a plain HTML table readable in every mail client. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export interface Cell {
  /** Text, escaped when rendered. */
  text: string;
  href?: string;
  align?: 'left' | 'center' | 'right';
  nowrap?: boolean;
}

const CELL_STYLE = 'border:1px solid #999;padding:4px 6px;vertical-align:top';

export function htmlTable(headers: string[], rows: Cell[][]): string {
  const head = headers
    .map((h) => `<th style="${CELL_STYLE};background:#eef2f7;text-align:center">${escapeHtml(h)}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        '<tr>' +
        row
          .map((c) => {
            const style = `${CELL_STYLE};text-align:${c.align ?? 'left'}${c.nowrap ? ';white-space:nowrap' : ''}`;
            const content = c.href ? `<a href="${escapeHtml(c.href)}">${escapeHtml(c.text)}</a>` : escapeHtml(c.text);
            return `<td style="${style}">${content}</td>`;
          })
          .join('') +
        '</tr>',
    )
    .join('');
  return `<table style="border-collapse:collapse;font-size:14px" cellspacing="0" cellpadding="0"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A full HTML document around `body` (UTF-8, Times New Roman like the province's documents). */
export function htmlDocument(title: string, body: string): string {
  return (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:'Times New Roman',Times,serif;font-size:15px;color:#111">${body}</body></html>`
  );
}

export function paragraph(html: string, style = ''): string {
  return `<p${style ? ` style="${style}"` : ''}>${html}</p>`;
}
