/**
 * Every sentence the engine can give as an issue's reason, keyed (STYLE.md: one message catalog,
 * as hyperformula's `error-message.ts`). The engine renders an issue's English `reason` from the
 * entry here, and the report catalogs (src/reports/i18n/issues) translate the same key, so the
 * English text and its translations cannot drift apart.
 *
 * `{name}` is a placeholder filled from the message's params: values from the user's data (a
 * currency, a name, a row, a year …) that every language carries over unchanged. A sentence that
 * the engine builds from parts (a date reason with "(dates in this column are read as …)") has one
 * key per combination, so that translators always see whole sentences.
 */
export const ISSUE_MESSAGES = {
  // Any field
  'cell.excelError': 'the cell holds the Excel error {error}',
  'cell.invalidDate': 'the cell holds an invalid date',
  'value.notANumber': 'not a number',
  'value.notAnAmount': 'not an amount',
  'name.noTransactions': '{name} has no accepted transactions',

  // Account, manager, product, id
  'text.notFinite': 'not a finite number',
  'text.logical': '{value} is a logical value, not a name',
  'account.missing': 'the account is missing',
  'manager.missing': 'the manager is missing',

  // Dates
  'date.missing': 'the date is missing',
  'date.logical': '{value} is a logical value, not a date',
  'date.numberOutOfRange': "the number is outside Excel's date range (serial 1 = 1900-01-01 to 2958465 = 9999-12-31)",
  'date.serialOutOfRange': "the serial number {serial} is outside Excel's date range (serial 1 = 1900-01-01 to 2958465 = 9999-12-31)",
  'date.yearOutOfRange': "the year {year} is outside Excel's date range (serial 1 = 1900-01-01 to 2958465 = 9999-12-31)",
  'date.serial60': 'serial 60 is 29 February 1900, a day that does not exist (a known Excel quirk)',
  'date.noSuchMonth': 'not a real calendar date: month {month} does not exist',
  'date.noSuchMonth.dmy': 'not a real calendar date: month {month} does not exist (dates in this column are read as day/month/year)',
  'date.noSuchMonth.mdy': 'not a real calendar date: month {month} does not exist (dates in this column are read as month/day/year)',
  'date.noSuchMonth.yyyymmdd': 'not a real calendar date: month {month} does not exist (read as YYYYMMDD)',
  'date.noSuchDay': 'not a real calendar date: there is no day {day} in month {month} of {year}',
  'date.noSuchDay.dmy': 'not a real calendar date: there is no day {day} in month {month} of {year} (dates in this column are read as day/month/year)',
  'date.noSuchDay.mdy': 'not a real calendar date: there is no day {day} in month {month} of {year} (dates in this column are read as month/day/year)',
  'date.noSuchDay.yyyymmdd': 'not a real calendar date: there is no day {day} in month {month} of {year} (read as YYYYMMDD)',
  'date.twoDigitYear': 'the two-digit year "{year}" is ambiguous: write the year with four digits',
  'date.fourDigitYear': 'the year must have four digits',
  'date.yearOnly': 'a year alone is not a date',
  'date.unrecognised': 'not a date in a recognised format (for example 2026-03-31, 31.03.2026 or 31/03/2026)',

  // Amounts
  'amount.missing': 'the amount is missing',
  'amount.logical': '{value} is a logical value, not an amount',
  'amount.date': 'a date is not an amount',
  'amount.dash': 'a dash is not an amount',
  'amount.percent': 'a percentage is not an amount',
  'amount.tooLarge': 'the amount is too large to hold exactly (more than 90 trillion)',
  'amount.convertedTooLarge': 'the converted amount is too large to hold exactly (more than 90 trillion)',
  'amount.scale': 'a scale such as "k" or "Mio." is not supported: write the full amount',
  'amount.parentheses': 'the parentheses do not match',
  'amount.sign': 'more than one sign: use either a minus or parentheses',
  'amount.mixedGroups': 'spaces and apostrophes are mixed as thousands separators',
  'amount.separators': 'too many kinds of separators',
  'amount.decimalTwice': 'the decimal separator "{separator}" occurs more than once',
  'amount.groupAfterDecimal': 'a thousands separator after the decimal separator',
  'amount.grouping': 'digit groups after a thousands separator must have three digits',
  'amount.groupingHint':
    'digit groups after a thousands separator must have three digits (if "{separator}" is the decimal separator here, set the decimal separator to "{separator}")',

  // Currencies and exchange rates
  'currency.invalid': 'not a three-letter currency code such as EUR, USD or PLN',
  'currency.missing': 'the currency is missing',
  'fx.noRate': 'no exchange rate for {currency}',
  'fx.rateMissing': 'the rate is missing',
  'fx.rateNotPositive': 'an exchange rate must be greater than zero',
  'fx.duplicate': 'a second, different rate for {currency}; the first one (row {row}) is used',

  // Settings tables: a required column not found
  'column.missing.manager': 'no manager column; headers found: {headers}',
  'column.missing.manager.noHeaders': 'no manager column; headers found: (none)',
  'column.missing.period': 'no period column; headers found: {headers}',
  'column.missing.period.noHeaders': 'no period column; headers found: (none)',
  'column.missing.quota': 'no quota column; headers found: {headers}',
  'column.missing.quota.noHeaders': 'no quota column; headers found: (none)',
  'column.missing.account': 'no account column; headers found: {headers}',
  'column.missing.account.noHeaders': 'no account column; headers found: (none)',
  'column.missing.target': 'no target column; headers found: {headers}',
  'column.missing.target.noHeaders': 'no target column; headers found: (none)',

  // Quotas
  'quotas.managerMissing': 'no manager on this quota line',
  'quotas.periodUnparseable': 'not a period: write e.g. 2026-Q1, Q1 2026, FY2027-Q3 or 2026',
  'quotas.negative': 'a quota cannot be negative; the line is not used',
  'quotas.unknownManager': '{name} has no accepted transactions; the quota is still used',
  'quotas.duplicate': 'second quota for {name}, {period}; the first one (row {row}) is used',
  'quotas.annualMismatch': "{name}'s {period} quota differs from the sum of its four quarterly quotas; each is used as given",

  // Key accounts and account targets
  'keyAccounts.duplicate': 'listed again (first in row {row})',
  'targets.accountMissing': 'no account on this target line',
  'targets.negative': 'a target cannot be negative; the line is not used',
  'targets.duplicate': 'second target for {account}; the first one (row {row}) is used',
  'targets.duplicateProduct': 'second target for {account}, {product}; the first one (row {row}) is used',

  // Commission plan: either source
  'plan.unknownSetting': 'unknown setting "{name}"; known: {known}',
  'plan.period': '{name} must be quarter or year',
  'plan.basis': '{name} must be attainment or revenue',
  'plan.method': '{name} must be marginal or retroactive',
  'plan.amount': '{name} must be an amount',

  // Commission plan: JSON (`{name}` is the JSON path, e.g. `tiers[2].from`)
  'plan.json.invalid': 'not valid JSON: {detail}',
  'plan.json.notObject': 'a plan is a JSON object with period, basis, method, tiers …',
  'plan.json.notList': '{name} must be a list',
  'plan.json.tierShape': 'a tier is {shape}',
  'plan.json.unknownTierField': 'unknown tier field "{name}"',
  'plan.json.bonusShape': 'a bonus is {shape}',
  'plan.json.unknownBonusField': 'unknown bonus field "{name}"',
  'plan.json.tierStart': '{name} must be a fraction of quota (0.5) or a percentage ("50%")',
  'plan.json.rate': '{name} must be a fraction (0.05) or a percentage ("5%")',
  'plan.json.bonusThreshold': '{name} must be an attainment fraction (1) or a percentage ("100%")',
  'plan.json.capAttainment': '{name} must be an attainment fraction (2) or a percentage ("200%")',

  // Commission plan: sheet (`{name}` is the column header or setting label)
  'plan.sheet.duplicateSetting': '{name} is set twice; first in row {first} (row {row} is not used)',
  'plan.sheet.tierStart': '{name} must be a percentage of quota such as 50%',
  'plan.sheet.rate': '{name} must be a percentage such as 5%',
  'plan.sheet.bonusThreshold': '{name} must be an attainment percentage such as 100%',
  'plan.sheet.capAttainment': '{name} must be an attainment percentage such as 200%, or none',
  'plan.sheet.capAmount': '{name} must be an amount, or none',

  // Commission plan: rules (SPEC §5)
  'plan.noTiers': 'the plan has no tiers (From | Rate)',
  'plan.firstTierNotZero': 'the first tier must start at 0',
  'plan.tiersNotAscending': 'tier starts must ascend: {value} is not above {previous}',
  'plan.implausibleTierStart': 'a tier start of {value} means {value}00 %; write 50% or 0.5 for 50 %',
  'plan.implausibleCap': 'an attainment cap of {value} means {value}00 %; write 50% or 0.5 for 50 %',
  'plan.implausibleThreshold': 'a bonus threshold of {value} means {value}00 %; write 50% or 0.5 for 50 %',
  'plan.negativeRate': 'a rate cannot be negative',
  'plan.rateTooHigh': 'rate {value} means more than 100 %; write 5% or 0.05 for 5 %',
  'plan.capNotPositive': 'the attainment cap must be above 0',
  'plan.capAmountNegative': 'the commission cap cannot be negative',
  'plan.thresholdNegative': 'a bonus threshold cannot be negative',
  'plan.bonusNegative': 'a bonus cannot be negative',
} as const;

/** The key of an issue sentence. */
export type IssueMessageKey = keyof typeof ISSUE_MESSAGES;

/** Values that fill the `{name}` placeholders of a sentence. */
export type IssueMessageParams = Readonly<Record<string, string | number>>;

/** An issue's reason as data: which sentence, and the values it carries. */
export interface IssueMessage {
  readonly key: IssueMessageKey;
  readonly params: IssueMessageParams;
}

/** The placeholder names of a template, e.g. `'currency'` for `'no exchange rate for {currency}'`. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The params a key needs: none, or exactly its placeholders. */
type ParamsOf<K extends IssueMessageKey> = [Placeholders<(typeof ISSUE_MESSAGES)[K]>] extends [never]
  ? []
  : [params: Readonly<Record<Placeholders<(typeof ISSUE_MESSAGES)[K]>, string | number>>];

const NO_PARAMS: IssueMessageParams = Object.freeze({});

/**
 * An issue message; the compiler checks that `params` fills exactly the sentence's placeholders.
 * @example issueMessage('fx.noRate', { currency: 'PLN' }) // { key: 'fx.noRate', params: { currency: 'PLN' } }
 * @example issueMessage('amount.dash') // { key: 'amount.dash', params: {} }
 */
export function issueMessage<K extends IssueMessageKey>(key: K, ...params: ParamsOf<K>): IssueMessage {
  return { key, params: params[0] ?? NO_PARAMS };
}

/**
 * Fills the `{name}` placeholders of a template; a placeholder without a value stays visible.
 * @example fillPlaceholders('no exchange rate for {currency}', { currency: 'PLN' }) // "no exchange rate for PLN"
 */
export function fillPlaceholders(template: string, params: IssueMessageParams): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/**
 * The English sentence of a message: the `reason` of the issue it belongs to.
 * @example englishReason(issueMessage('fx.noRate', { currency: 'PLN' })) // "no exchange rate for PLN"
 */
export function englishReason(message: IssueMessage): string {
  return fillPlaceholders(ISSUE_MESSAGES[message.key], message.params);
}
