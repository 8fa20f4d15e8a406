import { projectRunRate, type RunRateInput } from './projectRunRate';
import { scaleCents } from './roundCents';

/** What the seasonal projection needs, in integer cents. */
export interface SeasonalInput extends RunRateInput {
  /** Revenue of the whole previous fiscal year. */
  readonly previousYearTotal: number;
  /**
   * Revenue of the previous fiscal year over the same span: its start to the as-of date one
   * year earlier (29 February → 28 February).
   */
  readonly previousSameSpan: number;
}

/** A seasonal projection, and whether it had to use the run rate instead. */
export interface SeasonalProjection {
  readonly projected: number;
  /** True when last year's same span was ≤ 0, so the run rate was used (SPEC §6). */
  readonly fellBack: boolean;
}

/**
 * Seasonal projection (SPEC §6): YTD × previous FY total / previous FY same span, in cents,
 * exact and rounded half away from zero; the run rate when the same span's revenue is ≤ 0.
 * @example
 * projectSeasonal({ ytd: 300_00, previousYearTotal: 1_200_00, previousSameSpan: 400_00,
 *   daysElapsed: 90, daysInYear: 365 }) // { projected: 900_00, fellBack: false }
 */
export function projectSeasonal(input: SeasonalInput): SeasonalProjection {
  if (input.previousSameSpan <= 0) return { projected: projectRunRate(input), fellBack: true };
  return {
    projected: scaleCents(input.ytd, input.previousYearTotal, input.previousSameSpan),
    fellBack: false,
  };
}
