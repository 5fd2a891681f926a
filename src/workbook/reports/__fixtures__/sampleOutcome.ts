/**
 * The Hà Tĩnh 2022 sample's recalculation, built as the demo builds it (template → .xlsx port →
 * dry-run recalculation), once per test file. Test data only.
 */
import { buildHaTinhSample } from "../../../cli/sample/haTinhSample";
import type { Lang } from "../../../i18n";
import { XlsxWorkbookPort } from "../../../xlsx/xlsxPort";
import { recalculate, type RecalcOutcome } from "../../recalc";
import { buildTemplate } from "../../template";
import { writeSheets } from "../../writeSheets";

const cache = new Map<Lang, Promise<RecalcOutcome>>();

export function sampleOutcome(lang: Lang = "vi"): Promise<RecalcOutcome> {
  let p = cache.get(lang);
  if (!p) {
    p = (async () => {
      const port = XlsxWorkbookPort.createEmpty();
      await writeSheets(port, buildTemplate(buildHaTinhSample({ year: 2022, lang })));
      return recalculate(port, { dryRun: true });
    })();
    cache.set(lang, p);
  }
  return p;
}
