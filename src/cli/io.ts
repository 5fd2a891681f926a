/** Console output of the command line: progress on stderr, results on stdout, in the user's language. */
import type { Issue } from "../domain/types";
import { t, type Lang } from "../i18n";
import { issueMessage } from "../i18n/issueMessage";

export interface Console {
  out(line: string): void;
  err(line: string): void;
}

export const processConsole: Console = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
};

/** Vietnamese unless the environment asks for English (LANG=en_…). */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.NTM_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en/i.test(locale) ? "en" : "vi";
}

const MAX_LISTED = 15;

export function printIssues(con: Console, lang: Lang, issues: readonly Issue[]): void {
  const shown = issues.filter((i) => i.severity !== "info");
  if (shown.length === 0) return;
  con.err(t(lang, "cli.issuesHeader", { count: shown.length }));
  for (const issue of shown.slice(0, MAX_LISTED)) {
    con.err(`  [${t(lang, `cli.severity.${issue.severity}`)}] ${issueMessage(lang, issue)}`);
  }
  if (shown.length > MAX_LISTED) con.err(t(lang, "cli.issuesMore", { count: shown.length - MAX_LISTED }));
}

/** 0 = clean, 1 = input problems found but results written, 2 = unusable input. */
export function exitCodeFor(issues: readonly Issue[], usable: boolean): 0 | 1 | 2 {
  if (!usable) return 2;
  return issues.some((i) => i.severity === "error" || i.severity === "warning") ? 1 : 0;
}
