/**
 * Cảnh báo / Issues: every input problem of the last recalculation, errors first, with its sheet and
 * cell. Clicking an item (or Enter/Space on it) selects that cell in Excel.
 */
import { useState, type KeyboardEvent } from "react";
import {
  Button,
  Caption1,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@fluentui/react-icons";
import type { Issue, Severity } from "../../domain/types";
import { issueMessage } from "../../i18n/issueMessage";
import { usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import { usePaneState } from "../store";
import { countIssues } from "../viewModel";

/** Items shown before "Show more": a national workbook can raise thousands. */
export const ISSUES_PAGE = 200;

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    position: "relative",
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  text: { overflowWrap: "anywhere" },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  if (severity === "error") return <ErrorCircle20Filled className={styles.error} aria-hidden />;
  if (severity === "warning") return <Warning20Filled className={styles.warning} aria-hidden />;
  return <Info20Filled className={styles.info} aria-hidden />;
}

export function IssuesTab() {
  const { host, lang, tr } = usePane();
  const state = usePaneState();
  const styles = useStyles();
  const [filter, setFilter] = useState<Severity | "all">("all");
  const [shown, setShown] = useState(ISSUES_PAGE);
  const [selectError, setSelectError] = useState<unknown>(null);

  const outcome = state.outcome;
  if (!outcome) {
    return (
      <section className={styles.section}>
        <Subtitle2 as="h2">{tr("pane.issues.heading")}</Subtitle2>
        <Text className={styles.muted}>{tr("pane.issues.notYet")}</Text>
      </section>
    );
  }

  const issues = outcome.issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => RANK[a.issue.severity] - RANK[b.issue.severity] || a.i - b.i)
    .map(({ issue }) => issue);
  const counts = countIssues(issues);
  const visible = filter === "all" ? issues : issues.filter((i) => i.severity === filter);

  const goTo = async (issue: Issue) => {
    if (!issue.sheet) return;
    try {
      setSelectError(null);
      await host.selectCell(issue.sheet, issue.cell ?? "A1");
    } catch (err) {
      setSelectError(err);
    }
  };
  const onKey = (e: KeyboardEvent, issue: Issue) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      void goTo(issue);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="ntm-issues-heading">
      <Subtitle2 as="h2" id="ntm-issues-heading">
        {tr("pane.issues.heading")}
      </Subtitle2>
      {issues.length === 0 ? (
        <Text>{tr("pane.issues.none")}</Text>
      ) : (
        <>
          <div role="group" aria-label={tr("pane.issues.filter")} className={styles.filters}>
            <ToggleButton size="small" checked={filter === "all"} onClick={() => setFilter("all")}>
              {tr("pane.issues.all", { count: issues.length })}
            </ToggleButton>
            {SEVERITIES.filter((s) => counts[s] > 0).map((s) => (
              <ToggleButton
                key={s}
                size="small"
                checked={filter === s}
                icon={<SeverityIcon severity={s} />}
                onClick={() => setFilter(s)}
              >
                {tr(`pane.issues.filter.${s}`, { count: counts[s] })}
              </ToggleButton>
            ))}
          </div>
          <Caption1 className={styles.muted}>{tr("pane.issues.hint")}</Caption1>
          {selectError !== null && <ErrorBar error={selectError} onDismiss={() => setSelectError(null)} />}
          <ul className={styles.list} aria-label={tr("pane.issues.listLabel")}>
            {visible.slice(0, shown).map((issue, i) => {
              const message = issueMessage(lang, issue, { withPlace: false });
              const place = issue.sheet
                ? issue.cell
                  ? tr("pane.issues.placeCell", { sheet: issue.sheet, cell: issue.cell })
                  : issue.sheet
                : null;
              const severity = tr(`pane.severity.${issue.severity}`);
              const content = (
                <>
                  <SeverityIcon severity={issue.severity} />
                  <div className={styles.body}>
                    <Text size={200} className={styles.text}>
                      <strong>{severity}:</strong> {message}
                    </Text>
                    {place && (
                      <Caption1 className={mergeClasses(styles.muted, styles.text)}>{place}</Caption1>
                    )}
                  </div>
                </>
              );
              const key = `${issue.code}:${issue.sheet ?? ""}:${issue.cell ?? ""}:${i}`;
              return (
                <li key={key}>
                  {issue.sheet ? (
                    <div
                      role="button"
                      tabIndex={0}
                      className={mergeClasses(styles.item, styles.clickable)}
                      title={tr("pane.issues.goTo", { sheet: issue.sheet, cell: issue.cell ?? "A1" })}
                      onClick={() => void goTo(issue)}
                      onKeyDown={(e) => onKey(e, issue)}
                    >
                      {content}
                    </div>
                  ) : (
                    <div className={styles.item}>{content}</div>
                  )}
                </li>
              );
            })}
          </ul>
          {visible.length > shown && (
            <Button onClick={() => setShown((n) => n + ISSUES_PAGE)}>
              {tr("pane.issues.showMore", { count: Math.min(ISSUES_PAGE, visible.length - shown) })}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
