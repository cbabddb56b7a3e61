import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { DEMO_PASSWORD } from 'src/core/config/configuration';

export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn's score 3: "safely unguessable" (about 10^8 guesses). */
const MIN_SCORE = 3;

/**
 * zxcvbn-ts with its common and English dictionaries, built at the first check: they are ~23 MB of
 * heap (word → rank maps), which an API process that never sees a new password would hold from
 * start to end. The first check pays a few hundred milliseconds to build it; later checks reuse it.
 */
let estimator: Promise<ZxcvbnFactory> | undefined;
function strengthEstimator(): Promise<ZxcvbnFactory> {
  return (estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      // Off: it costs about a second per check on the full dictionaries, on the request path.
      useLevenshteinDistance: false,
    });
  })());
}

/** zxcvbn's warning keys (it returns the key when no translation is given) → why, in Vietnamese. */
const WHY: Record<string, string> = {
  straightRow: 'là một hàng phím liền nhau trên bàn phím',
  keyPattern: 'là một mẫu gõ phím dễ đoán',
  simpleRepeat: 'chỉ lặp lại một ký tự',
  extendedRepeat: 'lặp lại một nhóm ký tự',
  sequences: 'là một dãy ký tự liên tiếp (như 1234567890 hay abcdef)',
  recentYears: 'chứa năm gần đây, dễ đoán',
  dates: 'chứa ngày tháng, dễ đoán',
  topTen: 'nằm trong 10 mật khẩu phổ biến nhất',
  topHundred: 'nằm trong 100 mật khẩu phổ biến nhất',
  common: 'là mật khẩu phổ biến',
  similarToCommon: 'gần giống một mật khẩu phổ biến',
  wordByItself: 'chỉ là một từ đơn, dễ đoán',
  namesByThemselves: 'chỉ là tên riêng, dễ đoán',
  commonNames: 'là tên phổ biến, dễ đoán',
  userInputs: 'chứa thông tin của chính tài khoản',
};

/**
 * Why a password is refused, in Vietnamese, or null when it is strong enough: at least 10
 * characters, not the account's email (or its name part), not the demo password, and hard to
 * guess by zxcvbn-ts's estimate (common-password lists, keyboard rows, repeats, sequences, dates).
 */
export async function passwordProblem(
  password: string,
  account: { email?: string | null; fullName?: string | null } = {},
): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (!password.trim()) return 'Mật khẩu không được chỉ gồm khoảng trắng';
  if (password === DEMO_PASSWORD) return 'Mật khẩu không được là mật khẩu mẫu của bản trình diễn';
  const email = account.email?.trim().toLowerCase();
  const lower = password.toLowerCase();
  const local = email?.split('@')[0];
  if (email && (lower.includes(email) || (local && local.length >= 4 && lower.includes(local))))
    return 'Mật khẩu không được chứa địa chỉ email của tài khoản';
  const inputs = [email, local, account.fullName, DEMO_PASSWORD, 'nhiemvu'].filter((v): v is string => !!v);
  const result = (await strengthEstimator()).check(password.slice(0, 100), inputs);
  if (result.score >= MIN_SCORE) return null;
  const why = (result.feedback.warning && WHY[result.feedback.warning]) || 'quá dễ đoán';
  return `Mật khẩu quá yếu: ${why}. Hãy dùng cụm từ dài hơn, gồm nhiều từ không liên quan đến nhau`;
}
