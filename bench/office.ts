/**
 * The office.js port at national scale, on the fake Excel (test/fakeExcel): how many syncs a
 * recalculation's write takes and how large its requests get.
 *
 * For the Hà Tĩnh sample and for the national workbook (10,472 communes, built as run.ts builds it),
 * the template is written into a fresh fake workbook through OfficeWorkbookPort, then `recalculate` runs
 * on it; the syncs of its write are counted by the fake (not by the port), and the largest request of
 * that write is the fake's JSON estimate. The fake enforces Excel on the web's 5 MB limits on every
 * request and response, so the national read goes through the port's block fallback as it would there.
 *
 * Targets: Hà Tĩnh ≤ 4 syncs; national: every request ≤ 4 MB and syncs ≤ 4 + value blocks (the syncs
 * that carry values, WriteStats.valueSyncs).
 */
import { buildHaTinhSample } from "../src/cli/sample/haTinhSample";
import { OfficeWorkbookPort } from "../src/excel/officePort";
import type { WritePlan } from "../src/workbook/port";
import { recalculate } from "../src/workbook/recalc";
import type { SheetSpec } from "../src/workbook/sheetSpec";
import { buildTemplate } from "../src/workbook/template";
import { writeSheets } from "../src/workbook/writeSheets";
import { installFakeOffice } from "../test/fakeExcel";
import { appendProvinceRows, buildNational } from "./national";

export interface OfficeMeasure {
  provinceSyncs: number;
  nationalSyncs: number;
  nationalBlocks: number;
  nationalMaxRequestBytes: number;
}

interface RecalcWrite {
  syncs: number;
  valueSyncs: number;
  maxRequestBytes: number;
}

/** Writes the template from `build` into a fresh fake workbook, recalculates, measures the write. */
async function measureRecalcWrite(build: () => SheetSpec[]): Promise<RecalcWrite> {
  const fake = installFakeOffice();
  try {
    const port = new OfficeWorkbookPort();
    await writeSheets(port, build());
    const measured: RecalcWrite = { syncs: 0, valueSyncs: 0, maxRequestBytes: 0 };
    const write = port.write.bind(port);
    port.write = async (plan: WritePlan) => {
      const before = fake.syncCount;
      await write(plan);
      const syncs = fake.syncs.slice(before);
      measured.syncs = syncs.length;
      measured.maxRequestBytes = syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
      measured.valueSyncs = port.lastWrite?.valueSyncs ?? 0;
    };
    const outcome = await recalculate(port);
    if (!outcome.usable || measured.syncs === 0) throw new Error("the recalculation wrote nothing");
    return measured;
  } finally {
    fake.uninstall();
  }
}

export async function measureOffice(): Promise<OfficeMeasure> {
  const province = await measureRecalcWrite(() => buildTemplate(buildHaTinhSample()));
  const national = await measureRecalcWrite(() => {
    const data = buildNational();
    const specs = buildTemplate(data.template);
    appendProvinceRows(specs, data.provinceRows);
    return specs;
  });
  return {
    provinceSyncs: province.syncs,
    nationalSyncs: national.syncs,
    nationalBlocks: national.valueSyncs,
    nationalMaxRequestBytes: national.maxRequestBytes,
  };
}
