/**
 * Tính toán / Calculate: the Recalculate button, the auto-recalculate switch and what a planner reads
 * at a glance: communes meeting NTM against the target, advanced/model communes, districts, each of
 * the province's targets and the hardest indicators.
 */
import {
  Badge,
  Button,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons";
import type { TargetStatus } from "../../domain/types";
import { usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import { openTab, usePaneState } from "../store";
import type { AutoRecalcState } from "../useAutoRecalc";
import { summaryView } from "../viewModel";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  itemHead: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  badge: { flexShrink: 0 },
  bar: {
    height: "4px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground5,
    overflow: "hidden",
  },
  barFill: { height: "100%", backgroundColor: tokens.colorBrandBackground },
  headline: { fontWeight: tokens.fontWeightSemibold },
});

const STATUS_COLOUR: Record<TargetStatus, "success" | "danger" | "warning"> = {
  achieved: "success",
  behind: "danger",
  pending: "warning",
};

export interface RecalcTabProps {
  autoRecalc: boolean;
  onAutoRecalcChange: (on: boolean) => void;
  auto: AutoRecalcState;
  onRecalculate: () => void;
}

export function RecalcTab({ autoRecalc, onAutoRecalcChange, auto, onRecalculate }: RecalcTabProps) {
  const { lang, tr } = usePane();
  const state = usePaneState();
  const styles = useStyles();
  const outcome = state.outcome;
  const summary = outcome ? summaryView(outcome, lang) : null;
  const problems = summary
    ? summary.issueCounts.error + summary.issueCounts.warning + summary.issueCounts.info
    : 0;

  return (
    <>
      <section className={styles.section} aria-labelledby="ntm-recalc-heading">
        <Subtitle2 as="h2" id="ntm-recalc-heading">
          {tr("pane.recalc.heading")}
        </Subtitle2>
        <Caption1 className={styles.muted}>{tr("pane.recalc.hint")}</Caption1>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={<ArrowSync20Regular />}
            disabledFocusable={state.running}
            onClick={onRecalculate}
          >
            {state.running ? tr("pane.recalc.running") : tr("pane.recalc.button")}
          </Button>
        </div>
        <Switch
          checked={autoRecalc}
          onChange={(_, data) => onAutoRecalcChange(data.checked)}
          label={tr("pane.auto.label")}
        />
        {autoRecalc && auto.error === null && (
          <Caption1 className={mergeClasses(styles.muted, styles.wrap)}>
            {auto.watching.length > 0
              ? tr("pane.auto.watching", { sheets: auto.watching.join(", ") })
              : tr("pane.auto.noSheets")}
          </Caption1>
        )}
        {autoRecalc && auto.error !== null && <ErrorBar error={auto.error} title={tr("pane.auto.failed")} />}
      </section>

      {!outcome && !state.running && <Text className={styles.muted}>{tr("pane.recalc.none")}</Text>}

      {outcome && summary && (
        <section className={styles.section} aria-labelledby="ntm-summary-heading">
          <Subtitle2 as="h2" id="ntm-summary-heading">
            {tr("pane.summary.heading")}
          </Subtitle2>
          {state.source === "ribbon" && !state.running && state.error === null && (
            <Caption1 className={styles.muted}>{tr("pane.recalc.doneRibbon")}</Caption1>
          )}
          {!outcome.usable && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{tr("pane.recalc.unusable")}</MessageBarBody>
            </MessageBar>
          )}
          <Caption1 className={styles.wrap}>{summary.title}</Caption1>
          {summary.headline && (
            <Text className={mergeClasses(styles.headline, styles.wrap)}>{summary.headline}</Text>
          )}
          {summary.lines.map((line) => (
            <Text key={line} size={200} className={styles.wrap}>
              {line}
            </Text>
          ))}
          {problems > 0 && (
            <Link as="button" onClick={() => openTab("issues")}>
              {`${tr("pane.summary.viewIssues")} (${problems})`}
            </Link>
          )}
        </section>
      )}

      {outcome && summary && outcome.usable && (
        <section className={styles.section} aria-labelledby="ntm-targets-heading">
          <Subtitle2 as="h2" id="ntm-targets-heading">
            {tr("pane.targets.heading")}
          </Subtitle2>
          {summary.targets.length === 0 ? (
            <Text className={styles.muted}>{tr("pane.targets.none")}</Text>
          ) : (
            <ul className={styles.list}>
              {summary.targets.map((target) => (
                <li key={target.key} className={styles.item}>
                  <div className={styles.itemHead}>
                    <Text weight="semibold" size={200} className={styles.wrap}>
                      {target.label}
                    </Text>
                    <Badge
                      className={styles.badge}
                      appearance="tint"
                      color={STATUS_COLOUR[target.status]}
                      size="small"
                    >
                      {target.statusText}
                    </Badge>
                  </div>
                  <Caption1 className={styles.wrap}>
                    {target.gap ? `${target.values} — ${target.gap}` : target.values}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {outcome && summary && outcome.usable && (
        <section className={styles.section} aria-labelledby="ntm-bottlenecks-heading">
          <Subtitle2 as="h2" id="ntm-bottlenecks-heading">
            {tr("pane.bottlenecks.heading")}
          </Subtitle2>
          {summary.bottlenecks.length === 0 ? (
            <Text className={styles.muted}>{tr("pane.bottlenecks.none")}</Text>
          ) : (
            <ol className={styles.list}>
              {summary.bottlenecks.map((b) => (
                <li key={b.code} className={styles.item}>
                  <Text size={200} className={styles.wrap}>
                    <strong>{b.code}</strong> {b.name}
                  </Text>
                  <div className={styles.bar} aria-hidden>
                    <div
                      className={styles.barFill}
                      style={{ width: `${Math.round(b.share * 1000) / 10}%` }}
                    />
                  </div>
                  <Caption1 className={styles.muted}>{b.text}</Caption1>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}
