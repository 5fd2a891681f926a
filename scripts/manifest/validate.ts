/**
 * Offline checks of the add-in manifest (XML, add-in only, task pane, Excel). Not a schema validator:
 * it checks what Office or AppSource would reject or what would break the add-in at run time, with
 * the limits documented in the manifest reference (learn.microsoft.com/javascript/api/manifest) and
 * the schemas (OfficeAppManifestV1_1.xsd, TaskPaneAppVersionOverridesV1_0.xsd):
 *
 * - ShortString (DisplayName, ProviderName, ShortStrings, Group/Control id): 1–125 characters
 * - LongString (Description, LongStrings, FunctionName): 1–250 characters
 * - resid / resource id: 1–32 characters; URL: up to 2048 characters
 * - IconUrl 32 × 32 px, HighResolutionIconUrl 64 × 64 px; every command Icon has 16, 32 and 80
 *
 * plus this project's rules: one https origin for every URL, the shared runtime wired to a single
 * page, ReadWriteDocument and nothing broader, ExcelApi 1.8 + SharedRuntime 1.1, and a vi-VN
 * override for every string the user reads.
 */
import { existsSync, readFileSync, statSync } from "fs";
import { join, relative, resolve, sep } from "path";
import { readPngHeader } from "../lib/png";
import { child, descendants, parseXml, path, XmlError, type XmlElement } from "../lib/xml";

export type CheckId =
  | "xml"
  | "structure"
  | "order"
  | "id"
  | "version"
  | "permissions"
  | "requirements"
  | "resources"
  | "sharedRuntime"
  | "commands"
  | "urls"
  | "icons"
  | "lengths"
  | "locales"
  | "dist";

export interface ManifestProblem {
  check: CheckId;
  message: string;
  line?: number;
}

export interface ValidateOptions {
  /** Folder that URL paths map onto (…/assets/icon-16.png → <root>/assets/icon-16.png). */
  root: string;
  /** Locales every user-visible string must override besides DefaultLocale. Default: vi-VN. */
  locales?: readonly string[];
  /** A built folder (dist-web) in which every URL's file must exist. */
  dist?: string;
}

export interface ManifestReport {
  problems: ManifestProblem[];
  /** The checks that ran, in order (all of them unless the XML is not well-formed). */
  checks: CheckId[];
  stats: { urls: number; icons: number; resources: number; strings: number };
}

export const MIN_REQUIREMENTS: Readonly<Record<string, string>> = { ExcelApi: "1.8", SharedRuntime: "1.1" };
export const REQUIRED_PERMISSION = "ReadWriteDocument";
const NS_OFFICEAPP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

const SHORT = 125;
const LONG = 250;
const RESID = 32;
const URL_MAX = 2048;
const COMMAND_ICON_SIZES = [16, 32, 80];

/** The children of each element, in the order the schemas require; `!` marks required ones. */
const SEQUENCES: Record<string, readonly string[]> = {
  OfficeApp: [
    "Id!",
    "AlternateId",
    "Version!",
    "ProviderName!",
    "DefaultLocale!",
    "DisplayName!",
    "Description!",
    "IconUrl!",
    "HighResolutionIconUrl!",
    "SupportUrl!",
    "AppDomains",
    "Hosts!",
    "Requirements!",
    "DefaultSettings!",
    "Permissions!",
    "VersionOverrides!",
  ],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts!",
    "Resources!",
    "WebApplicationInfo",
    "EquivalentAddins",
  ],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint!"],
  GetStarted: ["Title!", "Description!", "LearnMoreUrl!"],
  Group: ["OverriddenByRibbonApi", "Label!", "Icon!", "Control!"],
  Button: ["OverriddenByRibbonApi", "Label!", "Supertip!", "Icon!", "Action!", "Enabled"],
  Supertip: ["Title!", "Description!"],
  ShowTaskpane: ["TaskpaneId", "SourceLocation!", "Title"],
  ExecuteFunction: ["FunctionName!"],
  Resources: ["Images!", "Urls!", "ShortStrings", "LongStrings"],
};
/** Elements that may repeat. */
const REPEATABLE = new Set(["ExtensionPoint", "Control"]);

type ResourceKind = "image" | "url" | "short" | "long";
const KIND_NAMES: Record<ResourceKind, string> = {
  image: "bt:Images/bt:Image",
  url: "bt:Urls/bt:Url",
  short: "bt:ShortStrings/bt:String",
  long: "bt:LongStrings/bt:String",
};

interface Resource {
  id: string;
  kind: ResourceKind;
  el: XmlElement;
}

/** Length in characters as the schemas count them (code points, not UTF-16 units). */
function length(s: string): number {
  return [...s].length;
}

function versionAtLeast(actual: string, minimum: string): boolean {
  const a = actual.split(".").map(Number);
  const m = minimum.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, m.length); i++) {
    const x = a[i] ?? 0;
    const y = m[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

const CULTURE =
  /^(?:[a-zA-Z]{2,3}-[a-zA-Z0-9]{3,8}(?:-[a-zA-Z]{2,3})?|[a-zA-Z]{2,3}(?:-[a-zA-Z]{2,3}(?:_tradnl|\.pseudo|-[a-zA-Z]{4,8})?)?)$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function validateManifest(xml: string, opts: ValidateOptions): ManifestReport {
  const problems: ManifestProblem[] = [];
  const checks: CheckId[] = [];
  const stats = { urls: 0, icons: 0, resources: 0, strings: 0 };
  const report = (check: CheckId, message: string, el?: XmlElement) =>
    problems.push({ check, message, ...(el ? { line: el.line } : {}) });

  checks.push("xml");
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    report("xml", `not well-formed XML: ${e.message}`);
    return { problems, checks, stats };
  }

  const text = (el: XmlElement | undefined) => (el?.text ?? "").trim();
  const all = [root, ...descendants(root)];
  const versionOverrides = child(root, "VersionOverrides");
  const host = path(versionOverrides, "Hosts", "Host");
  const desktop = child(host, "DesktopFormFactor");
  const resources = child(versionOverrides, "Resources");

  // ---- structure: the elements this add-in needs, in the right namespaces ----
  checks.push("structure");
  if (root.local !== "OfficeApp" || root.ns !== NS_OFFICEAPP) {
    report(
      "structure",
      `the root element must be <OfficeApp xmlns="${NS_OFFICEAPP}">, not <${root.name}>`,
      root,
    );
  }
  if (root.attrs["xsi:type"] !== "TaskPaneApp") {
    report(
      "structure",
      `<OfficeApp> must have xsi:type="TaskPaneApp" (found "${root.attrs["xsi:type"] ?? ""}")`,
      root,
    );
  }
  if (versionOverrides && versionOverrides.ns !== NS_OVERRIDES) {
    report("structure", `<VersionOverrides> must be in the namespace ${NS_OVERRIDES}`, versionOverrides);
  }
  if (versionOverrides && versionOverrides.attrs["xsi:type"] !== "VersionOverridesV1_0") {
    report("structure", `<VersionOverrides> must have xsi:type="VersionOverridesV1_0"`, versionOverrides);
  }
  const hostNames = (child(root, "Hosts")?.children ?? []).map((h) => h.attrs.Name);
  if (hostNames.length !== 1 || hostNames[0] !== "Workbook") {
    report(
      "structure",
      `<Hosts> must list exactly <Host Name="Workbook"/> (found ${hostNames.join(", ") || "none"})`,
    );
  }
  if (!host || host.attrs["xsi:type"] !== "Workbook") {
    report("structure", `VersionOverrides/Hosts must contain <Host xsi:type="Workbook">`, versionOverrides);
  }
  if (!path(root, "DefaultSettings", "SourceLocation")) {
    report("structure", "missing DefaultSettings/SourceLocation (the task pane page)");
  }
  if (!desktop)
    report("structure", "missing VersionOverrides/Hosts/Host/DesktopFormFactor (the ribbon)", host);
  const surfaces = (desktop?.children ?? []).filter(
    (e) => e.local === "ExtensionPoint" && e.attrs["xsi:type"] === "PrimaryCommandSurface",
  );
  const homeTab = surfaces
    .flatMap((s) => s.children)
    .find((t) => t.local === "OfficeTab" && t.attrs.id === "TabHome");
  if (!homeTab || !child(homeTab, "Group")) {
    report(
      "structure",
      `missing a <Group> on <OfficeTab id="TabHome"> in a PrimaryCommandSurface extension point`,
    );
  }
  const basicTypes = new Set(["Image", "Images", "Url", "Urls", "String", "ShortStrings", "LongStrings"]);
  for (const el of all) {
    if (basicTypes.has(el.local) && el.ns !== NS_BT) {
      report("structure", `<${el.name}> must be in the namespace ${NS_BT} (bt:)`, el);
    }
  }

  // ---- order: children in schema order, required ones present, no strays ----
  checks.push("order");
  for (const el of all) {
    const key =
      el.local === "Control" ? el.attrs["xsi:type"] : el.local === "Action" ? el.attrs["xsi:type"] : el.local;
    const sequence = SEQUENCES[key ?? ""];
    if (!sequence) continue;
    if (el.local === "Host" && el.parent?.parent?.local !== "VersionOverrides") continue;
    const names = sequence.map((s) => s.replace("!", ""));
    let last = -1;
    const seen = new Set<string>();
    for (const c of el.children) {
      const index = names.indexOf(c.local);
      if (index < 0) {
        report("order", `<${c.name}> is not a valid child of <${el.name}> (expected ${names.join(", ")})`, c);
        continue;
      }
      if (index < last)
        report(
          "order",
          `<${c.name}> must come before <${el.children.find((x) => names.indexOf(x.local) === last)?.name}> in <${el.name}>`,
          c,
        );
      if (seen.has(c.local) && !REPEATABLE.has(c.local))
        report("order", `<${c.name}> appears more than once in <${el.name}>`, c);
      seen.add(c.local);
      last = Math.max(last, index);
    }
    for (const required of sequence.filter((s) => s.endsWith("!")).map((s) => s.slice(0, -1))) {
      if (!seen.has(required)) report("order", `<${el.name}> is missing its required <${required}>`, el);
    }
  }

  // ---- id, version, permissions ----
  checks.push("id");
  const id = text(child(root, "Id"));
  if (!GUID.test(id))
    report(
      "id",
      `<Id> must be a GUID such as 9788f08c-588a-45e6-a879-6a2ca70d3b99 (found "${id}")`,
      child(root, "Id"),
    );
  else if (/^[0-]+$/.test(id)) report("id", "<Id> must not be the nil GUID", child(root, "Id"));

  checks.push("version");
  const version = text(child(root, "Version"));
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) {
    report(
      "version",
      `<Version> must have four parts of up to five digits, e.g. 0.1.0.0 (found "${version}")`,
      child(root, "Version"),
    );
  }

  checks.push("permissions");
  const permission = text(child(root, "Permissions"));
  if (permission !== REQUIRED_PERMISSION) {
    report(
      "permissions",
      `<Permissions> must be ${REQUIRED_PERMISSION} — no broader, no narrower (found "${permission}")`,
      child(root, "Permissions"),
    );
  }

  // ---- requirements ----
  checks.push("requirements");
  const sets = path(root, "Requirements", "Sets");
  const defaultMin = sets?.attrs.DefaultMinVersion ?? "1.1";
  for (const [name, min] of Object.entries(MIN_REQUIREMENTS)) {
    const set = sets?.children.find((s) => s.local === "Set" && s.attrs.Name === name);
    if (!set) {
      report(
        "requirements",
        `Requirements/Sets must include <Set Name="${name}" MinVersion="${min}"/>`,
        sets ?? root,
      );
      continue;
    }
    const declared = set.attrs.MinVersion ?? defaultMin;
    if (!/^\d{1,5}\.\d{1,5}$/.test(declared))
      report("requirements", `${name} MinVersion "${declared}" is not of the form 1.8`, set);
    else if (!versionAtLeast(declared, min))
      report("requirements", `${name} MinVersion is ${declared}; this add-in needs at least ${min}`, set);
  }

  // ---- resources: defined once, referenced with the right kind, all used ----
  checks.push("resources");
  const defined = new Map<string, Resource>();
  const groups: [string, ResourceKind][] = [
    ["Images", "image"],
    ["Urls", "url"],
    ["ShortStrings", "short"],
    ["LongStrings", "long"],
  ];
  for (const [group, kind] of groups) {
    for (const el of child(resources, group)?.children ?? []) {
      const rid = el.attrs.id ?? "";
      if (!rid) {
        report("resources", `a <${el.name}> in <${group}> has no id`, el);
        continue;
      }
      if (length(rid) > RESID)
        report("resources", `resource id "${rid}" is ${length(rid)} characters; the limit is ${RESID}`, el);
      if (defined.has(rid)) report("resources", `resource id "${rid}" is defined more than once`, el);
      else defined.set(rid, { id: rid, kind, el });
      if (!("DefaultValue" in el.attrs)) report("resources", `resource "${rid}" has no DefaultValue`, el);
    }
  }
  stats.resources = defined.size;
  const expectedKind = (el: XmlElement): ResourceKind | undefined => {
    switch (el.local) {
      case "Image":
        return "image";
      case "SourceLocation":
      case "FunctionFile":
      case "LearnMoreUrl":
      case "Runtime":
        return "url";
      case "Label":
      case "Title":
        return "short";
      case "Description":
        return "long";
      default:
        return undefined;
    }
  };
  const used = new Set<string>();
  /** image resource id → the pixel sizes it is referenced at */
  const imageSizes = new Map<string, { size: number; el: XmlElement }[]>();
  for (const el of all) {
    if (!("resid" in el.attrs)) continue;
    const rid = el.attrs.resid;
    used.add(rid);
    if (length(rid) > RESID)
      report(
        "resources",
        `resid "${rid}" on <${el.name}> is ${length(rid)} characters; the limit is ${RESID}`,
        el,
      );
    const res = defined.get(rid);
    const want = expectedKind(el);
    if (!res) {
      report(
        "resources",
        `<${el.name} resid="${rid}"> refers to a resource that is not defined${want ? ` (expected in ${KIND_NAMES[want]})` : ""}`,
        el,
      );
      continue;
    }
    if (want && res.kind !== want) {
      report(
        "resources",
        `<${el.name} resid="${rid}"> must refer to ${KIND_NAMES[want]}, but "${rid}" is in ${KIND_NAMES[res.kind]}`,
        el,
      );
    }
    if (el.local === "Image") {
      const size = Number(el.attrs.size);
      imageSizes.set(rid, [...(imageSizes.get(rid) ?? []), { size, el }]);
    }
  }
  for (const res of defined.values()) {
    if (!used.has(res.id))
      report(
        "resources",
        `resource "${res.id}" (${KIND_NAMES[res.kind]}) is defined but never referenced`,
        res.el,
      );
  }
  const urlOf = (rid: string | undefined) => (rid ? defined.get(rid)?.el.attrs.DefaultValue : undefined);

  // ---- shared runtime: one page for the runtime, the function file and the pane ----
  checks.push("sharedRuntime");
  const runtimes = child(host, "Runtimes")?.children.filter((r) => r.local === "Runtime") ?? [];
  const sourceLocation = path(root, "DefaultSettings", "SourceLocation")?.attrs.DefaultValue ?? "";
  if (runtimes.length !== 1) {
    report(
      "sharedRuntime",
      `Host must declare exactly one <Runtimes><Runtime resid="…" lifetime="long"/></Runtimes> (found ${runtimes.length})`,
      host,
    );
  } else {
    const runtime = runtimes[0];
    const runtimeId = runtime.attrs.resid;
    if (runtime.attrs.lifetime !== "long")
      report(
        "sharedRuntime",
        `<Runtime> must have lifetime="long" (found "${runtime.attrs.lifetime ?? "short"}")`,
        runtime,
      );
    if (urlOf(runtimeId) !== undefined && urlOf(runtimeId) !== sourceLocation) {
      report(
        "sharedRuntime",
        `the Runtime page ${urlOf(runtimeId)} must be the task pane page ${sourceLocation} (DefaultSettings/SourceLocation)`,
        runtime,
      );
    }
    const functionFile = child(desktop, "FunctionFile");
    if (!functionFile)
      report(
        "sharedRuntime",
        `DesktopFormFactor needs <FunctionFile resid="${runtimeId}"/> for the ribbon's ExecuteFunction commands`,
        desktop,
      );
    else if (functionFile.attrs.resid !== runtimeId) {
      report(
        "sharedRuntime",
        `<FunctionFile resid="${functionFile.attrs.resid}"> must use the Runtime's resid "${runtimeId}"`,
        functionFile,
      );
    }
    const panes = all.filter((e) => e.local === "Action" && e.attrs["xsi:type"] === "ShowTaskpane");
    const paneIds = new Set<string>();
    for (const pane of panes) {
      const src = child(pane, "SourceLocation");
      if (src && src.attrs.resid !== runtimeId) {
        report(
          "sharedRuntime",
          `ShowTaskpane <SourceLocation resid="${src.attrs.resid}"> must use the Runtime's resid "${runtimeId}"`,
          src,
        );
      }
      const paneId = text(child(pane, "TaskpaneId"));
      if (!paneId)
        report(
          "sharedRuntime",
          "every ShowTaskpane action needs a <TaskpaneId>: a shared runtime supports one pane",
          pane,
        );
      else paneIds.add(paneId);
    }
    if (paneIds.size > 1)
      report(
        "sharedRuntime",
        `all ShowTaskpane actions must share one TaskpaneId (found ${[...paneIds].join(", ")})`,
      );
  }

  // ---- commands: ids, function names, icon sizes ----
  checks.push("commands");
  const seenIds = new Map<string, XmlElement>();
  for (const el of all.filter((e) => e.local === "Group" || e.local === "Control")) {
    const cid = el.attrs.id ?? "";
    if (!cid) report("commands", `<${el.name}> has no id`, el);
    else if (length(cid) > SHORT)
      report("commands", `${el.local} id "${cid}" is ${length(cid)} characters; the limit is ${SHORT}`, el);
    if (cid && seenIds.has(cid))
      report("commands", `id "${cid}" is used by more than one Group or Control`, el);
    seenIds.set(cid, el);
    if (el.local === "Control" && el.attrs["xsi:type"] !== "Button" && el.attrs["xsi:type"] !== "Menu") {
      report(
        "commands",
        `Control "${cid}" has xsi:type="${el.attrs["xsi:type"] ?? ""}"; expected Button or Menu`,
        el,
      );
    }
  }
  for (const action of all.filter((e) => e.local === "Action")) {
    const type = action.attrs["xsi:type"];
    if (type !== "ExecuteFunction" && type !== "ShowTaskpane") {
      report("commands", `<Action xsi:type="${type ?? ""}"> must be ExecuteFunction or ShowTaskpane`, action);
    }
    if (type === "ExecuteFunction") {
      const name = text(child(action, "FunctionName"));
      if (!IDENTIFIER.test(name))
        report(
          "commands",
          `FunctionName "${name}" must be a JavaScript identifier (the id passed to Office.actions.associate)`,
          action,
        );
      else if (length(name) > LONG)
        report("commands", `FunctionName "${name}" is longer than ${LONG} characters`, action);
    }
  }
  for (const icon of all.filter((e) => e.local === "Icon")) {
    const sizes = icon.children.map((i) => Number(i.attrs.size));
    for (const size of COMMAND_ICON_SIZES) {
      if (!sizes.includes(size))
        report(
          "commands",
          `<Icon> in ${icon.parent?.local} "${icon.parent?.attrs.id ?? ""}" has no size="${size}" image (16, 32 and 80 are required)`,
          icon,
        );
    }
  }

  // ---- urls: https, one origin, under the pane page's folder ----
  checks.push("urls");
  interface UrlUse {
    url: string;
    where: string;
    el: XmlElement;
    /** Expected square pixel size when the URL is an icon. */
    iconSize?: number;
  }
  const uses: UrlUse[] = [];
  const withOverrides = (el: XmlElement, value: string | undefined, where: string, iconSize?: number) => {
    if (value !== undefined) uses.push({ url: value, where, el, iconSize });
    for (const o of el.children.filter((c) => c.local === "Override")) {
      if (o.attrs.Value !== undefined)
        uses.push({ url: o.attrs.Value, where: `${where} (${o.attrs.Locale})`, el: o, iconSize });
    }
  };
  const topUrls: [string, number | undefined][] = [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
    ["SupportUrl", undefined],
  ];
  for (const [name, size] of topUrls) {
    const el = child(root, name);
    if (el) withOverrides(el, el.attrs.DefaultValue, name, size);
  }
  const defaultSource = path(root, "DefaultSettings", "SourceLocation");
  if (defaultSource)
    withOverrides(defaultSource, defaultSource.attrs.DefaultValue, "DefaultSettings/SourceLocation");
  for (const res of defined.values()) {
    if (res.kind !== "image" && res.kind !== "url") continue;
    const sizes = res.kind === "image" ? [...new Set((imageSizes.get(res.id) ?? []).map((s) => s.size))] : [];
    if (sizes.length > 1)
      report(
        "icons",
        `image "${res.id}" is used at several sizes (${sizes.join(", ")}); each size needs its own file`,
        res.el,
      );
    withOverrides(
      res.el,
      res.el.attrs.DefaultValue,
      `${res.kind === "image" ? "image" : "url"} "${res.id}"`,
      sizes[0],
    );
  }
  for (const domain of child(root, "AppDomains")?.children ?? [])
    uses.push({ url: text(domain), where: "AppDomain", el: domain });
  stats.urls = uses.length;

  let base: URL | undefined;
  try {
    base = new URL(".", sourceLocation);
  } catch {
    report(
      "urls",
      `DefaultSettings/SourceLocation "${sourceLocation}" is not an absolute URL`,
      defaultSource,
    );
  }
  const fileOf = (use: UrlUse): string | undefined => {
    if (!base) return undefined;
    const u = new URL(use.url);
    const rel = decodeURIComponent(u.pathname.slice(base.pathname.length));
    return rel;
  };
  const usable: UrlUse[] = [];
  for (const use of uses) {
    let u: URL;
    try {
      u = new URL(use.url);
    } catch {
      report("urls", `${use.where}: "${use.url}" is not an absolute URL`, use.el);
      continue;
    }
    if (length(use.url) > URL_MAX)
      report("urls", `${use.where}: the URL is longer than ${URL_MAX} characters`, use.el);
    if (u.protocol !== "https:") {
      report("urls", `${use.where}: ${use.url} must use https`, use.el);
      continue;
    }
    if (base && u.origin !== base.origin) {
      report(
        "urls",
        `${use.where}: ${use.url} is not on ${base.origin}, the origin of the task pane page; every URL must share it`,
        use.el,
      );
      continue;
    }
    if (base && use.where !== "AppDomain" && !u.pathname.startsWith(base.pathname)) {
      report(
        "urls",
        `${use.where}: ${use.url} is outside ${base.href}, the folder of the task pane page`,
        use.el,
      );
      continue;
    }
    usable.push(use);
  }

  // ---- icons: the file exists under root, is a PNG, has the size it is used at ----
  checks.push("icons");
  const rootDir = resolve(opts.root);
  for (const use of usable.filter((u) => u.iconSize !== undefined)) {
    stats.icons++;
    const rel = fileOf(use);
    if (rel === undefined) continue;
    const file = resolve(rootDir, rel);
    const shown = relative(process.cwd(), file) || file;
    if (!file.startsWith(rootDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      report(
        "icons",
        `${use.where}: ${use.url} has no file ${join(relative(process.cwd(), rootDir) || ".", rel)}`,
        use.el,
      );
      continue;
    }
    try {
      const header = readPngHeader(readFileSync(file));
      if (header.width !== use.iconSize || header.height !== use.iconSize) {
        report(
          "icons",
          `${use.where}: ${shown} is ${header.width}×${header.height} pixels; it is used as a ${use.iconSize}×${use.iconSize} icon`,
          use.el,
        );
      }
    } catch (e) {
      report("icons", `${use.where}: ${shown} is not a valid PNG (${(e as Error).message})`, use.el);
    }
  }

  // ---- lengths ----
  checks.push("lengths");
  const limit = (value: string | undefined, max: number, what: string, el: XmlElement) => {
    if (value === undefined || value.trim() === "") report("lengths", `${what} is empty`, el);
    else if (length(value) > max)
      report("lengths", `${what} is ${length(value)} characters; the limit is ${max}: "${value}"`, el);
  };
  const providerName = child(root, "ProviderName");
  if (providerName) limit(text(providerName), SHORT, "ProviderName", providerName);
  const localised: { el: XmlElement; max: number; what: string }[] = [];
  for (const [name, max] of [
    ["DisplayName", SHORT],
    ["Description", LONG],
  ] as const) {
    const el = child(root, name);
    if (el) localised.push({ el, max, what: name });
  }
  for (const [group, max] of [
    ["ShortStrings", SHORT],
    ["LongStrings", LONG],
  ] as const) {
    for (const el of child(resources, group)?.children ?? [])
      localised.push({ el, max, what: `${group} "${el.attrs.id}"` });
  }
  stats.strings = localised.length;
  for (const { el, max, what } of localised) {
    limit(el.attrs.DefaultValue, max, what, el);
    for (const o of el.children.filter((c) => c.local === "Override"))
      limit(o.attrs.Value, max, `${what} (${o.attrs.Locale})`, o);
  }

  // ---- locales: every string the user reads has each required override ----
  checks.push("locales");
  const defaultLocale = text(child(root, "DefaultLocale"));
  if (!CULTURE.test(defaultLocale))
    report(
      "locales",
      `DefaultLocale "${defaultLocale}" is not a culture name such as en-US`,
      child(root, "DefaultLocale"),
    );
  const required = (opts.locales ?? ["vi-VN"]).filter((l) => l.toLowerCase() !== defaultLocale.toLowerCase());
  for (const el of all.filter((e) => e.local === "Override" && "Locale" in e.attrs)) {
    const locale = el.attrs.Locale;
    if (!CULTURE.test(locale))
      report("locales", `Override Locale "${locale}" is not a culture name such as vi-VN`, el);
    if (locale.toLowerCase() === defaultLocale.toLowerCase()) {
      report(
        "locales",
        `an Override for ${locale} repeats the DefaultLocale; put that text in DefaultValue`,
        el,
      );
    }
  }
  for (const { el, what } of localised) {
    const locales = el.children
      .filter((c) => c.local === "Override")
      .map((o) => o.attrs.Locale?.toLowerCase());
    for (const locale of required) {
      if (!locales.includes(locale.toLowerCase()))
        report("locales", `${what} has no <Override Locale="${locale}">`, el);
    }
    if (new Set(locales).size !== locales.length)
      report("locales", `${what} overrides the same locale twice`, el);
  }

  // ---- dist: every URL resolves to a built file ----
  if (opts.dist) {
    checks.push("dist");
    const distDir = resolve(opts.dist);
    for (const use of usable.filter((u) => u.where !== "AppDomain")) {
      const rel = fileOf(use);
      if (rel === undefined) continue;
      const file = resolve(distDir, rel || "index.html");
      if (!existsSync(file) || !statSync(file).isFile()) {
        report(
          "dist",
          `${use.where}: ${use.url} is not in the build (${join(relative(process.cwd(), distDir) || ".", rel)})`,
          use.el,
        );
      }
    }
  }

  return { problems, checks, stats };
}

/** The report as lines for the console. */
export function formatReport(file: string, report: ManifestReport): string[] {
  if (report.problems.length === 0) {
    const s = report.stats;
    return [
      `${file}: OK — ${report.checks.length} checks (${report.checks.join(", ")}); ` +
        `${s.urls} URLs, ${s.icons} icons, ${s.resources} resources, ${s.strings} localised strings`,
    ];
  }
  const n = report.problems.length;
  return [
    `${file}: ${n} problem${n === 1 ? "" : "s"}`,
    ...report.problems.map(
      (p) => `  ✗ [${p.check}] ${p.line !== undefined ? `line ${p.line}: ` : ""}${p.message}`,
    ),
  ];
}
