/**
 * A small, strict XML parser for our own files (the add-in manifest): elements, attributes, text,
 * comments, CDATA, the XML declaration and the five predefined plus numeric entities. No DTDs. It
 * rejects what is not well-formed — mismatched or unclosed tags, duplicate attributes, unquoted
 * values, stray "<" or "&", content after the root — naming the line and column.
 */

export interface XmlElement {
  /** The qualified name as written, e.g. "bt:Image". */
  name: string;
  /** The local part, e.g. "Image". */
  local: string;
  /** The namespace URI, resolved from xmlns declarations ("" when none). */
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content directly inside this element (not its children's), untrimmed. */
  text: string;
  parent: XmlElement | null;
  line: number;
}

export class XmlError extends Error {
  override name = "XmlError";
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9._:\u00b7\u00c0-\uffff]*/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  let at = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);

  function position(offset: number): [number, number] {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - lineStarts[lo] + 1];
  }
  function fail(message: string, offset = at): never {
    const [line, column] = position(offset);
    throw new XmlError(message, line, column);
  }
  function skipSpace(): void {
    while (at < source.length && /\s/.test(source[at])) at++;
  }
  function readName(): string {
    NAME.lastIndex = at;
    const m = NAME.exec(source);
    if (!m) fail("expected a name");
    at += m[0].length;
    return m[0];
  }
  function decode(raw: string, offset: number): string {
    return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string, index: number) => {
      if (!whole.endsWith(";")) fail("'&' must start an entity such as &amp;", offset + index);
      if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      const value = ENTITIES[ref];
      if (value === undefined) fail(`unknown entity &${ref};`, offset + index);
      return value;
    });
  }
  function skipMisc(allowDeclaration: boolean): void {
    for (;;) {
      skipSpace();
      if (source.startsWith("<?xml", at) && /\s/.test(source[at + 5] ?? "")) {
        if (!allowDeclaration) fail("the XML declaration must come first");
        const end = source.indexOf("?>", at);
        if (end < 0) fail("unterminated XML declaration");
        at = end + 2;
      } else if (source.startsWith("<?", at)) {
        const end = source.indexOf("?>", at);
        if (end < 0) fail("unterminated processing instruction");
        at = end + 2;
      } else if (source.startsWith("<!--", at)) {
        const end = source.indexOf("-->", at + 4);
        if (end < 0) fail("unterminated comment");
        at = end + 3;
      } else if (source.startsWith("<!DOCTYPE", at)) {
        fail("DOCTYPE is not supported");
      } else return;
      allowDeclaration = false;
    }
  }

  /** Parses one element starting at "<"; `scopes` maps prefixes to namespace URIs. */
  function element(parent: XmlElement | null, scopes: Record<string, string>): XmlElement {
    const start = at;
    at++; // "<"
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const beforeSpace = at;
      skipSpace();
      if (source.startsWith("/>", at) || source[at] === ">") break;
      if (at >= source.length) fail(`unterminated start tag <${name}>`, start);
      if (at === beforeSpace) fail(`expected whitespace before an attribute in <${name}>`);
      const attrAt = at;
      const attr = readName();
      skipSpace();
      if (source[at] !== "=") fail(`attribute ${attr} has no value`);
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail(`the value of ${attr} must be quoted`);
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail(`unterminated value of ${attr}`);
      const raw = source.slice(at + 1, end);
      if (raw.includes("<")) fail(`'<' in the value of ${attr}`, at + 1 + raw.indexOf("<"));
      if (attr in attrs) fail(`duplicate attribute ${attr}`, attrAt);
      attrs[attr] = decode(raw, at + 1);
      at = end + 1;
    }
    const own = { ...scopes };
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "xmlns") own[""] = v;
      else if (k.startsWith("xmlns:")) own[k.slice(6)] = v;
    }
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    const ns = own[prefix];
    if (ns === undefined && prefix !== "") fail(`undeclared namespace prefix "${prefix}"`, start);
    const el: XmlElement = {
      name,
      local: colon < 0 ? name : name.slice(colon + 1),
      ns: ns ?? "",
      attrs,
      children: [],
      text: "",
      parent,
      line: position(start)[0],
    };
    if (source.startsWith("/>", at)) {
      at += 2;
      return el;
    }
    at++; // ">"
    for (;;) {
      if (at >= source.length) fail(`<${name}> is never closed`, start);
      if (source.startsWith("</", at)) {
        at += 2;
        const closeAt = at;
        const closing = readName();
        if (closing !== name)
          fail(`</${closing}> does not close <${name}> (opened on line ${el.line})`, closeAt);
        skipSpace();
        if (source[at] !== ">") fail(`expected ">" to end </${closing}>`);
        at++;
        return el;
      }
      if (source.startsWith("<!--", at)) {
        const end = source.indexOf("-->", at + 4);
        if (end < 0) fail("unterminated comment");
        at = end + 3;
      } else if (source.startsWith("<![CDATA[", at)) {
        const end = source.indexOf("]]>", at + 9);
        if (end < 0) fail("unterminated CDATA section");
        el.text += source.slice(at + 9, end);
        at = end + 3;
      } else if (source.startsWith("<?", at)) {
        const end = source.indexOf("?>", at);
        if (end < 0) fail("unterminated processing instruction");
        at = end + 2;
      } else if (source[at] === "<") {
        el.children.push(element(el, own));
      } else {
        const next = source.indexOf("<", at);
        const end = next < 0 ? source.length : next;
        el.text += decode(source.slice(at, end), at);
        at = end;
      }
    }
  }

  skipMisc(true);
  if (source[at] !== "<") fail("expected the root element");
  const root = element(null, { xml: "http://www.w3.org/XML/1998/namespace" });
  skipMisc(false);
  if (at < source.length) fail("content after the root element");
  return root;
}

/** Every element below `el` (depth first, document order), `el` excluded. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** The first child with this local name, or undefined. */
export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

/** Follows a path of local names from `el`, taking the first match at each step. */
export function path(el: XmlElement | undefined, ...locals: string[]): XmlElement | undefined {
  return locals.reduce<XmlElement | undefined>((e, l) => child(e, l), el);
}

/** The element's path from the root, e.g. "OfficeApp/VersionOverrides/Hosts/Host". */
export function describe(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) parts.unshift(e.local);
  return parts.join("/");
}
