/**
 * Same-length views of a text typed in a biểu. `foldText` (src/domain/text.ts) is the way to compare
 * words, but it changes lengths (marks dropped, punctuation squeezed), so a phrase found in it cannot
 * be cut out of the text as typed. These views keep one UTF-16 unit per unit of their NFC input (every
 * Vietnamese letter is one unit in NFC), so a match in the view slices the original.
 */

/** Units of a shadow, by input unit; bounded, results never depend on it. */
const shadowMemo = new Map<number, string>();
const SHADOW_MEMO_LIMIT = 4096;
const WHITESPACE = /^\s$/u;
const SPACE_RUNS = /\s+/gu;

function shadowUnit(code: number): string {
  const memo = shadowMemo.get(code);
  if (memo !== undefined) return memo;
  const ch = String.fromCharCode(code);
  let out: string;
  if (code === 0x111 || code === 0x110 || code === 0xf0 || code === 0xd0)
    out = "d"; // đ Đ ð Ð
  else if (WHITESPACE.test(ch)) out = " ";
  else {
    const base = ch.normalize("NFD").charAt(0).toLowerCase();
    const lower = ch.toLowerCase();
    out = base >= "a" && base <= "z" ? base : lower.length === 1 ? lower : ch;
  }
  if (shadowMemo.size >= SHADOW_MEMO_LIMIT) shadowMemo.clear();
  shadowMemo.set(code, out);
  return out;
}

/**
 * Lower-case, diacritics removed, đ → d, every whitespace → " ", everything else (digits, "/", "-",
 * "%", "≥") kept: `shadowOf("Đơn vị: Tr.đ")` is `"don vi: tr.d"`. Same length as `nfcText`, which the
 * caller has put in NFC.
 */
export function shadowOf(nfcText: string): string {
  let out = "";
  for (let i = 0; i < nfcText.length; i++) {
    const c = nfcText.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
      else if (c === 9 || c === 10 || c === 13 || c === 11 || c === 12) out += " ";
      else out += nfcText[i];
    } else {
      out += shadowUnit(c);
    }
  }
  return out;
}

/** Lower-case with diacritics kept, same length as the input (one unit per unit). */
export function lowerOf(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // Rare letters (İ) grow when lower-cased: keep those as they are.
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Trimmed, every run of whitespace one space. */
export function collapseSpaces(text: string): string {
  return text.trim().replace(SPACE_RUNS, " ");
}

/** Every match of a global regular expression, from the start (its lastIndex is reset). */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** `text` with [start, end) replaced by spaces, so later patterns do not see it but positions hold. */
export function blankOut(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}
