import { translateIssueReason } from '../../../src/reports/build';
import { englishReason, issueMessage, type IssueMessage } from '../../../src/core/issues/messages';
import { LANGUAGES } from '../../../src/reports/i18n/language';
import { messyIssues, type IssueMakers } from '../../core/issues/messyInputs';
import * as core from '../../../src/core';

const withReason = (message: IssueMessage) => ({ reason: englishReason(message), message });

describe('translateIssueReason', () => {
  it('says every reason the engine makes in de, es and pl, and leaves English as it is', () => {
    const engine = core as unknown as IssueMakers;
    for (const issue of messyIssues(engine)) {
      expect(translateIssueReason(issue, 'en')).toBe(issue.reason);
      for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
        const text = translateIssueReason(issue, lang);
        expect([issue.reason, text]).not.toEqual([issue.reason, issue.reason]);
        expect(text).not.toMatch(/\{\w+\}/); // every placeholder filled
      }
    }
  });

  it('carries the values over', () => {
    expect(translateIssueReason(withReason(issueMessage('fx.noRate', { currency: 'CHF' })), 'de')).toBe('kein Wechselkurs für CHF');
    expect(translateIssueReason(withReason(issueMessage('cell.excelError', { error: '#DIV/0!' })), 'pl')).toBe('komórka zawiera błąd Excela #DIV/0!');
    expect(translateIssueReason(withReason(issueMessage('date.noSuchDay.dmy', { day: 31, month: 2, year: 2025 })), 'es')).toBe(
      'no es una fecha real: el mes 2 de 2025 no tiene día 31 (las fechas de esta columna se leen como día/mes/año)',
    );
    expect(translateIssueReason(withReason(issueMessage('quotas.unknownManager', { name: 'Zoë {1}' })), 'de')).toBe(
      'Zoë {1} hat keine verwendeten Buchungen; die Quote wird trotzdem verwendet',
    );
  });

  it('keeps the English reason of an issue without a message (not made by the engine)', () => {
    expect(translateIssueReason({ reason: 'rate must be a percentage' }, 'pl')).toBe('rate must be a percentage');
    expect(translateIssueReason({ reason: 'not a number' }, 'de')).toBe('not a number');
  });
});
