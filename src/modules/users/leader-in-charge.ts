import { foldVietnamese } from 'src/core/text/vietnamese';

/**
 * Whether a leader is the one a task's "lãnh đạo phụ trách" names: the leader's full name appears
 * in it, case and diacritics ignored ("Đ/c Nguyễn Văn A, Phó Chủ tịch UBND tỉnh" names "Nguyễn Văn A").
 */
export function isLeaderInCharge(leaderInCharge: string | null | undefined, fullName: string): boolean {
  const named = foldVietnamese(leaderInCharge ?? '');
  const name = foldVietnamese(fullName);
  return !!named && !!name && named.includes(name);
}
