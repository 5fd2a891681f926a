/**
 * XML text for the patch port: escaping what we write, decoding what we read, and the two OOXML
 * string conventions on top of XML (`_xHHHH_` escapes in cell text, illegal XML 1.0 characters).
 *
 * Everything here works on strings and is pure; the scanners that use it never build a DOM.
 */

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Decodes character and entity references (`&amp;`, `&#233;`, `&#xE9;`) in XML text or an attribute
 * value, after normalising line ends as an XML parser does (CRLF and lone CR become LF; a CR written as
 * `&#13;` stays a CR). Unknown entities are kept as written.
 */
export function decodeXml(raw: string): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/**
 * Characters XML 1.0 does not allow, even escaped: C0 controls except tab, LF and CR, U+FFFE, U+FFFF,
 * and UTF-16 surrogates that are not part of a pair.
 */
const ILLEGAL_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` without the characters XML 1.0 forbids (see ILLEGAL_XML). */
export function stripIllegalXml(s: string): string {
  ILLEGAL_XML.lastIndex = 0;
  return ILLEGAL_XML.test(s) ? s.replace(ILLEGAL_XML, "") : s;
}

const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\r\n\t]/;

/** Escapes element text: `&`, `<`, `>`, and CR as `&#13;` so a parser does not turn it into LF. */
export function escapeText(s: string): string {
  const clean = stripIllegalXml(s);
  if (!TEXT_SPECIAL.test(clean)) return clean;
  return clean.replace(/[&<>\r]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;",
  );
}

/** Escapes an attribute value (double-quoted); whitespace controls as references so they survive. */
export function escapeAttr(s: string): string {
  const clean = stripIllegalXml(s);
  if (!ATTR_SPECIAL.test(clean)) return clean;
  return clean.replace(/[&<>"\r\n\t]/g, (c) => {
    switch (c) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "\r":
        return "&#13;";
      case "\n":
        return "&#10;";
      default:
        return "&#9;";
    }
  });
}

/**
 * Decodes OOXML's `_xHHHH_` escapes in cell text (Excel writes control characters this way). Like
 * ExcelJS and Excel's own files, only upper-case hex digits are recognised.
 */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Protects text that merely looks like an `_xHHHH_` escape ("_x0041_" typed by a user), so that a
 * reader does not turn it into a character: its underscore is itself escaped as `_x005F_`.
 */
export function encodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  // A lookahead, so that "_x0041_x005F_" protects both underscores that start an escape-like run.
  return s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");
}

/**
 * The value of attribute `name` in the start tag `tag[from, to)` (raw, not decoded), or undefined.
 * Attributes are read one after the other from the element name, so text inside another attribute's
 * value (a sheet named `x state='hidden'`) is never taken for an attribute.
 */
export function rawAttr(tag: string, name: string, from = 0, to = tag.length): string | undefined {
  let i = tag.indexOf("<", from);
  if (i < 0 || i >= to) return undefined;
  i++;
  while (i < to && !isSpace(tag.charCodeAt(i)) && tag.charCodeAt(i) !== 62 && tag.charCodeAt(i) !== 47) i++;
  for (;;) {
    while (i < to && isSpace(tag.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to) {
      const c = tag.charCodeAt(i);
      if (c === 61 /* = */ || c === 62 /* > */ || c === 47 /* / */ || isSpace(c)) break;
      i++;
    }
    if (i === nameStart) return undefined;
    const nameEnd = i;
    while (i < to && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61) return undefined;
    i++;
    while (i < to && isSpace(tag.charCodeAt(i))) i++;
    const q = tag.charCodeAt(i);
    if (q !== 34 && q !== 39) return undefined;
    const end = tag.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0 || end >= to) return undefined;
    if (nameEnd - nameStart === name.length && tag.startsWith(name, nameStart)) return tag.slice(i + 1, end);
    i = end + 1;
  }
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The namespace prefix of the root element ("" or "x:"), so that elements we look for or write match
 * the part's own spelling (files from the Open XML SDK often use `<x:worksheet xmlns:x=…>`).
 */
export function rootPrefix(xml: string): string {
  let i = 0;
  for (;;) {
    i = xml.indexOf("<", i);
    if (i < 0) return "";
    const c = xml.charCodeAt(i + 1);
    if (c === 63 /* ? */ || c === 33 /* ! */) {
      i += 2;
      continue;
    }
    let j = i + 1;
    while (j < xml.length && !isSpace(xml.charCodeAt(j)) && xml[j] !== ">" && xml[j] !== "/") j++;
    const name = xml.slice(i + 1, j);
    const colon = name.indexOf(":");
    return colon < 0 ? "" : name.slice(0, colon + 1);
  }
}

/** The prefix bound to namespace `uri` on the root element ("r" for the relationships namespace), or null. */
export function prefixOf(xml: string, uri: string): string | null {
  const re = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g;
  const rootEnd = xml.indexOf(">", xml.search(/<[^?!]/));
  const head = xml.slice(0, rootEnd + 1);
  for (const m of head.matchAll(re)) if (m[2] === uri) return m[1];
  return null;
}

/** Text of the `<t>` elements of a string item (`<si>` or `<is>`), without phonetic runs (`<rPh>`). */
export function stringItemText(item: string, prefix: string): string {
  let s = item;
  const rPh = `<${prefix}rPh`;
  if (s.indexOf(rPh) >= 0) {
    const re = new RegExp(`<${escapeRe(prefix)}rPh\\b[^>]*?(?:/>|>[\\s\\S]*?</${escapeRe(prefix)}rPh>)`, "g");
    s = s.replace(re, "");
  }
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  let out = "";
  let parts = 0;
  let i = 0;
  for (;;) {
    i = s.indexOf(open, i);
    if (i < 0) break;
    const c = s.charCodeAt(i + open.length);
    if (c !== 62 && c !== 47 && !isSpace(c)) {
      i += open.length;
      continue;
    }
    const tagEnd = s.indexOf(">", i);
    if (tagEnd < 0) break;
    if (s.charCodeAt(tagEnd - 1) === 47) {
      i = tagEnd + 1;
      continue;
    }
    const end = s.indexOf(close, tagEnd);
    if (end < 0) break;
    const text = elementText(s, tagEnd + 1, end);
    out = parts === 0 ? text : out + text;
    parts++;
    i = end + close.length;
  }
  return out;
}

/** Decoded text between `from` and `to`, with CDATA sections taken literally. */
export function elementText(s: string, from: number, to: number): string {
  // Fast path (numbers, most text): nothing to decode.
  let plain = true;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 38 /* & */ || c === 60 /* < */ || c === 13 /* CR */) {
      plain = false;
      break;
    }
  }
  if (plain) return s.slice(from, to);
  let raw = s.slice(from, to);
  if (raw.indexOf("\r") >= 0) raw = raw.replace(/\r\n?/g, "\n");
  if (raw.indexOf("<![CDATA[") < 0) return decodeXml(raw);
  let out = "";
  let i = 0;
  for (;;) {
    const c = raw.indexOf("<![CDATA[", i);
    if (c < 0) return out + decodeXml(raw.slice(i));
    out += decodeXml(raw.slice(i, c));
    const e = raw.indexOf("]]>", c + 9);
    if (e < 0) return out + raw.slice(c + 9);
    out += raw.slice(c + 9, e);
    i = e + 3;
  }
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
