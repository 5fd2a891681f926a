/**
 * Nguồn vốn / Funding: the province's mix by source, with and without credit (credit is an
 * outstanding balance), the planned total and the disbursement rate; then the localities with unmet
 * criteria and no money planned, grouped by locality.
 */
import { useState } from "react";
import {
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { usePane } from "../context";
import { usePaneState } from "../store";
import { fundingView, pct, unfundedGroups } from "../viewModel";

/** Localities listed before "and N more – see the sheet". */
export const FLAG_GROUPS_SHOWN = 30;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  th: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "bottom",
  },
  thSource: { textAlign: "left", width: "50%" },
  td: {
    textAlign: "right",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: "top",
    fontVariantNumeric: "tabular-nums",
  },
  tdSource: { textAlign: "left", overflowWrap: "anywhere" },
  sub: { paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  sub2: { paddingLeft: tokens.spacingHorizontalXXL },
  code: { display: "block", color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  criteria: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function FundingTab() {
  const { lang, tr } = usePane();
  const state = usePaneState();
  const styles = useStyles();
  const [withSub, setWithSub] = useState(false);
  const outcome = state.outcome;

  if (!outcome) {
    return (
      <section className={styles.section}>
        <Subtitle2 as="h2">{tr("pane.funding.heading")}</Subtitle2>
        <Text className={styles.muted}>{tr("pane.funding.notYet")}</Text>
      </section>
    );
  }

  const province = outcome.result.funding.find((f) => f.level === "province");
  const view =
    province && province.total > 0
      ? fundingView(lang, province, outcome.settings.currencyUnit, withSub)
      : null;
  const groups = unfundedGroups(outcome, lang);
  const criteriaCount = groups.reduce((n, g) => n + g.criteria.length, 0);

  return (
    <>
      <section className={styles.section} aria-labelledby="ntm-funding-heading">
        <Subtitle2 as="h2" id="ntm-funding-heading">
          {tr("pane.funding.heading")}
        </Subtitle2>
        {!view ? (
          <Text className={styles.muted}>{tr("pane.funding.none")}</Text>
        ) : (
          <>
            <Text weight="semibold" className={styles.wrap}>
              {view.total}
            </Text>
            {view.actual && (
              <Text size={200} className={styles.wrap}>
                {view.actual}
              </Text>
            )}
            <Switch
              checked={withSub}
              onChange={(_, d) => setWithSub(d.checked)}
              label={tr("pane.funding.showSub")}
            />
            <table className={styles.table} aria-label={tr("pane.funding.tableLabel")}>
              <thead>
                <tr>
                  <th scope="col" className={mergeClasses(styles.th, styles.thSource)}>
                    {tr("pane.funding.source")}
                  </th>
                  <th scope="col" className={styles.th}>
                    {tr("pane.funding.withCredit")}
                  </th>
                  <th scope="col" className={styles.th}>
                    {tr("pane.funding.withoutCredit")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row) => (
                  <tr key={row.code}>
                    <th
                      scope="row"
                      className={mergeClasses(
                        styles.td,
                        styles.tdSource,
                        row.depth > 0 && styles.sub,
                        row.depth > 1 && styles.sub2,
                      )}
                    >
                      {row.name}
                      <span className={styles.code}>{row.code}</span>
                    </th>
                    <td className={styles.td}>{pct(lang, row.share)}</td>
                    <td className={styles.td}>
                      {row.shareExcludingCredit === null
                        ? tr("pane.funding.creditExcluded")
                        : pct(lang, row.shareExcludingCredit)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="ntm-flags-heading">
        <Subtitle2 as="h2" id="ntm-flags-heading">
          {tr("pane.flags.heading")}
        </Subtitle2>
        {groups.length === 0 ? (
          <Text className={styles.muted}>{tr("pane.flags.none")}</Text>
        ) : (
          <>
            <Caption1>
              {tr("pane.flags.count", { localities: groups.length, criteria: criteriaCount })}
            </Caption1>
            <ul className={styles.list}>
              {groups.slice(0, FLAG_GROUPS_SHOWN).map((g) => (
                <li key={g.code} className={styles.group}>
                  <Text size={200} weight="semibold" className={styles.wrap}>
                    {g.name} ({g.code})
                  </Text>
                  <ul className={styles.criteria}>
                    {g.criteria.map((c) => (
                      <li key={c.code}>
                        <Caption1 className={styles.wrap}>{c.name ? `${c.code} ${c.name}` : c.code}</Caption1>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            {groups.length > FLAG_GROUPS_SHOWN && (
              <Caption1 className={styles.muted}>
                {tr("pane.flags.more", { count: groups.length - FLAG_GROUPS_SHOWN })}
              </Caption1>
            )}
          </>
        )}
      </section>
    </>
  );
}
