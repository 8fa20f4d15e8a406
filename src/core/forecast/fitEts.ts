/**
 * Additive Holt-Winters exponential smoothing, reproducing LibreOffice Calc's
 * `FORECAST.ETS.ADD` (its implementation of Excel's `FORECAST.ETS`; class
 * `ScETSForecastCalculation` in `sc/source/core/tool/interpr8.cxx`) step by step, so that a
 * sales coordinator who checks our forecast against a spreadsheet gets the same number.
 *
 * Why a port and not a textbook Holt-Winters: LibreOffice's routine has its own initial
 * state, its own nested one-dimensional search for the three smoothing constants and a few
 * quirks (listed in docs/forecast.md) that move its forecasts by percents compared with a
 * textbook fit. Matching it within 1e-6 means doing exactly what it does, in the same order
 * of floating-point operations, including the quirks. The only deliberate deviations are
 * for inputs where LibreOffice fails or returns nonsense (documented at each place below).
 */

/** Which variant {@link fitEts} used for a series. */
export type EtsKind =
  /** Level + trend + additive season: LibreOffice's `FORECAST.ETS.ADD` with a season length. */
  | 'holt-winters'
  /** Level + trend, no season: LibreOffice's `FORECAST.ETS.ADD` with seasonality 0. */
  | 'holt'
  /** One observation: the forecast repeats it. */
  | 'flat'
  /** No observations: the forecast is 0. */
  | 'empty';

/** A fitted model; pass it to `forecastEts`. All arrays are plain copies, safe to keep. */
export interface EtsModel {
  readonly kind: EtsKind;
  /** Observations per season used in the fit (0 when {@link kind} is not `holt-winters`). */
  readonly seasonLength: number;
  /** Number of observations fitted. */
  readonly count: number;
  /** Level smoothing constant (Excel's and LibreOffice's statistic 1, "alpha"). */
  readonly alpha: number;
  /** Trend smoothing constant (Excel's statistic 2, "beta"; LibreOffice's `mfGamma`). */
  readonly beta: number;
  /** Season smoothing constant (Excel's statistic 3, "gamma"; LibreOffice's `mfBeta`). */
  readonly gamma: number;
  /** Level at the last observation. */
  readonly level: number;
  /** Trend (change per step) at the last observation. */
  readonly trend: number;
  /**
   * Seasonal terms for the forecast: step h ahead adds `season[h % seasonLength]`. Empty when
   * not seasonal. (LibreOffice's index choice; see docs/forecast.md, "quirks".)
   */
  readonly season: readonly number[];
  /** One-step-ahead in-sample forecasts; `fitted[0]` is the first observation itself. */
  readonly fitted: readonly number[];
  /** In-sample one-step errors `y[i] − fitted[i]` for i = 1 … count − 1 (length count − 1). */
  readonly residuals: readonly number[];
  /**
   * How many leading residuals are start-up transients (the first season of a Holt-Winters
   * fit, whose errors reflect LibreOffice's initial state rather than the model's skill);
   * interval widths skip them. 0 for the other kinds.
   */
  readonly burnIn: number;
  /** Root mean squared one-step error over all residuals (LibreOffice's statistic 7). */
  readonly rmse: number;
}

// LibreOffice's cfMinABCResolution: the search stops when its bracket is narrower than this.
const MIN_RESOLUTION = 0.001;

/**
 * Fits an additive Holt-Winters model the way LibreOffice Calc's
 * `FORECAST.ETS.ADD(target; values; timeline; seasonLength; 1; 1)` does, on equally spaced
 * observations (missing months must already be zeros).
 *
 * - At least two full seasons (`series.length ≥ 2 · seasonLength`): level + trend + season,
 *   exactly as LibreOffice.
 * - Fewer (LibreOffice returns #VALUE!): level + trend without season, exactly as
 *   LibreOffice's `FORECAST.ETS.ADD(…; 0; 1; 1)` (seasonality 0); one point: flat; none: 0.
 *
 * Deterministic: no randomness, the same input always gives the same model.
 *
 * @param series observations in time order (e.g. monthly revenue); must be finite
 * @param seasonLength observations per season, default 12 (months in a year); 0 or 1 = none
 * @example
 * const model = fitEts(monthlyTotals);     // 24+ months → holt-winters, season 12
 * forecastEts(model, 3);                   // next three months
 */
export function fitEts(series: readonly number[], seasonLength = 12): EtsModel {
  for (const v of series) {
    if (!Number.isFinite(v)) throw new RangeError('fitEts: every observation must be a finite number');
  }
  if (!Number.isInteger(seasonLength) || seasonLength < 0) {
    throw new RangeError('fitEts: seasonLength must be a non-negative integer');
  }
  const n = series.length;
  if (n === 0) return trivialModel('empty', 0, []);
  if (n === 1) return trivialModel('flat', series[0] ?? 0, series);
  const seasonal = seasonLength >= 2 && n >= 2 * seasonLength;
  return fitSmoothing(Float64Array.from(series), seasonal ? seasonLength : 0);
}

function trivialModel(kind: 'empty' | 'flat', level: number, series: readonly number[]): EtsModel {
  return {
    kind, seasonLength: 0, count: series.length, alpha: 0, beta: 0, gamma: 0, level, trend: 0,
    season: [], fitted: [...series], residuals: [], burnIn: 0, rmse: 0,
  };
}

/**
 * The shared engine: `period` 0 is LibreOffice's "EDS" path (Holt, no season), otherwise its
 * additive ETS path. Variable names follow LibreOffice's to make side-by-side review easy.
 */
function fitSmoothing(y: Float64Array, period: number): EtsModel {
  const count = y.length;
  const eds = period === 0;
  const base = new Float64Array(count);
  const trend = new Float64Array(count);
  // Float64Array starts at 0; LibreOffice's `new double[n]` leaves perIdx[period] uninitialised
  // and reads it once (refill at i = period, first pass). 0 is what fresh memory holds.
  const perIdx = new Float64Array(eds ? 0 : count);
  const forecast = new Float64Array(count);
  forecast[0] = at(y, 0);

  if (eds) {
    trend[0] = (at(y, count - 1) - at(y, 0)) / (count - 1);
    base[0] = at(y, 0);
  } else {
    // Initial trend: average per-step change between the first two seasons.
    let sum = 0;
    for (let i = 0; i < period; i++) sum += at(y, i + period) - at(y, i);
    trend[0] = sum / (period * period);
    // Initial season: per position, the mean over all complete seasons of the deviation from
    // that season's average, corrected for the trend inside the season.
    const periods = Math.floor(count / period);
    const average = new Float64Array(periods);
    for (let i = 0; i < periods; i++) {
      let s = 0;
      for (let j = 0; j < period; j++) s += at(y, i * period + j);
      // LibreOffice stops with #DIV/0! when a season averages exactly 0 (it shares this code
      // with the multiplicative model, which divides by it); the additive model never divides
      // by it, so we go on.
      average[i] = s / period;
    }
    for (let j = 0; j < period; j++) {
      let fI = 0;
      for (let i = 0; i < periods; i++) {
        fI += at(y, i * period + j) - (at(average, i) + (j - 0.5 * (period - 1)) * at(trend, 0));
      }
      perIdx[j] = fI / periods;
    }
    // LibreOffice divides here even for the additive model (a slip: the additive analogue is
    // y0 − s0). We keep the division to match it, except where it explodes (s0 ≈ 0, e.g. a
    // constant or exactly linear series): then the additive analogue, so results stay finite
    // and sensible. "Explodes" = beyond ten times the largest observation.
    const ratio = at(y, 0) / at(perIdx, 0);
    let maxAbs = 0;
    for (let i = 0; i < count; i++) maxAbs = Math.max(maxAbs, Math.abs(at(y, i)));
    base[0] = Number.isFinite(ratio) && Math.abs(ratio) <= 10 * maxAbs ? ratio : at(y, 0) - at(perIdx, 0);
  }

  let alpha = 0;
  let seasonSmoothing = 0; // LibreOffice's mfBeta
  let trendSmoothing = 0; // LibreOffice's mfGamma
  let mse = 0;

  // One pass of the recursions with the current constants (LibreOffice's refill()). It
  // deliberately keeps LibreOffice's in-place reuse of perIdx[1 … period] across passes.
  // The hot loop of the fit (thousands of passes per series): the model branch is taken once
  // per pass, and the arrays are read directly (every index is in range by construction), with
  // the same operations in the same order as LibreOffice's — note that the forecast reads
  // perIdx[idx] after perIdx[i] was written, which for i ≤ period is the same cell.
  const refill = (): void => {
    let sumSq = 0;
    if (eds) {
      for (let i = 1; i < count; i++) {
        const yi = y[i] as number;
        const b1 = base[i - 1] as number;
        const t1 = trend[i - 1] as number;
        const bi = alpha * yi + (1 - alpha) * (b1 + t1);
        base[i] = bi;
        trend[i] = trendSmoothing * (bi - b1) + (1 - trendSmoothing) * t1;
        const fi = b1 + t1;
        forecast[i] = fi;
        const error = fi - yi;
        sumSq += error * error;
      }
    } else {
      for (let i = 1; i < count; i++) {
        const yi = y[i] as number;
        const idx = i > period ? i - period : i;
        const b1 = base[i - 1] as number;
        const t1 = trend[i - 1] as number;
        const bi = alpha * (yi - (perIdx[idx] as number)) + (1 - alpha) * (b1 + t1);
        base[i] = bi;
        perIdx[i] = seasonSmoothing * (yi - bi) + (1 - seasonSmoothing) * (perIdx[idx] as number);
        trend[i] = trendSmoothing * (bi - b1) + (1 - trendSmoothing) * t1;
        const fi = b1 + t1 + (perIdx[idx] as number);
        forecast[i] = fi;
        const error = fi - yi;
        sumSq += error * error;
      }
    }
    mse = sumSq / (count - 1);
  };

  // LibreOffice's bracketing search on [0, 1] for one constant (CalcGamma / CalcBetaGamma /
  // CalcAlphaBetaGamma share this shape): evaluate 0, 1 and 0.5, then halve towards the
  // better end until the bracket is < 0.001. Not a textbook golden-section search; ported
  // comparison for comparison, because its path decides which local minimum is found.
  const search = (set: (v: number) => void, evaluate: () => void): void => {
    let f0 = 0;
    set(f0);
    evaluate();
    let e0 = mse;
    let f2 = 1;
    set(f2);
    evaluate();
    let e2 = mse;
    let f1 = 0.5;
    set(f1);
    evaluate();
    if (e0 === mse && mse === e2) {
      set(0);
      evaluate();
      return;
    }
    while (f2 - f1 > MIN_RESOLUTION) {
      if (e2 > e0) {
        f2 = f1;
        e2 = mse;
        f1 = (f0 + f1) / 2;
      } else {
        f0 = f1;
        e0 = mse;
        f1 = (f1 + f2) / 2;
      }
      set(f1);
      evaluate();
    }
    if (e2 > e0) {
      if (e0 < mse) {
        set(f0);
        evaluate();
      }
    } else if (e2 < mse) {
      set(f2);
      evaluate();
    }
  };

  const calcTrend = (): void => search((v) => { trendSmoothing = v; }, refill);
  const calcSeasonTrend = (): void =>
    search((v) => { seasonSmoothing = v; }, () => { calcTrend(); refill(); });
  if (eds) seasonSmoothing = 0;
  search((v) => { alpha = v; }, () => { (eds ? calcTrend : calcSeasonTrend)(); refill(); });

  const residuals: number[] = [];
  for (let i = 1; i < count; i++) residuals.push(at(y, i) - at(forecast, i));
  const season: number[] = [];
  // LibreOffice: forecast(h) adds perIdx[count − 1 − period + (h mod period)].
  for (let k = 0; k < period; k++) season.push(at(perIdx, count - 1 - period + k));
  return {
    kind: eds ? 'holt' : 'holt-winters',
    seasonLength: period,
    count,
    alpha,
    beta: trendSmoothing,
    gamma: seasonSmoothing,
    level: at(base, count - 1),
    trend: at(trend, count - 1),
    season,
    fitted: Array.from(forecast),
    residuals,
    burnIn: eds ? 0 : Math.min(period, residuals.length),
    rmse: Math.sqrt(mse),
  };
}

// Typed-array read that satisfies noUncheckedIndexedAccess; every index here is in range by
// construction, so a miss is a bug worth failing loudly on.
function at(a: Float64Array, i: number): number {
  const v = a[i];
  if (v === undefined) throw new RangeError(`fitEts: index ${i} out of range`);
  return v;
}
