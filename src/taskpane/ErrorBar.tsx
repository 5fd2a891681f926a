/** An error the planner must see: its message in their language, announced to screen readers. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import { usePane } from "./context";
import { errorMessage } from "./errors";

const useStyles = makeStyles({
  text: { overflowWrap: "anywhere" },
});

export interface ErrorBarProps {
  error: unknown;
  /** Heading; default "Không thực hiện được". */
  title?: string;
  onDismiss?: () => void;
}

export function ErrorBar({ error, title, onDismiss }: ErrorBarProps) {
  const { lang, tr } = usePane();
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody className={styles.text}>
        <MessageBarTitle>{title ?? tr("pane.error.title")}</MessageBarTitle>
        {errorMessage(lang, error)}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              size="small"
              icon={<Dismiss16Regular />}
              aria-label={tr("pane.error.dismiss")}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
