import type { RunOptions } from '../../app/runAnalysis';
import { mappingOverrides, type FieldMapping } from '../mapping/fieldMapping';
import type { RunSettings } from './runSettings';

/**
 * The engine's options for a run from the pane's settings and column mapping: what `index.tsx`
 * and the playground pass to `runAnalysis`. `auto` and empty settings are left out, so the
 * engine applies SPEC defaults (detected date order, most frequent currency, latest date …).
 * The report language is not an engine option; the report builder takes `settings.reportLanguage`.
 * @example runOptionsFor(defaultRunSettings(), mapping) // { fiscalStart: 1, forecast: 'auto', nearThreshold: 0.9, reviewAfter: 2, mapping: {…} }
 */
export function runOptionsFor(settings: RunSettings, mapping: FieldMapping): RunOptions {
  return {
    mapping: mappingOverrides(mapping),
    fiscalStart: settings.fiscalStart,
    forecast: settings.forecast,
    // Percent → fraction; /100 of a form number is the nearest double, as the CLI's 0.9.
    nearThreshold: settings.nearThresholdPercent / 100,
    reviewAfter: settings.reviewAfter,
    ...(settings.asOf !== '' && { asOf: settings.asOf }),
    ...(settings.currency !== '' && { currency: settings.currency }),
    ...(settings.decimal !== 'auto' && { decimal: settings.decimal }),
    ...(settings.dateOrder !== 'auto' && { dateOrder: settings.dateOrder }),
  };
}
