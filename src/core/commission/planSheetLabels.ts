/**
 * Labels of the Commission Plan sheet (en, es, pl, de), compared after `normalizeLabel`.
 * The first label of each list is the English one the templates write.
 */
export const PLAN_BLOCK_HEADERS = {
  setting: ['Setting', 'settings', 'parameter', 'ajuste', 'configuración', 'parámetro', 'einstellung', 'ustawienie', 'parametr'],
  value: ['Value', 'valor', 'wert', 'wartość'],
  from: ['From', 'tier from', 'tier start', 'starts at', 'desde', 'a partir de', 'ab', 'von', 'od', 'próg od'],
  rate: ['Rate', 'commission rate', 'tasa', 'porcentaje', 'tasa de comisión', 'satz', 'provisionssatz', 'stawka', 'stawka prowizji'],
  threshold: ['Threshold', 'bonus threshold', 'umbral', 'schwelle', 'schwellenwert', 'próg', 'próg premii'],
  bonus: ['Bonus', 'bonus amount', 'bono', 'importe del bono', 'premia', 'kwota premii', 'prämie', 'bonusbetrag'],
} as const;

/** Setting names in the settings block. */
export const PLAN_SETTINGS = {
  period: ['Period', 'commission period', 'periodo', 'período', 'zeitraum', 'abrechnungszeitraum', 'periode', 'okres', 'okres rozliczeniowy'],
  basis: ['Basis', 'tier basis', 'base', 'grundlage', 'bemessungsgrundlage', 'podstawa'],
  method: ['Method', 'calculation method', 'método', 'metodo', 'methode', 'berechnungsmethode', 'metoda'],
  capAttainment: ['Cap attainment', 'attainment cap', 'tope de cumplimiento', 'límite de cumplimiento',
    'obergrenze zielerreichung', 'kappung zielerreichung', 'limit realizacji', 'pułap realizacji'],
  capAmount: ['Cap amount', 'commission cap', 'maximum commission', 'tope de comisión', 'comisión máxima',
    'obergrenze provision', 'maximale provision', 'provisionsobergrenze', 'limit prowizji', 'maksymalna prowizja'],
} as const;
