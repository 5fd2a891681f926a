/** Báo cáo / Reports: not built yet; says so, and where the results are meanwhile. */
import { makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { usePane } from "../context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

export function ReportsTab() {
  const { tr } = usePane();
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="ntm-reports-heading">
      <Subtitle2 as="h2" id="ntm-reports-heading">
        {tr("pane.reports.heading")}
      </Subtitle2>
      <Text>{tr("pane.reports.body")}</Text>
    </section>
  );
}
