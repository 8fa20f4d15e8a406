/**
 * The auxiliary tables a workbook may carry next to its transactions, recognised by sheet name
 * in English, German, Spanish and Polish (DESIGN.md §7).
 */
export type SheetRole = 'quotas' | 'plan' | 'keyAccounts' | 'targets' | 'fx';

const ROLE_NAMES: Readonly<Record<SheetRole, readonly string[]>> = {
  quotas: ['quotas', 'quota', 'sales quotas', 'quoten', 'vertriebsziele', 'cuotas', 'cuotas de venta', 'kwoty', 'plany sprzedazowe', 'plan sprzedazy'],
  // Not the bare words "Commission", "Provision", "Comisiones", "Prowizje": those are the names of
  // the Commission report sheet itself, and a rerun on a report workbook must not read it as a plan.
  plan: ['commission plan', 'commissions plan', 'provisionsplan', 'plan de comisiones', 'plan prowizyjny', 'plan prowizji'],
  keyAccounts: ['key accounts', 'key account list', 'schlusselkunden', 'schlüsselkunden', 'cuentas clave', 'clientes clave', 'kluczowi klienci', 'kluczowe konta', 'klienci kluczowi'],
  targets: ['account targets', 'targets', 'kundenziele', 'objetivos por cuenta', 'objetivos de cuentas', 'cele klientow', 'cele dla klientow'],
  fx: ['fx rates', 'fx', 'exchange rates', 'rates', 'wechselkurse', 'devisenkurse', 'tipos de cambio', 'kursy walut', 'kursy'],
};

/** Lower-case, strip accents (ł and ß too) and collapse whitespace, so names match however typed. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/**
 * The role a sheet plays, from its name; `undefined` for any other sheet.
 * @example sheetRole('Kursy walut') // 'fx'
 */
export function sheetRole(sheetName: string): SheetRole | undefined {
  const n = normaliseName(sheetName);
  for (const role of Object.keys(ROLE_NAMES) as SheetRole[]) {
    if (ROLE_NAMES[role].some((name) => normaliseName(name) === n)) return role;
  }
  return undefined;
}
