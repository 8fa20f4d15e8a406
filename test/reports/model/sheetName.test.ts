import fc from 'fast-check';
import { isLegalSheetName, legalSheetName, MAX_SHEET_NAME_LENGTH, uniqueSheetName } from '../../../src/reports/sheetName';

describe('legalSheetName', () => {
  test.each([
    [':', 'a-b'],
    ['\\', 'a-b'],
    ['/', 'a-b'],
    ['?', 'a-b'],
    ['*', 'a-b'],
    ['[', 'a(b'],
    [']', 'a)b'],
  ])('replaces the forbidden character %s', (ch, expected) => {
    expect(legalSheetName(`a${ch}b`)).toBe(expected);
    expect(isLegalSheetName(`a${ch}b`)).toBe(false);
    expect(isLegalSheetName(expected)).toBe(true);
  });

  test('every forbidden character at once', () => {
    expect(legalSheetName('Q1/Q2: [draft] *final*? a\\b')).toBe('Q1-Q2- (draft) -final-- a-b');
  });

  test('leading and trailing apostrophes and spaces go, inner ones stay', () => {
    expect(legalSheetName("'O'Brien'")).toBe("O'Brien");
    expect(legalSheetName("  ''Sales''  ")).toBe('Sales');
    expect(isLegalSheetName("'Sales")).toBe(false);
    expect(isLegalSheetName("Sales'")).toBe(false);
  });

  test('control characters and runs of whitespace', () => {
    expect(legalSheetName('a\tb\n\nc\u0000d')).toBe('a b c d');
  });

  test('cut to 31 characters, never ending in a space or apostrophe', () => {
    const long = 'Vertriebsmitarbeiter Quartalsergebnisse 2026';
    expect(legalSheetName(long)).toBe('Vertriebsmitarbeiter Quartalser');
    expect(legalSheetName(long)).toHaveLength(31);
    expect(legalSheetName(`${'x'.repeat(30)} y`)).toBe('x'.repeat(30));
    expect(legalSheetName(`${'x'.repeat(30)}'y`)).toBe('x'.repeat(30));
  });

  test('does not split a surrogate pair at the cut', () => {
    const s = legalSheetName(`${'x'.repeat(30)}😀`);
    expect(s).toBe('x'.repeat(30));
  });

  test('empty input falls back', () => {
    expect(legalSheetName('')).toBe('Sheet');
    expect(legalSheetName("'''", 'Report')).toBe('Report');
  });

  test.each([
    ['Quartalsergebnisse', 'Quartalsergebnisse'],
    ['Provisionsübersicht', 'Provisionsübersicht'],
    ['Größte Kunden / Schlüsselkunden', 'Größte Kunden - Schlüsselkunden'],
    ['Previsión: año fiscal', 'Previsión- año fiscal'],
    ['Resultados trimestrales (España)', 'Resultados trimestrales (España'],
    ['Wyniki kwartalne', 'Wyniki kwartalne'],
    ['Prowizje – menedżer Łukasz Żółć', 'Prowizje – menedżer Łukasz Żółć'],
    ['Status kont: Kraków?', 'Status kont- Kraków-'],
  ])('keeps diacritics: %s', (input, expected) => {
    expect(legalSheetName(input)).toBe(expected);
    expect(isLegalSheetName(expected)).toBe(true);
  });

  test('decomposed diacritics are composed (NFC)', () => {
    expect(legalSheetName('Mu\u0308ller')).toBe('Müller');
  });
});

describe('uniqueSheetName', () => {
  test('free names are kept', () => {
    expect(uniqueSheetName('Commission', ['Data'])).toBe('Commission');
  });

  test('taken names get (2), (3) … ignoring case', () => {
    expect(uniqueSheetName('Commission', ['commission'])).toBe('Commission (2)');
    expect(uniqueSheetName('Commission', ['COMMISSION', 'Commission (2)'])).toBe('Commission (3)');
    expect(uniqueSheetName('Übersicht', ['ÜBERSICHT'])).toBe('Übersicht (2)');
    expect(uniqueSheetName('Łódź', ['łódź'])).toBe('Łódź (2)');
  });

  test('History is reserved', () => {
    expect(uniqueSheetName('History', [])).toBe('History (2)');
    expect(uniqueSheetName('history', [])).toBe('history (2)');
    expect(isLegalSheetName('History')).toBe(false);
  });

  test('the suffix fits within 31 characters', () => {
    const wanted = 'Kundenstatus Schlüsselkunden 2026'; // cut to 31 first
    const first = uniqueSheetName(wanted, []);
    expect(first).toHaveLength(31);
    const second = uniqueSheetName(wanted, [first]);
    expect(second).toBe('Kundenstatus Schlüsselkunde (2)');
    expect(second).toHaveLength(31);
    const taken = [first, second];
    for (let n = 3; n <= 12; n++) taken.push(uniqueSheetName(wanted, taken));
    expect(taken.at(-1)).toBe('Kundenstatus Schlüsselkund (12)');
    expect(taken.every((t) => t.length <= MAX_SHEET_NAME_LENGTH)).toBe(true);
  });

  test('property: always legal and unique, whatever the input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40, unit: 'grapheme-composite' }), { maxLength: 12 }), (wanted) => {
        const taken: string[] = ['Data'];
        for (const w of wanted) {
          const name = uniqueSheetName(w, taken);
          expect(isLegalSheetName(name)).toBe(true);
          expect(taken.map((t) => t.toUpperCase())).not.toContain(name.toUpperCase());
          taken.push(name);
        }
      }),
    );
  });
});
