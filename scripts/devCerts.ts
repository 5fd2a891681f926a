/**
 * Development certificates for https://localhost:3000, without installing anything.
 *
 * office-addin-dev-certs normally generates a CA plus a localhost certificate *and* installs the CA
 * in the system store, which needs sudo on Linux (there is none here). We only generate the files
 * (its `generateCertificates`), reuse them while they are valid, and leave trusting the CA to the
 * developer (docs/SIDELOAD.md). The folder is the toolkit's own (~/.office-addin-dev-certs) so that
 * `npx office-addin-dev-certs install` on Windows or macOS trusts exactly the CA we serve with;
 * NTM_DEV_CERTS_DIR overrides it.
 *
 *   node .tmp/scripts/devCerts.js          ensure the files exist and are valid; print where they are
 */
import { X509Certificate, createPrivateKey } from "crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from "fs";
import { homedir } from "os";
import { join } from "path";

export const CA_FILE = "ca.crt";
export const CERT_FILE = "localhost.crt";
export const KEY_FILE = "localhost.key";
/** Days a new CA and certificate are valid (macOS accepts at most 825 for TLS server certificates). */
export const VALIDITY_DAYS = 365;
/** Regenerate when fewer days than this remain, so a certificate never expires mid-session. */
export const RENEW_DAYS = 2;
const DOMAINS = ["localhost", "127.0.0.1"];
const DAY = 24 * 60 * 60 * 1000;
/** Clock difference tolerated on validFrom (certificate times have whole seconds). */
const SKEW = 5 * 60 * 1000;

export function defaultCertDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.NTM_DEV_CERTS_DIR || join(homedir(), ".office-addin-dev-certs");
}

export interface CertFiles {
  dir: string;
  ca: string;
  cert: string;
  key: string;
}

export function certFiles(dir: string): CertFiles {
  return { dir, ca: join(dir, CA_FILE), cert: join(dir, CERT_FILE), key: join(dir, KEY_FILE) };
}

/** Why the files in `dir` cannot be used as they are, or null when they can. */
export function certProblem(files: CertFiles, now: Date): string | null {
  for (const f of [files.ca, files.cert, files.key]) if (!existsSync(f)) return `${f} is missing`;
  try {
    const ca = new X509Certificate(readFileSync(files.ca));
    const cert = new X509Certificate(readFileSync(files.cert));
    const key = createPrivateKey(readFileSync(files.key));
    if (!cert.checkPrivateKey(key)) return `${files.key} does not match ${files.cert}`;
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey))
      return `${files.cert} was not issued by ${files.ca}`;
    if (!cert.checkHost("localhost")) return `${files.cert} is not for localhost`;
    for (const [name, c] of [
      ["the CA", ca],
      ["the localhost certificate", cert],
    ] as const) {
      if (new Date(c.validFrom).getTime() - now.getTime() > SKEW)
        return `${name} is not valid before ${c.validFrom}`;
      if (new Date(c.validTo).getTime() - now.getTime() < RENEW_DAYS * DAY)
        return `${name} expires ${c.validTo}`;
    }
    return null;
  } catch (e) {
    return `the certificate files cannot be read: ${(e as Error).message}`;
  }
}

export interface EnsureResult {
  files: CertFiles;
  /** True when a new CA was made: the developer has to trust it (again). */
  generated: boolean;
  /** Why the old files were replaced, when they were. */
  reason?: string;
}

type Generate = (ca: string, cert: string, key: string, days: number, domains: string[]) => Promise<void>;

async function toolkitGenerate(...args: Parameters<Generate>): Promise<void> {
  // Imported lazily: the toolkit is a dev dependency and only this path needs it.
  const { generateCertificates } = await import("office-addin-dev-certs");
  await generateCertificates(...args);
}

/** Reuses valid certificate files in `dir`, or replaces them with new ones. Never installs the CA. */
export async function ensureDevCerts(
  dir: string = defaultCertDir(),
  now: Date = new Date(),
  generate: Generate = toolkitGenerate,
): Promise<EnsureResult> {
  const files = certFiles(dir);
  const reason = certProblem(files, now);
  if (reason === null) return { files, generated: false };
  mkdirSync(dir, { recursive: true });
  // generateCertificates writes nothing when ca.crt exists, so clear the old set first.
  for (const f of [files.ca, files.cert, files.key]) rmSync(f, { force: true });
  await generate(files.ca, files.cert, files.key, VALIDITY_DAYS, DOMAINS);
  chmodSync(files.key, 0o600);
  // Checked against the real clock: `now` only decides whether the old files are still good.
  const after = certProblem(files, new Date());
  if (after !== null) throw new Error(`generated certificates are not usable: ${after}`);
  return { files, generated: true, reason };
}

async function main(): Promise<void> {
  const result = await ensureDevCerts();
  const { files } = result;
  if (result.generated) {
    console.log(
      [
        `Đã tạo chứng chỉ phát triển mới / New development certificates (${result.reason}):`,
        `  CA:   ${files.ca}`,
        `  cert: ${files.cert}`,
        `  key:  ${files.key}`,
        `Hãy tin cậy CA này trong trình duyệt hoặc hệ điều hành / Trust this CA in your browser or OS:`,
        `  docs/SIDELOAD.md → "Tin cậy chứng chỉ / Trust the certificate".`,
      ].join("\n"),
    );
  } else {
    console.log(`Chứng chỉ phát triển / Development certificates: ${files.dir} (CA ${files.ca})`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`Không tạo được chứng chỉ / Could not create the certificates: ${(e as Error).message}`);
    process.exitCode = 1;
  });
}
