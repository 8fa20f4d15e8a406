import { englishReason, fillPlaceholders, type IssueMessage, type IssueMessageKey } from '../../../core/issues/messages';
import type { Language } from '../language';
import { issuesDe } from './de';
import { issuesEs } from './es';
import { issuesPl } from './pl';

export { issuesDe, issuesEs, issuesPl };

/** The translated issue sentences; English comes from the engine's own catalog (`ISSUE_MESSAGES`). */
export const ISSUE_TRANSLATIONS: Readonly<Record<Exclude<Language, 'en'>, Readonly<Record<IssueMessageKey, string>>>> = {
  de: issuesDe,
  es: issuesEs,
  pl: issuesPl,
};

/**
 * An issue message in `language`, its values carried over unchanged.
 * @example issueMessageText('de', { key: 'fx.noRate', params: { currency: 'CHF' } }) // "kein Wechselkurs für CHF"
 */
export function issueMessageText(language: Language, message: IssueMessage): string {
  if (language === 'en') return englishReason(message);
  return fillPlaceholders(ISSUE_TRANSLATIONS[language][message.key], message.params);
}
