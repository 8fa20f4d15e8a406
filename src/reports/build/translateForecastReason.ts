/**
 * The forecast engine explains its choice of method in English sentences built from a few
 * fixed parts (`src/core/forecast/projectYear.ts`): a lead naming the months of history (and
 * the method when the user chose one), one of seven explanations, and a note when the row has
 * no revenue yet. This recognises exactly those parts and says them in the report language;
 * a sentence it does not recognise is returned unchanged, so a new engine text shows in
 * English rather than wrongly.
 */
import { translator, type MessageKey } from '../i18n/catalog';
import type { Language } from '../i18n/language';

const WHAT: readonly (readonly [RegExp, MessageKey])[] = [
  [/^exponential smoothing needs at least 2 whole months; run rate instead$/, 'reason.fc.etsTooShort'],
  [/^exponential smoothing \(ETS\) with a (\d+)-month season$/, 'reason.fc.etsSeasonal'],
  [/^exponential smoothing \(ETS\) with a trend but no season \(a season needs (\d+) months\)$/, 'reason.fc.etsTrend'],
  [/^last fiscal year is not fully in the data, so no seasonal pattern; run rate instead$/, 'reason.fc.noLastYear'],
  [/^revenue in the same period last year is not positive; run rate instead$/, 'reason.fc.lastYearNotPositive'],
  [/^this year to date × last year's total \/ last year's same period \(seasonal\)$/, 'reason.fc.seasonal'],
  [/^run rate \(year to date × days in the year \/ days elapsed\)$/, 'reason.fc.runRate'],
];

const CHOSEN: Readonly<Record<string, MessageKey>> = { ETS: 'method.ets', Seasonal: 'method.seasonal', 'Run rate': 'method.runRate' };

/**
 * The engine's forecast reason in `language` (English text is returned as it is).
 * @example translateForecastReason('31 months of history: exponential smoothing (ETS) with a 12-month season', 'de')
 * // "Monate Historie: 31; exponentielle Glättung (ETS) mit 12-Monats-Saison"
 */
export function translateForecastReason(reason: string, language: Language): string {
  if (language === 'en') return reason;
  const t = translator(language);
  const noRevenue = reason.endsWith(' (no revenue yet)');
  const body = noRevenue ? reason.slice(0, -' (no revenue yet)'.length) : reason;
  const lead = /^(\d+) months? of history: (.*)$/.exec(body) ?? null;
  const chosen = lead === null ? /^(ETS|Seasonal|Run rate) chosen in the settings \((\d+) months? of history\): (.*)$/.exec(body) : null;
  let intro: string;
  let what: string;
  if (lead !== null) {
    intro = t('reason.fc.history', { months: lead[1] ?? '' });
    what = lead[2] ?? '';
  } else if (chosen !== null) {
    const key = CHOSEN[chosen[1] ?? ''];
    if (key === undefined) return reason;
    intro = t('reason.fc.chosen', { method: t(key), months: chosen[2] ?? '' });
    what = chosen[3] ?? '';
  } else {
    return reason;
  }
  for (const [pattern, key] of WHAT) {
    const m = pattern.exec(what);
    if (m === null) continue;
    const text = `${intro}; ${t(key, { n: m[1] ?? '' })}`;
    return noRevenue ? `${text} ${t('reason.fc.noRevenue')}` : text;
  }
  return reason;
}
