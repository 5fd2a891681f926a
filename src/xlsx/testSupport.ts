/**
 * Helpers for the .xlsx port's tests: temp files, a fresh ExcelJS read-back and the raw XML of a sheet.
 * (Not a test itself; used only by *.test.ts files in this folder.)
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "ntm-xlsx-"));
}

/** Loads a buffer into a new, unpatched-by-us ExcelJS workbook (the patches are process-wide, though). */
export async function loadFresh(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function decodeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Path inside the zip of the worksheet part for `sheetName`. */
export async function sheetPartPath(zip: JSZip, sheetName: string): Promise<string> {
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/>/g)) {
    const attrs = m[1];
    const name = decodeXml(/\bname="([^"]*)"/.exec(attrs)![1]);
    if (name !== sheetName) continue;
    const rId = /\br:id="([^"]*)"/.exec(attrs)![1];
    const rel = new RegExp(`<Relationship\\b[^>]*Id="${rId}"[^>]*/>`).exec(relsXml)![0];
    const target = /Target="([^"]*)"/.exec(rel)![1];
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }
  throw new Error(`No sheet "${sheetName}" in workbook.xml`);
}

/** The XML of the worksheet named `sheetName`. */
export async function sheetXml(buf: Buffer, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return zip.file(await sheetPartPath(zip, sheetName))!.async("string");
}

/** Every <sheet> of workbook.xml: name and state (undefined when visible by default). */
export async function workbookSheets(buf: Buffer): Promise<{ name: string; state?: string }[]> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  return [...xml.matchAll(/<sheet\b([^>]*)\/>/g)].map((m) => ({
    name: decodeXml(/\bname="([^"]*)"/.exec(m[1])![1]),
    state: /\bstate="([^"]*)"/.exec(m[1])?.[1],
  }));
}

/** Replaces the XML of one worksheet part (to build files as Excel writes them). */
export async function withSheetXml(
  buf: Buffer,
  sheetName: string,
  edit: (xml: string) => string,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const part = await sheetPartPath(zip, sheetName);
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer" });
}
