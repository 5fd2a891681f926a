/**
 * `npm run validate`: checks manifest.xml offline (scripts/manifest/validate.ts) and exits 1 on any
 * problem.
 *
 *   node .tmp/scripts/validateManifest.js [manifest.xml] [--dist dist-web] [--root .]
 *
 * --dist also checks that every URL in the manifest is a file of that build folder.
 */
import { readFileSync } from "fs";
import { dirname, resolve } from "path";
import { formatReport, validateManifest } from "./manifest/validate";
import { projectRoot } from "./lib/paths";

function main(argv: readonly string[]): number {
  let file: string | undefined;
  let dist: string | undefined;
  let root: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--dist") dist = argv[++i];
    else if (arg === "--root") root = argv[++i];
    else if (arg.startsWith("-")) {
      console.error(
        `unknown option ${arg}\nusage: validateManifest [manifest.xml] [--dist dir] [--root dir]`,
      );
      return 2;
    } else file = arg;
  }
  const manifest = resolve(file ?? resolve(projectRoot(), "manifest.xml"));
  let xml: string;
  try {
    xml = readFileSync(manifest, "utf8");
  } catch (e) {
    console.error(`cannot read ${manifest}: ${(e as Error).message}`);
    return 1;
  }
  const report = validateManifest(xml, { root: root ?? dirname(manifest), dist });
  const lines = formatReport(file ?? "manifest.xml", report);
  (report.problems.length ? console.error : console.log)(lines.join("\n"));
  return report.problems.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
