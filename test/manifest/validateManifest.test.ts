import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { validateManifest, type CheckId, type ManifestReport } from "../../scripts/manifest/validate";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function check(xml: string, opts: { root?: string; dist?: string } = {}): ManifestReport {
  return validateManifest(xml, { root: opts.root ?? ROOT, dist: opts.dist });
}

/** Replaces exactly one occurrence, so a test never silently edits nothing. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const matches =
    typeof from === "string" ? xml.split(from).length - 1 : (xml.match(new RegExp(from, "g")) ?? []).length;
  if (matches !== 1) throw new Error(`expected one match of ${String(from)}, found ${matches}`);
  return xml.replace(from, to);
}

function expectProblem(report: ManifestReport, id: CheckId, message: RegExp): void {
  const found = report.problems.filter((p) => p.check === id);
  expect(found.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
}

/** The problems all come from one check: a broken copy trips the check it is meant to trip. */
function expectOnly(report: ManifestReport, id: CheckId, message: RegExp): void {
  expectProblem(report, id, message);
  expect(report.problems.filter((p) => p.check !== id)).toEqual([]);
}

describe("the real manifest", () => {
  it("passes every check", () => {
    const report = check(MANIFEST);
    expect(report.problems).toEqual([]);
    expect(report.checks).toEqual([
      "xml",
      "structure",
      "order",
      "id",
      "version",
      "permissions",
      "requirements",
      "resources",
      "sharedRuntime",
      "commands",
      "urls",
      "icons",
      "lengths",
      "locales",
    ]);
    expect(report.stats).toEqual({ urls: 18, icons: 14, resources: 24, strings: 12 });
  });
});

describe("broken copies of the manifest", () => {
  it("rejects XML that is not well-formed, naming the line", () => {
    const report = check(
      edit(
        MANIFEST,
        '</Supertip>\n                  <Icon>\n                    <bt:Image size="16" resid="Recalc.16"/>',
        '<Icon>\n                    <bt:Image size="16" resid="Recalc.16"/>',
      ),
    );
    expectOnly(
      report,
      "xml",
      /^not well-formed XML: <\/Control> does not close <Supertip> .*\(line \d+, column \d+\)$/,
    );
    expect(report.checks).toEqual(["xml"]);
  });

  it("rejects a bare ampersand", () => {
    expectOnly(
      check(edit(MANIFEST, "NTM Planner is ready", "NTM & Planner")),
      "xml",
      /'&' must start an entity/,
    );
  });

  it("rejects a manifest that is not a task pane add-in", () => {
    expectOnly(
      check(edit(MANIFEST, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"')),
      "structure",
      /xsi:type="TaskPaneApp"/,
    );
  });

  it("rejects another host", () => {
    expectOnly(
      check(edit(MANIFEST, '<Host Name="Workbook"/>', '<Host Name="Document"/>')),
      "structure",
      /exactly <Host Name="Workbook"\/>/,
    );
  });

  it("rejects elements out of schema order", () => {
    const swapped = edit(
      MANIFEST,
      "<Version>0.1.0.0</Version>\n  <ProviderName>NTM Planner</ProviderName>",
      "<ProviderName>NTM Planner</ProviderName>\n  <Version>0.1.0.0</Version>",
    );
    expectOnly(check(swapped), "order", /<Version> must come before <ProviderName> in <OfficeApp>/);
  });

  it("rejects a missing required element", () => {
    expectOnly(
      check(edit(MANIFEST, /\s*<SupportUrl [^>]*\/>/, "")),
      "order",
      /<OfficeApp> is missing its required <SupportUrl>/,
    );
  });

  it("rejects an id that is not a GUID", () => {
    expectOnly(check(edit(MANIFEST, /<Id>[^<]*<\/Id>/, "<Id>ntm-planner</Id>")), "id", /<Id> must be a GUID/);
  });

  it("rejects a version that is not four-part", () => {
    expectOnly(
      check(edit(MANIFEST, "<Version>0.1.0.0</Version>", "<Version>0.1.0</Version>")),
      "version",
      /four parts .*found "0\.1\.0"/,
    );
  });

  it("rejects any permission but ReadWriteDocument", () => {
    for (const p of ["ReadDocument", "ReadAllDocument", "WriteDocument", "Restricted"]) {
      const report = check(
        edit(MANIFEST, "<Permissions>ReadWriteDocument</Permissions>", `<Permissions>${p}</Permissions>`),
      );
      expectOnly(report, "permissions", new RegExp(`must be ReadWriteDocument .*found "${p}"`));
    }
  });

  it("rejects a requirement set below the minimum, or a missing one", () => {
    const low = check(
      edit(MANIFEST, '<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>'),
    );
    expectOnly(low, "requirements", /ExcelApi MinVersion is 1\.7; this add-in needs at least 1\.8/);
    const none = check(edit(MANIFEST, /\s*<Set Name="SharedRuntime" MinVersion="1\.1"\/>/, ""));
    expectOnly(none, "requirements", /must include <Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
  });

  it("rejects a resid that is not defined", () => {
    const report = check(edit(MANIFEST, '<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'));
    expectProblem(
      report,
      "resources",
      /<Label resid="Group.Lable"> refers to a resource that is not defined \(expected in bt:ShortStrings/,
    );
    expectProblem(report, "resources", /"Group.Label" .* is defined but never referenced/);
  });

  it("rejects a label that points at a long string", () => {
    const report = check(edit(MANIFEST, '<Label resid="Group.Label"/>', '<Label resid="Recalc.Tooltip"/>'));
    expectProblem(
      report,
      "resources",
      /<Label resid="Recalc.Tooltip"> must refer to bt:ShortStrings\/bt:String, but "Recalc.Tooltip" is in bt:LongStrings/,
    );
  });

  it("rejects a resource nobody uses, a duplicate id and an id over 32 characters", () => {
    const extra = edit(
      MANIFEST,
      "</bt:ShortStrings>",
      '  <bt:String id="Unused.Label" DefaultValue="x"><bt:Override Locale="vi-VN" Value="x"/></bt:String>\n' +
        '        <bt:String id="Recalc.Label" DefaultValue="y"><bt:Override Locale="vi-VN" Value="y"/></bt:String>\n' +
        '        <bt:String id="A.Very.Long.Resource.Identifier.X" DefaultValue="z"><bt:Override Locale="vi-VN" Value="z"/></bt:String>\n' +
        "      </bt:ShortStrings>",
    );
    const report = check(extra);
    expectProblem(report, "resources", /"Unused.Label" .* is defined but never referenced/);
    expectProblem(report, "resources", /"Recalc.Label" is defined more than once/);
    expectProblem(
      report,
      "resources",
      /"A.Very.Long.Resource.Identifier.X" is 33 characters; the limit is 32/,
    );
    expect(report.problems.filter((p) => p.check !== "resources")).toEqual([]);
  });

  it("rejects a runtime that does not live long", () => {
    expectOnly(
      check(
        edit(
          MANIFEST,
          '<Runtime resid="Taskpane.Url" lifetime="long"/>',
          '<Runtime resid="Taskpane.Url" lifetime="short"/>',
        ),
      ),
      "sharedRuntime",
      /lifetime="long"/,
    );
  });

  it("rejects a function file or a pane on another page than the runtime", () => {
    const file = check(
      edit(MANIFEST, '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Support.Url"/>'),
    );
    expectOnly(
      file,
      "sharedRuntime",
      /<FunctionFile resid="Support.Url"> must use the Runtime's resid "Taskpane.Url"/,
    );
    const pane = check(
      edit(MANIFEST, '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Support.Url"/>'),
    );
    expectOnly(
      pane,
      "sharedRuntime",
      /ShowTaskpane <SourceLocation resid="Support.Url"> must use the Runtime's resid/,
    );
  });

  it("rejects a pane without a TaskpaneId", () => {
    const report = check(edit(MANIFEST, /\s*<TaskpaneId>[^<]*<\/TaskpaneId>/, ""));
    expectOnly(report, "sharedRuntime", /needs a <TaskpaneId>/);
  });

  it("rejects a runtime page that is not the task pane page", () => {
    const report = check(
      edit(
        MANIFEST,
        '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<SourceLocation DefaultValue="https://localhost:3000/index.html"/>',
      ),
    );
    expectProblem(
      report,
      "sharedRuntime",
      /the Runtime page https:\/\/localhost:3000\/taskpane.html must be the task pane page https:\/\/localhost:3000\/index.html/,
    );
  });

  it("rejects a function name that Office.actions.associate could not match", () => {
    const report = check(
      edit(
        MANIFEST,
        "<FunctionName>exportReports</FunctionName>",
        "<FunctionName>export reports</FunctionName>",
      ),
    );
    expectOnly(report, "commands", /FunctionName "export reports" must be a JavaScript identifier/);
  });

  it("rejects two controls with one id", () => {
    const report = check(edit(MANIFEST, 'id="NtmPlanner.ExportReports"', 'id="NtmPlanner.Recalculate"'));
    expectOnly(report, "commands", /id "NtmPlanner.Recalculate" is used by more than one Group or Control/);
  });

  it("rejects a command icon without its 80 px image", () => {
    const report = check(edit(MANIFEST, /\s*<bt:Image size="80" resid="Pane.80"\/>/, ""));
    expectProblem(report, "commands", /<Icon> in Control "NtmPlanner.OpenPane" has no size="80" image/);
  });

  it("rejects a URL that is not https", () => {
    const report = check(
      edit(
        MANIFEST,
        'DefaultValue="https://localhost:3000/assets/recalc-32.png"',
        'DefaultValue="http://localhost:3000/assets/recalc-32.png"',
      ),
    );
    expectOnly(
      report,
      "urls",
      /image "Recalc.32": http:\/\/localhost:3000\/assets\/recalc-32.png must use https/,
    );
  });

  it("rejects a URL on another origin, including an override", () => {
    const support = check(
      edit(
        MANIFEST,
        '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>',
        '<SupportUrl DefaultValue="https://example.com/help"/>',
      ),
    );
    expectOnly(support, "urls", /SupportUrl: https:\/\/example.com\/help is not on https:\/\/localhost:3000/);
    const port = check(
      edit(
        MANIFEST,
        '<bt:Url id="Support.Url" DefaultValue="https://localhost:3000/support.html"/>',
        '<bt:Url id="Support.Url" DefaultValue="https://localhost:3000/support.html"><bt:Override Locale="vi-VN" Value="https://localhost:3001/ho-tro.html"/></bt:Url>',
      ),
    );
    expectOnly(
      port,
      "urls",
      /url "Support.Url" \(vi-VN\): https:\/\/localhost:3001\/ho-tro.html is not on https:\/\/localhost:3000/,
    );
  });

  it("rejects an icon of the wrong pixel size", () => {
    const report = check(
      edit(
        MANIFEST,
        'DefaultValue="https://localhost:3000/assets/recalc-32.png"',
        'DefaultValue="https://localhost:3000/assets/recalc-16.png"',
      ),
    );
    expectOnly(
      report,
      "icons",
      /image "Recalc.32": assets\/recalc-16.png is 16×16 pixels; it is used as a 32×32 icon/,
    );
    const big = check(
      edit(
        MANIFEST,
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
      ),
    );
    expectOnly(big, "icons", /IconUrl: assets\/icon-80.png is 80×80 pixels; it is used as a 32×32 icon/);
  });

  describe("with a copy of the assets", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "ntm-manifest-"));
      mkdirSync(join(dir, "assets"));
      for (const f of readdirSync(join(ROOT, "assets")))
        copyFileSync(join(ROOT, "assets", f), join(dir, "assets", f));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("passes with every icon present", () => {
      expect(check(MANIFEST, { root: dir }).problems).toEqual([]);
    });

    it("rejects an icon whose file is missing", () => {
      rmSync(join(dir, "assets", "pane-80.png"));
      expectOnly(
        check(MANIFEST, { root: dir }),
        "icons",
        /image "Pane.80": https:\/\/localhost:3000\/assets\/pane-80.png has no file .*assets\/pane-80.png/,
      );
    });

    it("rejects an icon that is not a PNG", () => {
      writeFileSync(join(dir, "assets", "reports-16.png"), "<svg/>");
      expectOnly(
        check(MANIFEST, { root: dir }),
        "icons",
        /reports-16.png is not a valid PNG \(not a PNG file/,
      );
    });

    it("rejects a corrupt PNG", () => {
      const png = readFileSync(join(dir, "assets", "icon-64.png"));
      png[20] ^= 0xff; // inside IHDR: its CRC no longer matches
      writeFileSync(join(dir, "assets", "icon-64.png"), png);
      expectOnly(
        check(MANIFEST, { root: dir }),
        "icons",
        /HighResolutionIconUrl: .*icon-64.png is not a valid PNG \(bad CRC in IHDR chunk\)/,
      );
    });

    it("checks a build folder when asked: every URL must be a built file", () => {
      writeFileSync(join(dir, "taskpane.html"), "<!doctype html>");
      const report = check(MANIFEST, { root: dir, dist: dir });
      expect(report.checks).toContain("dist");
      expectOnly(report, "dist", /SupportUrl: https:\/\/localhost:3000\/support.html is not in the build/);
      writeFileSync(join(dir, "support.html"), "<!doctype html>");
      expect(check(MANIFEST, { root: dir, dist: dir }).problems).toEqual([]);
    });
  });

  it("counts string limits in characters, Vietnamese included: 125 passes, 126 does not", () => {
    const at = (n: number) => "Tính lại ".repeat(20).slice(0, n);
    expect([...at(125)].length).toBe(125);
    const ok = check(
      edit(
        MANIFEST,
        '<bt:Override Locale="vi-VN" Value="Tính lại"/>',
        `<bt:Override Locale="vi-VN" Value="${at(125)}"/>`,
      ),
    );
    expect(ok.problems).toEqual([]);
    const long = check(
      edit(
        MANIFEST,
        '<bt:Override Locale="vi-VN" Value="Tính lại"/>',
        `<bt:Override Locale="vi-VN" Value="${at(126)}"/>`,
      ),
    );
    expectOnly(long, "lengths", /ShortStrings "Recalc.Label" \(vi-VN\) is 126 characters; the limit is 125/);
  });

  it("rejects a display name over 125 and a tooltip over 250 characters", () => {
    const name = check(
      edit(
        MANIFEST,
        '<DisplayName DefaultValue="NTM Planner">',
        `<DisplayName DefaultValue="${"N".repeat(126)}">`,
      ),
    );
    expectOnly(name, "lengths", /DisplayName is 126 characters; the limit is 125/);
    const tip = check(
      edit(
        MANIFEST,
        /<bt:String id="Pane.Tooltip" DefaultValue="[^"]*">/,
        `<bt:String id="Pane.Tooltip" DefaultValue="${"x".repeat(251)}">`,
      ),
    );
    expectOnly(tip, "lengths", /LongStrings "Pane.Tooltip" is 251 characters; the limit is 250/);
    const description = check(
      edit(
        MANIFEST,
        /<Description DefaultValue="Evaluates[^"]*">/,
        `<Description DefaultValue="${"d".repeat(251)}">`,
      ),
    );
    expectOnly(description, "lengths", /^Description is 251 characters; the limit is 250/);
  });

  it("rejects an empty string", () => {
    expectOnly(
      check(
        edit(
          MANIFEST,
          '<bt:Override Locale="vi-VN" Value="Xuất báo cáo"/>',
          '<bt:Override Locale="vi-VN" Value=" "/>',
        ),
      ),
      "lengths",
      /"Reports.Label" \(vi-VN\) is empty/,
    );
  });

  it("rejects a string without its Vietnamese override", () => {
    const report = check(edit(MANIFEST, /\s*<bt:Override Locale="vi-VN" Value="Mở bảng điều khiển"\/>/, ""));
    expectOnly(report, "locales", /ShortStrings "Pane.Label" has no <Override Locale="vi-VN">/);
    const name = check(
      edit(MANIFEST, /\s*<Override Locale="vi-VN" Value="NTM Planner – Nông thôn mới"\/>/, ""),
    );
    expectOnly(name, "locales", /^DisplayName has no <Override Locale="vi-VN">/);
  });

  it("rejects an override of the default locale", () => {
    const report = check(
      edit(
        MANIFEST,
        '<bt:Override Locale="vi-VN" Value="Tính lại"/>',
        '<bt:Override Locale="en-US" Value="Recalc"/>',
      ),
    );
    expectProblem(report, "locales", /an Override for en-US repeats the DefaultLocale/);
  });
});
