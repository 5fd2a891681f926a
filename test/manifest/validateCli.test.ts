/**
 * `npm run validate` end to end: the compiled checker on the real manifest and on a broken copy,
 * with its exit codes.
 */
import { spawnSync } from "child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, ".tmp", "scripts", "validateManifest.js");

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "scripts"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
});

it("exits 0 and says OK for the real manifest", () => {
  const r = run();
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^manifest\.xml: OK — 14 checks /);
});

it("exits 1 and lists each problem with its check and line for a broken copy", () => {
  const dir = mkdtempSync(join(tmpdir(), "ntm-cli-"));
  try {
    cpSync(join(ROOT, "assets"), join(dir, "assets"), { recursive: true });
    const broken = readFileSync(join(ROOT, "manifest.xml"), "utf8")
      .replace("<Version>0.1.0.0</Version>", "<Version>1</Version>")
      .replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadAllDocument</Permissions>");
    writeFileSync(join(dir, "manifest.xml"), broken);
    const r = run(join(dir, "manifest.xml"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/manifest\.xml: 2 problems/);
    expect(r.stderr).toMatch(/✗ \[version\] line \d+: <Version> must have four parts/);
    expect(r.stderr).toMatch(/✗ \[permissions\] line \d+: <Permissions> must be ReadWriteDocument/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("exits 1 for a file that is not there, and 2 for an unknown option", () => {
  expect(run(join(tmpdir(), "no-such-manifest.xml")).status).toBe(1);
  expect(run("--strict").status).toBe(2);
});
