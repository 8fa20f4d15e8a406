import { shiftLeft, toText, type ExactDecimal } from '../../core/commission/exactDecimal';
import type { Language } from '../i18n/language';

/**
 * An exact fraction as percentage text in running prose, without float noise (1.15 → 115,
 * never 114.99999999999999): English `115%`, German, Spanish and Polish `112,5 %` (decimal
 * comma, a no-break space before the sign, as each language writes it).
 * @example percentText({ digits: 2n, scale: 0 }, 'en') // "200%"
 * @example percentText({ digits: 1125n, scale: 3 }, 'de') // "112,5 %"
 */
export function percentText(fraction: ExactDecimal, language: Language): string {
  const digits = toText(shiftLeft(fraction, 2));
  return language === 'en' ? `${digits}%` : `${digits.replace('.', ',')}\u00A0%`;
}
