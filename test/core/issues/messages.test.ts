import { intake } from '../../../src/core/intake/intake';
import { parseFxTable } from '../../../src/core/intake/parseFxTable';
import { parseQuotaTable } from '../../../src/core/quotas/parseQuotaTable';
import { parseKeyAccounts, resolveKeyAccounts } from '../../../src/core/concentration/keyAccounts';
import { parseAccountTargets, resolveAccountTargets } from '../../../src/core/accounts/accountTargets';
import { parsePlanGrid } from '../../../src/core/commission/parsePlanGrid';
import { parsePlanJson } from '../../../src/core/commission/parsePlanJson';
import { englishReason, issueMessage, ISSUE_MESSAGES, type IssueMessageKey } from '../../../src/core/issues/messages';
import { missingColumnMessage } from '../../../src/core/issues/missingColumnMessage';
import { messyIssues, type IssueMakers } from './messyInputs';

const ENGINE = {
  intake,
  parseFxTable,
  parseQuotaTable,
  parseKeyAccounts,
  resolveKeyAccounts,
  parseAccountTargets,
  resolveAccountTargets,
  parsePlanGrid,
  parsePlanJson,
} as unknown as IssueMakers;

/**
 * Code and English reason of every issue the messy inputs make, as the engine wrote them before
 * issues carried message keys (taken by running messyInputs.ts through that build of src/core):
 * the reasons rendered from ISSUE_MESSAGES must be exactly these, since SPEC §9's `--json` prints them.
 */
const BEFORE: readonly (readonly [code: string, reason: string])[] = [
  ['date.missing', 'the date is missing'],
  ['date.unparseable', 'TRUE is a logical value, not a date'],
  ['cell.error', 'the cell holds the Excel error #N/A'],
  ['date.outOfRange', "the number is outside Excel's date range (serial 1 = 1900-01-01 to 2958465 = 9999-12-31)"],
  ['date.outOfRange', "the serial number 3000000 is outside Excel's date range (serial 1 = 1900-01-01 to 2958465 = 9999-12-31)"],
  ['date.outOfRange', "the year 1850 is outside Excel's date range (serial 1 = 1900-01-01 to 2958465 = 9999-12-31)"],
  ['date.serial60', 'serial 60 is 29 February 1900, a day that does not exist (a known Excel quirk)'],
  ['date.invalid', 'the cell holds an invalid date'],
  ['date.invalid', 'not a real calendar date: month 13 does not exist'],
  ['date.invalid', 'not a real calendar date: month 13 does not exist (dates in this column are read as day/month/year)'],
  ['date.invalid', 'not a real calendar date: there is no day 31 in month 2 of 2026 (dates in this column are read as day/month/year)'],
  ['date.invalid', 'not a real calendar date: month 13 does not exist (read as YYYYMMDD)'],
  ['date.invalid', 'not a real calendar date: there is no day 31 in month 2 of 2026 (read as YYYYMMDD)'],
  ['date.invalid', 'not a real calendar date: there is no day 31 in month 2 of 2026'],
  ['date.shortYear', 'the two-digit year "26" is ambiguous: write the year with four digits'],
  ['date.shortYear', 'the year must have four digits'],
  ['date.yearOnly', 'a year alone is not a date'],
  ['date.unparseable', 'not a date in a recognised format (for example 2026-03-31, 31.03.2026 or 31/03/2026)'],
  ['account.invalid', 'not a finite number'],
  ['account.invalid', 'FALSE is a logical value, not a name'],
  ['account.invalid', 'the cell holds an invalid date'],
  ['account.missing', 'the account is missing'],
  ['manager.missing', 'the manager is missing'],
  ['amount.missing', 'the amount is missing'],
  ['amount.unparseable', 'TRUE is a logical value, not an amount'],
  ['amount.unparseable', 'a date is not an amount'],
  ['amount.dash', 'a dash is not an amount'],
  ['amount.unparseable', 'not a number'],
  ['amount.unparseable', 'a percentage is not an amount'],
  ['amount.tooLarge', 'the amount is too large to hold exactly (more than 90 trillion)'],
  ['amount.scaleSuffix', 'a scale such as "k" or "Mio." is not supported: write the full amount'],
  ['amount.unparseable', 'the parentheses do not match'],
  ['amount.sign', 'more than one sign: use either a minus or parentheses'],
  ['amount.separators', 'spaces and apostrophes are mixed as thousands separators'],
  ['amount.separators', 'too many kinds of separators'],
  ['amount.separators', 'the decimal separator "." occurs more than once'],
  ['amount.separators', 'a thousands separator after the decimal separator'],
  ['amount.grouping', 'digit groups after a thousands separator must have three digits'],
  ['amount.grouping', 'digit groups after a thousands separator must have three digits (if "," is the decimal separator here, set the decimal separator to ",")'],
  ['currency.invalid', 'not a three-letter currency code such as EUR, USD or PLN'],
  ['fx.noRate', 'no exchange rate for CHF'],
  ['amount.tooLarge', 'the converted amount is too large to hold exactly (more than 90 trillion)'],
  ['cell.error', 'the cell holds the Excel error #REF!'],
  ['date.invalid', 'not a real calendar date: month 13 does not exist (dates in this column are read as month/day/year)'],
  ['date.invalid', 'not a real calendar date: there is no day 31 in month 2 of 2026 (dates in this column are read as month/day/year)'],
  ['fx.currencyMissing', 'the currency is missing'],
  ['currency.invalid', 'not a three-letter currency code such as EUR, USD or PLN'],
  ['cell.error', 'the cell holds the Excel error #DIV/0!'],
  ['fx.rateInvalid', 'the rate is missing'],
  ['fx.rateInvalid', 'not a number'],
  ['fx.rateInvalid', 'an exchange rate must be greater than zero'],
  ['fx.duplicate', 'a second, different rate for USD; the first one (row 8) is used'],
  ['quotas.managerMissing', 'no manager on this quota line'],
  ['quotas.periodUnparseable', 'not a period: write e.g. 2026-Q1, Q1 2026, FY2027-Q3 or 2026'],
  ['quotas.amountUnparseable', 'not an amount'],
  ['quotas.negative', 'a quota cannot be negative; the line is not used'],
  ['quotas.unknownManager', 'Zoe has no accepted transactions; the quota is still used'],
  ['quotas.duplicate', 'second quota for Ann, 2026-Q1; the first one (row 7) is used'],
  ['quotas.annualMismatch', "Ann's 2026 quota differs from the sum of its four quarterly quotas; each is used as given"],
  ['quotas.missingColumn', 'no period column; headers found: Manager, Notes'],
  ['quotas.missingColumn', 'no quota column; headers found: Manager, Notes'],
  ['quotas.missingColumn', 'no manager column; headers found: Who, Period, Quota'],
  ['keyAccounts.duplicate', 'listed again (first in row 2)'],
  ['keyAccounts.unknown', 'Nobody has no accepted transactions'],
  ['keyAccounts.missingColumn', 'no account column; headers found: Foo, Bar'],
  ['targets.accountMissing', 'no account on this target line'],
  ['targets.amountUnparseable', 'not an amount'],
  ['targets.negative', 'a target cannot be negative; the line is not used'],
  ['targets.duplicate', 'second target for Acme; the first one (row 5) is used'],
  ['targets.duplicate', 'second target for Acme, Widget; the first one (row 7) is used'],
  ['targets.unknownAccount', 'Nobody has no accepted transactions'],
  ['targets.unknownProduct', 'Gizmo has no accepted transactions'],
  ['targets.missingColumn', 'no account column; headers found: Foo, Bar'],
  ['targets.missingColumn', 'no target column; headers found: Foo, Bar'],
  ['plan.unknownSetting', 'unknown setting "Colour"; known: Period, Basis, Method, Cap attainment, Cap amount'],
  ['plan.duplicateSetting', 'Period is set twice; first in row 2 (row 6 is not used)'],
  ['plan.badValue', 'Period must be quarter or year'],
  ['plan.badValue', 'Basis must be attainment or revenue'],
  ['plan.badValue', 'Method must be marginal or retroactive'],
  ['plan.badValue', 'From must be a percentage of quota such as 50%'],
  ['plan.badValue', 'Rate must be a percentage such as 5%'],
  ['plan.badValue', 'Threshold must be an attainment percentage such as 100%'],
  ['plan.badValue', 'Bonus must be an amount'],
  ['plan.badValue', 'Cap attainment must be an attainment percentage such as 200%, or none'],
  ['plan.badValue', 'Cap amount must be an amount, or none'],
  ['plan.firstTierNotZero', 'the first tier must start at 0'],
  ['plan.tiersNotAscending', 'tier starts must ascend: 3% is not above 5%'],
  ['plan.negativeRate', 'a rate cannot be negative'],
  ['plan.implausiblePercent', 'a tier start of 20 means 2000 %; write 50% or 0.5 for 50 %'],
  ['plan.rateTooHigh', 'rate 2 means more than 100 %; write 5% or 0.05 for 5 %'],
  ['plan.implausiblePercent', 'an attainment cap of 20 means 2000 %; write 50% or 0.5 for 50 %'],
  ['plan.badValue', 'the commission cap cannot be negative'],
  ['plan.badValue', 'a bonus threshold cannot be negative'],
  ['plan.implausiblePercent', 'a bonus threshold of 50 means 5000 %; write 50% or 0.5 for 50 %'],
  ['plan.badValue', 'a bonus cannot be negative'],
  ['plan.noTiers', 'the plan has no tiers (From | Rate)'],
  ['plan.badValue', 'From must be an amount'],
  ['plan.notJson', `not valid JSON: Unexpected token 'o', "not json" is not valid JSON`],
  ['plan.notJson', 'a plan is a JSON object with period, basis, method, tiers …'],
  ['plan.unknownSetting', 'unknown setting "colour"; known: period, basis, method, tiers, capAttainment, capAmount, bonuses'],
  ['plan.badValue', 'period must be quarter or year'],
  ['plan.badValue', 'basis must be attainment or revenue'],
  ['plan.badValue', 'method must be marginal or retroactive'],
  ['plan.badValue', 'tiers must be a list'],
  ['plan.badValue', 'a tier is { "from": …, "rate": … }'],
  ['plan.unknownSetting', 'unknown tier field "extra"'],
  ['plan.badValue', 'tiers[1].from must be a fraction of quota (0.5) or a percentage ("50%")'],
  ['plan.badValue', 'tiers[1].rate must be a fraction (0.05) or a percentage ("5%")'],
  ['plan.badValue', 'a bonus is { "threshold": …, "amount": … }'],
  ['plan.unknownSetting', 'unknown bonus field "more"'],
  ['plan.badValue', 'bonuses[1].threshold must be an attainment fraction (1) or a percentage ("100%")'],
  ['plan.badValue', 'bonuses[1].amount must be an amount'],
  ['plan.badValue', 'capAttainment must be an attainment fraction (2) or a percentage ("200%")'],
  ['plan.badValue', 'tiers[0].from must be an amount'],
  ['plan.badValue', 'the attainment cap must be above 0'],
];

/** Sentences no input can reach: a header row always has some text. */
const UNREACHABLE: readonly IssueMessageKey[] = [
  'column.missing.manager.noHeaders',
  'column.missing.period.noHeaders',
  'column.missing.quota.noHeaders',
  'column.missing.account.noHeaders',
  'column.missing.target.noHeaders',
];

describe('issue messages', () => {
  const issues = messyIssues(ENGINE);

  it('every issue the engine makes carries a message key', () => {
    const without = issues.filter((i) => i.message === undefined || !(i.message.key in ISSUE_MESSAGES));
    expect(without).toEqual([]);
  });

  it('renders the English reasons exactly as the engine wrote them before', () => {
    expect(issues.map((i) => [i.code, i.reason])).toEqual(BEFORE);
  });

  it('the reason is the English sentence of the message, every placeholder filled', () => {
    for (const i of issues) {
      expect(i.message && englishReason(i.message)).toBe(i.reason);
      expect(i.reason).not.toMatch(/\{\w+\}/);
    }
  });

  it('every sentence of the catalog is made by some input', () => {
    const made = new Set(issues.map((i) => i.message?.key));
    const missed = (Object.keys(ISSUE_MESSAGES) as IssueMessageKey[]).filter((k) => !made.has(k) && !UNREACHABLE.includes(k));
    expect(missed).toEqual([]);
  });

  it('says which headers it found, or that it found none', () => {
    expect(englishReason(missingColumnMessage('quota', ['Manager', '', 'Notes']))).toBe('no quota column; headers found: Manager, Notes');
    expect(englishReason(missingColumnMessage('target', ['', '']))).toBe('no target column; headers found: (none)');
    for (const key of UNREACHABLE) {
      const field = key.split('.')[2] as 'manager' | 'period' | 'quota' | 'account' | 'target';
      expect(missingColumnMessage(field, [])).toEqual({ key, params: {} });
    }
  });

  it('fills placeholders from params and leaves an unknown one visible', () => {
    expect(englishReason(issueMessage('fx.noRate', { currency: 'PLN' }))).toBe('no exchange rate for PLN');
    expect(englishReason(issueMessage('plan.implausibleCap', { value: '20' }))).toBe('an attainment cap of 20 means 2000 %; write 50% or 0.5 for 50 %');
    expect(englishReason({ key: 'fx.noRate', params: {} })).toBe('no exchange rate for {currency}');
  });
});
