/**
 * .xlsx → PDF through LibreOffice (`soffice --headless --convert-to pdf`), for `reports --pdf`.
 *
 * One soffice process converts all the files (starting LibreOffice costs seconds, converting a
 * report a fraction of one). It runs with its own throw-away profile (-env:UserInstallation), so two
 * runs at the same time — or a LibreOffice the user has open — never share a profile and block each
 * other, in its own process group, and is killed with that group when it overruns its time.
 */
import { spawn } from "child_process";
import { accessSync, constants, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

/** The soffice (or libreoffice) executable on the PATH, or null when LibreOffice is not installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = (env.PATH ?? "").split(path.delimiter).filter((d) => d !== "");
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const name of names) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export type PdfFailure =
  { file: string; reason: "timeout"; seconds: number } | { file: string; reason: "failed"; detail: string };

export interface PdfResult {
  /** PDFs written, in the order of the input files. */
  written: string[];
  failed: PdfFailure[];
}

export interface PdfOptions {
  soffice: string;
  outDir: string;
  /** Whole run; default 60 s plus 20 s a file. */
  timeoutMs?: number;
}

/**
 * Converts `files` to PDFs named like them in `outDir` (an existing PDF of the same name is
 * replaced). A file LibreOffice did not convert is listed in `failed`, never thrown.
 */
export async function convertToPdf(files: readonly string[], opts: PdfOptions): Promise<PdfResult> {
  if (files.length === 0) return { written: [], failed: [] };
  const timeoutMs = opts.timeoutMs ?? 60_000 + 20_000 * files.length;
  await fs.mkdir(opts.outDir, { recursive: true });
  const targets = files.map((f) => path.join(opts.outDir, `${path.parse(f).name}.pdf`));
  // A stale PDF from an earlier run must not pass for a fresh one.
  await Promise.all(targets.map((t) => fs.rm(t, { force: true })));
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "ntm-soffice-"));
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "pdf",
      "--outdir",
      opts.outDir,
      ...files,
    ];
    const run = await runProcess(opts.soffice, args, timeoutMs);
    const written: string[] = [];
    const failed: PdfFailure[] = [];
    for (let i = 0; i < files.length; i++) {
      if (await nonEmpty(targets[i])) written.push(targets[i]);
      else if (run.timedOut) failed.push({ file: files[i], reason: "timeout", seconds: timeoutMs / 1000 });
      else failed.push({ file: files[i], reason: "failed", detail: run.detail });
    }
    return { written, failed };
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}

async function nonEmpty(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).size > 0;
  } catch {
    return false;
  }
}

interface RunResult {
  timedOut: boolean;
  /** Exit status and the end of stderr, for a message when a file was not converted. */
  detail: string;
}

function runProcess(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so a timeout kills soffice.bin too, not only the wrapper script.
      detached: process.platform !== "win32",
    });
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString("utf8")).slice(-2000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill(child.pid);
    }, timeoutMs);
    const done = (detail: string) => {
      clearTimeout(timer);
      resolve({ timedOut, detail: detail.trim() });
    };
    child.on("error", (e) => done(e.message));
    child.on("close", (code, signal) => {
      // LibreOffice's own words ("Error: source file could not be loaded"), without its Java noise.
      const said = stderr
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== "" && !/javaldx/i.test(l))
        .join("; ");
      done(`${signal ? `signal ${signal}` : `exit ${code}`}${said ? `: ${said}` : ""}`);
    });
  });
}

function kill(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // already gone
  }
}
