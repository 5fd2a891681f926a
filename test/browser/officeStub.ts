/**
 * Stand-in for office.js in the browser end-to-end test and the first-render benchmark: served in
 * place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It installs the fake Excel,
 * fills it with the workbook the test put in `window.__NTM_E2E__.sheets` (SheetSpecs, written through
 * the real office.js port), and calls Office.onReady callbacks only once the workbook is ready.
 */
import { OfficeWorkbookPort } from "../../src/excel/officePort";
import type { SheetSpec } from "../../src/workbook/sheetSpec";
import { writeSheets } from "../../src/workbook/writeSheets";
import { installFakeOffice, type FakeExcelHandle } from "../fakeExcel";

interface E2eSetup {
  sheets: SheetSpec[];
  displayLanguage?: string;
  bodyBackgroundColor?: string;
}

declare global {
  interface Window {
    __NTM_E2E__: E2eSetup;
    __NTM_FAKE__: FakeExcelHandle;
    __NTM_READY__: Promise<void>;
  }
}

const setup = window.__NTM_E2E__ ?? { sheets: [] };
const fake = installFakeOffice({
  displayLanguage: setup.displayLanguage ?? "vi-VN",
  bodyBackgroundColor: setup.bodyBackgroundColor ?? "#FFFFFF",
  sheets: setup.sheets.length > 0 ? [] : undefined,
});
window.__NTM_FAKE__ = fake;

const ready = (async () => {
  if (setup.sheets.length > 0) await writeSheets(new OfficeWorkbookPort(), setup.sheets);
  fake.resetCounters?.();
})();
window.__NTM_READY__ = ready;

const office = (
  globalThis as unknown as { Office: { onReady: (cb?: (info: unknown) => void) => Promise<unknown> } }
).Office;
const fakeOnReady = office.onReady.bind(office);
office.onReady = (cb) => ready.then(() => fakeOnReady(cb));
