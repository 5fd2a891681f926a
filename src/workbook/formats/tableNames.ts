/**
 * Excel table names. Excel requires a name that starts with a letter, "_" or "\", continues with
 * letters, digits, "_" and ".", has no spaces, is at most 255 characters, is not a cell reference
 * ("A1", "XFD1048576", "R1C1", "R", "C"), and is unique (case-insensitively) among the workbook's tables
 * and defined names. We also keep to ASCII so every reader (LibreOffice included) accepts the name:
 * Vietnamese letters lose their accents ("Bảng kết quả" → "Bang_ket_qua").
 */

const MAX_LENGTH = 255;

function isCellReferenceLike(name: string): boolean {
  // A1 style: up to 3 letters then digits (anything up to XFD1048576 would clash; be conservative).
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return true;
  // R1C1 style and the bare letters R and C.
  return (
    /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[Rr]\d+$/.test(name) || /^[Cc]\d+$/.test(name)
  );
}

/** `name` made into a valid ASCII Excel name (not yet checked for uniqueness). */
export function sanitiseTableName(name: string): string {
  let s = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9_.]+/g, "_");
  if (s === "" || !/^[A-Za-z_]/.test(s)) s = "_" + s;
  if (isCellReferenceLike(s)) s = "_" + s;
  return s.slice(0, MAX_LENGTH);
}

/**
 * A valid table name based on `wanted`, different (case-insensitively) from every name in `taken`:
 * "KetQua", then "KetQua_2", "KetQua_3"…
 */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  const base = sanitiseTableName(wanted);
  const used = new Set<string>();
  for (const t of taken) used.add(t.toUpperCase());
  if (!used.has(base.toUpperCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = base.slice(0, MAX_LENGTH - suffix.length) + suffix;
    if (!used.has(candidate.toUpperCase())) return candidate;
  }
}

/** True when `name` satisfies Excel's rules (used by tests and as a guard). */
export function isValidTableName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_LENGTH &&
    /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) &&
    !isCellReferenceLike(name)
  );
}
