/** File names of downloads: an ASCII fallback and the Vietnamese name (RFC 5987 / RFC 6266). */

/** Strips the marks: "Phụ lục báo cáo Quý II năm 2024" → "Phu luc bao cao Quy II nam 2024". */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** A safe ASCII name: "Phụ lục báo cáo Quý II năm 2024" → "Phu-luc-bao-cao-Quy-II-nam-2024". */
export function asciiFileName(title: string): string {
  return (
    stripDiacritics(title)
      .replace(/[^A-Za-z0-9.]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'bao-cao'
  );
}

/** RFC 5987 / RFC 6266: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot) : '';
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const fallback = `${asciiFileName(base)}${ext}`;
  const encoded = encodeURIComponent(fileName.normalize('NFC')).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
