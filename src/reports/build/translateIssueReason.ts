/**
 * Issue reasons in the report language. Every issue the engine makes carries its reason as data
 * (`Issue.message`: the key of a sentence in `ISSUE_MESSAGES` and the values it holds), so a reason
 * is translated by its key, never by matching English text; values such as a currency, a name or a
 * row number are carried over unchanged. An issue without a message (made outside the engine)
 * keeps its English reason.
 */
import type { Issue } from '../../core/issues/issue';
import { issueMessageText } from '../i18n/issues';
import type { Language } from '../i18n/language';

/**
 * The reason of an issue in `language`; in English, and without a message, its `reason` as it is.
 * @example translateIssueReason({ reason: 'no exchange rate for CHF', message: { key: 'fx.noRate', params: { currency: 'CHF' } } }, 'de') // "kein Wechselkurs für CHF"
 */
export function translateIssueReason(issue: Pick<Issue, 'reason' | 'message'>, language: Language): string {
  if (language === 'en' || issue.message === undefined) return issue.reason;
  return issueMessageText(language, issue.message);
}
