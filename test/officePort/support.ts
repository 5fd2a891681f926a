/**
 * Helpers for the office.js port's tests: a fresh fake Excel with a port on it, a snapshot of
 * everything in the fake workbook (to prove a refused plan changed nothing), and a counter of the
 * syncs a port's write makes. (Not a test itself.)
 */
import { OfficeWorkbookPort } from "../../src/excel/officePort";
import { ExcelQueue } from "../../src/excel/queue";
import type { WritePlan } from "../../src/workbook/port";
import { installFakeOffice, type FakeExcelHandle, type FakeOfficeOptions } from "../fakeExcel";

export function setup(opts: FakeOfficeOptions = {}): { fake: FakeExcelHandle; port: OfficeWorkbookPort } {
  const fake = installFakeOffice(opts);
  const port = new OfficeWorkbookPort({
    queue: new ExcelQueue({ retryDelaysMs: [1, 1, 1], sleep: () => Promise.resolve() }),
  });
  return { fake, port };
}

/** Everything the port could change, as plain data. */
export function snapshot(fake: FakeExcelHandle): unknown {
  return {
    sheets: fake.sheetNames().map((name) => {
      const s = fake.sheet(name);
      return {
        name,
        visibility: s.visibility,
        tabColor: s.tabColor,
        values: s.values(),
        conditionalFormats: s.conditionalFormats(),
        validations: s.validations(),
        merges: s.merges(),
        widths: [...s.columnWidths()],
        freeze: s.freeze(),
        styles: s.state.styles.length,
        page: s.pageLayout(),
      };
    }),
    names: fake.names(),
    tables: fake.tables(),
    enableEvents: fake.enableEvents,
  };
}

/** Wraps port.write to count the syncs each write makes (measured by the fake, not by the port). */
export function countWriteSyncs(
  port: OfficeWorkbookPort,
  fake: FakeExcelHandle,
): { syncs: number[]; maxRequestBytes: number[] } {
  const record = { syncs: [] as number[], maxRequestBytes: [] as number[] };
  const write = port.write.bind(port);
  port.write = async (plan: WritePlan) => {
    const before = fake.syncCount;
    try {
      await write(plan);
    } finally {
      const mine = fake.syncs.slice(before);
      record.syncs.push(mine.length);
      record.maxRequestBytes.push(mine.reduce((m, s) => Math.max(m, s.requestBytes), 0));
    }
  };
  return record;
}
