/**
 * Task pane entry: waits for Office, gets the office.js host, registers the ribbon commands (shared
 * runtime) and renders the pane in Office's theme. Everything else lives in <App>, which takes the
 * Host as a prop.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import "../commands/commands";
import { getOfficeHost } from "../excel/officeHost";
import { App } from "./App";

Office.onReady(() => {
  const host = getOfficeHost();
  const container =
    document.getElementById("container") ?? document.body.appendChild(document.createElement("div"));
  createRoot(container).render(
    <FluentProvider theme={host.prefersDark() ? webDarkTheme : webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
});
