/**
 * Issue reasons are plain English sentences made by the engine (SPEC §1.3); each has a stable
 * code. This says the common ones in the report language: a reason is translated only when its
 * text matches the known English sentence for its code exactly (values such as a currency or a
 * day are carried over), so an engine sentence that changes shows in English, never wrongly.
 * Reasons not listed here stay English (see the report notes in docs/).
 */
import type { Issue } from '../../core/issues/issue';
import { translator, type MessageKey, type MessageParams } from '../i18n/catalog';
import type { Language } from '../i18n/language';

type Rule = readonly [code: RegExp, text: RegExp, key: MessageKey, params?: (m: RegExpExecArray) => MessageParams];

const FIELD_MISSING: Readonly<Record<string, MessageKey>> = {
  date: 'reason.missing.date',
  account: 'reason.missing.account',
  manager: 'reason.missing.manager',
  amount: 'reason.missing.amount',
  currency: 'reason.missing.currency',
  product: 'reason.missing.product',
  id: 'reason.missing.id',
};

const READ_AS: Readonly<Record<string, MessageKey>> = {
  ' (dates in this column are read as day/month/year)': 'reason.readAs.dmy',
  ' (dates in this column are read as month/day/year)': 'reason.readAs.mdy',
  ' (read as YYYYMMDD)': 'reason.readAs.yyyymmdd',
};

const RULES: readonly Rule[] = [
  [/^amount\.unparseable$/, /^not a number$/, 'reason.notANumber'],
  [/^amount\.unparseable$/, /^a percentage is not an amount$/, 'reason.percentNotAmount'],
  [/^amount\.unparseable$/, /^a date is not an amount$/, 'reason.dateNotAmount'],
  [/^amount\.unparseable$/, /^the parentheses do not match$/, 'reason.parentheses'],
  [/^amount\.dash$/, /^a dash is not an amount$/, 'reason.dash'],
  [/^amount\.tooLarge$/, /^the (?:converted )?amount is too large to hold exactly \(more than 90 trillion\)$/, 'reason.tooLarge'],
  [/^amount\.scaleSuffix$/, /^a scale such as "k" or "Mio\." is not supported: write the full amount$/, 'reason.scaleSuffix'],
  [/^amount\.sign$/, /^more than one sign: use either a minus or parentheses$/, 'reason.sign'],
  [/^amount\.separators$/, /^too many kinds of separators$/, 'reason.separators'],
  [/^cell\.error$/, /^the cell holds the Excel error (#[A-Z0-9/!?]+)$/, 'reason.excelError', (m) => ({ error: m[1] ?? '' })],
  [/^fx\.noRate$/, /^no exchange rate for (.+)$/, 'reason.noRate', (m) => ({ currency: m[1] ?? '' })],
  [/^currency\.invalid$/, /^not a three-letter currency code such as EUR, USD or PLN$/, 'reason.currencyInvalid'],
  [/^date\.unparseable$/, /^not a date in a recognised format \(for example 2026-03-31, 31\.03\.2026 or 31\/03\/2026\)$/, 'reason.dateFormat'],
  [/^date\.yearOnly$/, /^a year alone is not a date$/, 'reason.yearOnly'],
  [/^date\.shortYear$/, /^the year must have four digits$/, 'reason.fourDigitYear'],
  [/^date\.shortYear$/, /^the two-digit year "(\d+)" is ambiguous: write the year with four digits$/, 'reason.twoDigitYear', (m) => ({ year: m[1] ?? '' })],
  [/^date\.serial60$/, /^serial 60 is 29 February 1900, a day that does not exist \(a known Excel quirk\)$/, 'reason.serial60'],
  [/\.unknown(?:Account|Product)?$/, /^(.+) has no accepted transactions$/, 'reason.noTransactions', (m) => ({ name: m[1] ?? '' })],
  [/^quotas\.unknownManager$/, /^(.+) has no accepted transactions; the quota is still used$/, 'reason.quotaWithoutTransactions', (m) => ({ name: m[1] ?? '' })],
];

/**
 * The reason of an issue in `language`; English, and reasons without a translation, unchanged.
 * @example translateIssueReason({ code: 'fx.noRate', reason: 'no exchange rate for CHF', … }, 'de') // "kein Wechselkurs für CHF"
 */
export function translateIssueReason(issue: Pick<Issue, 'code' | 'reason'>, language: Language): string {
  if (language === 'en') return issue.reason;
  const t = translator(language);
  const missing = /^the (date|account|manager|amount|currency|product|id) is missing$/.exec(issue.reason);
  if (missing !== null) {
    const key = FIELD_MISSING[missing[1] ?? ''];
    if (key !== undefined) return t(key);
  }
  const invalidDate = /^not a real calendar date: (?:there is no day (\d+) in month (\d+) of (\d+)|month (\d+) does not exist)(.*)$/.exec(issue.reason);
  if (issue.code === 'date.invalid' && invalidDate !== null) {
    const suffix = invalidDate[5] ?? '';
    const readAs = suffix === '' ? '' : READ_AS[suffix];
    if (readAs !== undefined) {
      const why = invalidDate[4] !== undefined
        ? t('reason.noMonth', { month: invalidDate[4] })
        : t('reason.noDay', { day: invalidDate[1] ?? '', month: invalidDate[2] ?? '', year: invalidDate[3] ?? '' });
      return readAs === '' ? why : `${why} ${t(readAs)}`;
    }
  }
  for (const [code, text, key, params] of RULES) {
    if (!code.test(issue.code)) continue;
    const m = text.exec(issue.reason);
    if (m !== null) return t(key, params?.(m));
  }
  return issue.reason;
}
