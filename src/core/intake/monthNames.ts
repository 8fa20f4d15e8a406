/**
 * Month names and abbreviations in English, Spanish, German and Polish (nominative and the
 * genitive used in dates: "31 marca 2026"), folded to lower case without accents, ł → l.
 */
const NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'enero', 'ene', 'januar', 'janner', 'jaenner', 'styczen', 'stycznia', 'sty'],
  ['february', 'feb', 'febrero', 'februar', 'luty', 'lutego', 'lut'],
  ['march', 'mar', 'marzo', 'marz', 'maerz', 'mrz', 'marzec', 'marca'],
  ['april', 'apr', 'abril', 'abr', 'kwiecien', 'kwietnia', 'kwi'],
  ['may', 'mayo', 'mai', 'maj', 'maja'],
  ['june', 'jun', 'junio', 'juni', 'czerwiec', 'czerwca', 'cze'],
  ['july', 'jul', 'julio', 'juli', 'lipiec', 'lipca', 'lip'],
  ['august', 'aug', 'agosto', 'ago', 'sierpien', 'sierpnia', 'sie'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'wrzesien', 'wrzesnia', 'wrz'],
  ['october', 'oct', 'octubre', 'oktober', 'okt', 'pazdziernik', 'pazdziernika', 'paz'],
  ['november', 'nov', 'noviembre', 'listopad', 'listopada', 'lis'],
  ['december', 'dec', 'diciembre', 'dic', 'dezember', 'dez', 'grudzien', 'grudnia', 'gru'],
];

const MONTHS = new Map<string, number>();
NAMES.forEach((names, i) => names.forEach((name) => MONTHS.set(name, i + 1)));

/** Weekday names that may lead a date ("Tue, 31 Mar 2026") and are skipped. */
const WEEKDAYS = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
  'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
]);

/**
 * Folds a word for month lookup: lower case, accents stripped, ł → l.
 * @example foldWord('Październik') // "pazdziernik"
 */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ł/g, 'l');
}

/**
 * The month (1–12) a folded word names, or 0.
 * @example monthOfName('marca') // 3
 */
export function monthOfName(folded: string): number {
  return MONTHS.get(folded) ?? 0;
}

/**
 * True for a folded English weekday name or abbreviation.
 * @example isWeekdayName('tue') // true
 */
export function isWeekdayName(folded: string): boolean {
  return WEEKDAYS.has(folded);
}
