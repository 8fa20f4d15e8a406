/** Header synonyms of a quota table (en, es, pl, de), compared after {@link normalizeLabel}. */
export const QUOTA_HEADERS = {
  manager: [
    'manager', 'account manager', 'sales manager', 'sales rep', 'sales representative', 'salesperson', 'rep', 'owner',
    'account owner', 'gerente', 'gerente de cuentas', 'vendedor', 'comercial', 'ejecutivo de cuentas',
    'menedżer', 'menedżer konta', 'opiekun', 'opiekun klienta', 'przedstawiciel handlowy', 'handlowiec',
    'kundenbetreuer', 'vertriebsmitarbeiter', 'verkäufer', 'betreuer', 'vertriebler',
  ],
  period: [
    'period', 'quarter', 'year', 'fiscal period', 'fiscal year', 'periodo', 'período', 'trimestre', 'año', 'ejercicio',
    'okres', 'kwartał', 'rok', 'rok obrotowy', 'zeitraum', 'periode', 'quartal', 'jahr', 'geschäftsjahr',
  ],
  quota: [
    'quota', 'target', 'sales quota', 'sales target', 'quota amount', 'cuota', 'objetivo', 'meta', 'kwota', 'plan',
    'cel', 'plan sprzedaży', 'quote', 'ziel', 'soll', 'umsatzziel', 'zielumsatz', 'vertriebsziel',
  ],
} as const;
