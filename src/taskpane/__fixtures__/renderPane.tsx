/** Renders the pane as index.tsx does (FluentProvider around App), over a test host. */
import { render, type RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../App";
import type { Host } from "../host";

export function renderPane(host: Host): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}
