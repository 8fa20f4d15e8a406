/**
 * Everything the sheet builders share for one run: the translator, the resolved number
 * formats of the report language and currency, and the header lines every sheet repeats.
 */
import type { DayNumber } from '../../core/periods/dayNumber';
import type { ReportCalendar } from '../../core/periods/reportCalendar';
import { numberFormat, type FormatContext } from '../formats';
import { monthName, translator, type Translate } from '../i18n/catalog';
import type { Language } from '../i18n/language';
import { formatDay } from './formatDay';
import { padded, withSuffix } from './formatCode';
import type { ReportInput, ReportOptions } from './reportInput';

/** Resolved Excel format codes of one report. */
export interface ReportFormats {
  readonly money: string;
  readonly moneyWhole: string;
  /** Money with a `*` after the number: a quota the engine derived (SPEC §3). */
  readonly moneyDerived: string;
  /** Money, percent and integer with room after the number (see `padded`), before a text column. */
  readonly moneyPadded: string;
  readonly percentPadded: string;
  readonly integerPadded: string;
  readonly percent: string;
  readonly percentChange: string;
  readonly rate: string;
  readonly integer: string;
  readonly date: string;
}

export interface ReportContext {
  readonly language: Language;
  readonly t: Translate;
  /** Reporting currency, or null when the data named none. */
  readonly currency: string | null;
  readonly formats: ReportFormats;
  readonly calendar: ReportCalendar;
  readonly reviewAfter: number;
  /** Title-block lines under each sheet's title: as-of date, currency, fiscal start; source. */
  readonly subtitles: readonly string[];
  /** A day as the report language writes it (the catalog's date format). */
  readonly day: (day: DayNumber) => string;
}

/** The context of one report: language, formats and title lines. */
export function reportContext(input: ReportInput, options: ReportOptions): ReportContext {
  const language = options.language;
  const t = translator(language);
  const currency = options.currency === undefined ? input.intake.currency : options.currency;
  const fc: FormatContext = { currency: currency ?? undefined, language };
  const money = numberFormat('money', fc);
  const date = t('format.date');
  const calendar = input.analysis.calendar;
  const day = (d: DayNumber): string => formatDay(d, date);
  const month = monthName(language, calendar.fiscalStart);
  const subtitles = [
    currency === null
      ? t('subtitle.asOfNoCurrency', { date: day(calendar.asOf), month })
      : t('subtitle.asOf', { date: day(calendar.asOf), currency, month }),
  ];
  if (options.sourceLabel !== undefined && options.sourceLabel !== '') subtitles.push(t('subtitle.source', { source: options.sourceLabel }));
  return {
    language,
    t,
    currency,
    formats: {
      money,
      moneyWhole: numberFormat('moneyWhole', fc),
      moneyDerived: withSuffix(money, '*'),
      moneyPadded: padded(money),
      percentPadded: padded(numberFormat('percent', fc)),
      integerPadded: padded(numberFormat('integer', fc)),
      percent: numberFormat('percent', fc),
      percentChange: numberFormat('percentChange', fc),
      rate: numberFormat('rate', fc),
      integer: numberFormat('integer', fc),
      date,
    },
    calendar,
    reviewAfter: options.reviewAfter ?? 2,
    subtitles,
    day,
  };
}
