/**
 * Side-effect module, imported by the pane's entry (src/taskpane/index.tsx): in the shared runtime,
 * taskpane.html is also the ribbon's FunctionFile, so loading the pane registers the commands.
 */
import { getOfficeHost } from "../excel/officeHost";
import { openTab, runRecalculation } from "../taskpane/store";
import { registerCommands } from "./registerCommands";

export { COMMAND_IDS, registerCommands } from "./registerCommands";

if (typeof Office === "undefined") {
  // office.js did not load (page opened outside Office, or the CDN is unreachable): no ribbon here.
  console.error("NTM Planner: office.js is not loaded; the ribbon commands are not registered");
} else {
  registerCommands(Office, { getHost: getOfficeHost, runRecalculation, openTab }).catch((error: unknown) => {
    console.error("NTM Planner: the ribbon commands could not be registered", error);
  });
}
