import { decodeXmlText } from './xmlText';
import { freshXmlScanner, nameIs } from './xmlScanner';
import { unescapeOoxml } from './unescapeOoxml';

/** Its own scanner class: a table can hold a million strings (see `freshXmlScanner`). */
const StringsScanner = freshXmlScanner();

/**
 * Reads the shared-string table (`xl/sharedStrings.xml`) into one value per `<si>`, as the
 * cells that use it read in exceljs: a plain `<t>` gives its text, rich-text runs (`<r><t>`)
 * their texts joined, phonetic runs (`<rPh>`) nothing; an `<si>` with neither gives `null` (exceljs
 * gives `{}`, which `fromExcelJs` turns into null while the cell still counts as filled).
 * @example const strings = await readSharedStrings(zip.chunks('xl/sharedStrings.xml'));
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  let inSi = false;
  let phonetic = 0;
  let inRun = false;
  let inT = false;
  let parts: string[] = [];
  let plain: string | undefined;
  let runs: string[] | null = null;
  let runText: string | undefined;
  const scanner = new StringsScanner({
    open(buf, ns, ne) {
      if (!inSi) {
        if (nameIs(buf, ns, ne, 'si')) {
          inSi = true;
          plain = undefined;
          runs = null;
        }
        return -1;
      }
      if (phonetic > 0) {
        phonetic++;
        return -1;
      }
      if (nameIs(buf, ns, ne, 't')) {
        inT = true;
        parts = [];
      } else if (!inRun && nameIs(buf, ns, ne, 'r')) {
        inRun = true;
        runText = undefined;
      } else if (!inRun && nameIs(buf, ns, ne, 'rPh')) phonetic = 1;
      return -1;
    },
    close(buf, ns, ne) {
      if (!inSi) return;
      if (phonetic > 0) {
        phonetic--;
        return;
      }
      if (inT && nameIs(buf, ns, ne, 't')) {
        inT = false;
        const text = unescapeOoxml(parts.join(''));
        if (inRun) runText = text;
        else plain = text;
      } else if (inRun && nameIs(buf, ns, ne, 'r')) {
        inRun = false;
        (runs ??= []).push(runText ?? '');
      } else if (nameIs(buf, ns, ne, 'si')) {
        inSi = false;
        out.push(plain !== undefined ? plain : runs !== null ? (runs as string[]).join('') : null);
      }
    },
    text(buf, s, e, cdata) {
      if (inT && phonetic === 0) parts.push(cdata ? buf.toString('utf8', s, e) : decodeXmlText(buf, s, e));
    },
  });
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return out;
}
