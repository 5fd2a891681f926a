/**
 * The two package-level XML parts the patch port edits as text: a relationships part
 * (`xl/_rels/workbook.xml.rels`) and `[Content_Types].xml`. Edits insert or remove whole elements and
 * leave every other byte as it was.
 */
import { decodeXml, escapeAttr, rawAttr } from "./xmlText";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_WORKSHEET = `${REL_NS}/worksheet`;
export const REL_STYLES = `${REL_NS}/styles`;
export const REL_SHARED_STRINGS = `${REL_NS}/sharedStrings`;
export const REL_CALC_CHAIN = `${REL_NS}/calcChain`;
export const REL_OFFICE_DOCUMENT = `${REL_NS}/officeDocument`;

export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const REL_ELEMENT =
  /<(?:[A-Za-z_][\w.-]*:)?Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?Relationship>)/g;

function relOf(element: string): Relationship {
  const get = (name: string) => decodeXml(rawAttr(element, name) ?? "");
  return {
    id: get("Id"),
    type: get("Type"),
    target: get("Target"),
    external: get("TargetMode") === "External",
  };
}

export function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(REL_ELEMENT)].map((m) => relOf(m[0]));
}

/** A relationship type matches by its last segment too, so Strict-namespace files are read alike. */
export function isRelType(rel: Relationship, type: string): boolean {
  if (rel.type === type) return true;
  const tail = type.slice(type.lastIndexOf("/"));
  return rel.type.endsWith(tail);
}

/** "rIdN" with N one more than the largest number used by any "rId…" id. */
export function nextRelationshipId(rels: readonly Relationship[]): string {
  let max = 0;
  for (const r of rels) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (rels.some((r) => r.id === `rId${n}`)) n++;
  return `rId${n}`;
}

function closingTag(xml: string, local: string): number {
  const m = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${local}\\s*>\\s*$`).exec(xml);
  return m ? m.index : -1;
}

/** Adds a relationship (internal target) at the end of the part. */
export function addRelationship(xml: string, rel: { id: string; type: string; target: string }): string {
  const element = `<Relationship Id="${escapeAttr(rel.id)}" Type="${escapeAttr(rel.type)}" Target="${escapeAttr(rel.target)}"/>`;
  const end = closingTag(xml, "Relationships");
  if (end >= 0) return xml.slice(0, end) + element + xml.slice(end);
  const selfClosed = /<((?:[A-Za-z_][\w.-]*:)?Relationships)\b([^>]*?)\/>/.exec(xml);
  if (!selfClosed) throw new Error("Not a relationships part");
  return (
    xml.slice(0, selfClosed.index) +
    `<${selfClosed[1]}${selfClosed[2]}>${element}</${selfClosed[1]}>` +
    xml.slice(selfClosed.index + selfClosed[0].length)
  );
}

export function removeRelationship(xml: string, id: string): string {
  return xml.replace(REL_ELEMENT, (element) => (relOf(element).id === id ? "" : element));
}

/** A new, empty relationships part. */
export function emptyRelationships(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
  );
}

// ---------------------------------------------------------------- [Content_Types].xml

const OVERRIDE =
  /<(?:[A-Za-z_][\w.-]*:)?Override\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?Override>)/g;

function partNameOf(element: string): string {
  return decodeXml(rawAttr(element, "PartName") ?? "");
}

/** Adds (or replaces) the Override of `/part`. Part names compare case-insensitively, as OPC says. */
export function setOverride(xml: string, part: string, contentType: string): string {
  const name = "/" + part;
  const cleaned = removeOverride(xml, part);
  const element = `<Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(contentType)}"/>`;
  const end = closingTag(cleaned, "Types");
  if (end < 0) throw new Error("[Content_Types].xml has no </Types>");
  return cleaned.slice(0, end) + element + cleaned.slice(end);
}

export function removeOverride(xml: string, part: string): string {
  const name = ("/" + part).toLowerCase();
  return xml.replace(OVERRIDE, (element) => (partNameOf(element).toLowerCase() === name ? "" : element));
}
