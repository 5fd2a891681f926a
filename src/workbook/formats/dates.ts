/**
 * Dates in cells, as every port reports them: a number under a date format is a date, given to the
 * reader as "yyyy-mm-dd" (time of day dropped). Pure. The .xlsx ports and the office.js port use the
 * same date-format test (ExcelJS's, which decides what ExcelJS turns into a Date) and the same rounding,
 * so a date reads the same through each.
 */

/** ExcelJS's test for a date format (utils.isDateFmt): date/time letters outside quotes and [...]. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** "yyyy-mm-dd" of a Date built from an Excel serial (its UTC fields are the sheet's date); "" if invalid. */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  // Excel serials carry float noise (45000.9999999 for a date typed as 45001); round to the second.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return rounded.toISOString().slice(0, 10);
}

/** Days from 1899-12-30 (serial 0) to 1970-01-01; the 1904 system starts 1,462 days later. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;

/**
 * "yyyy-mm-dd" of an Excel date serial in the 1900 (default) or 1904 date system, as ExcelJS reads it
 * (utils.excelToDate, the same arithmetic in the same order, then isoDate).
 */
export function serialToIsoDate(serial: number, date1904 = false): string {
  const days = serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0);
  return isoDate(new Date(Math.round(days * 24 * 3600 * 1000)));
}
