/** Thiết lập / Setup: create the template sheets, or map the planner's own sheets. */
import { Divider } from "@fluentui/react-components";
import { MappingSection } from "./MappingSection";
import { TemplateSection } from "./TemplateSection";

export function SetupTab() {
  return (
    <>
      <TemplateSection />
      <Divider />
      <MappingSection />
    </>
  );
}
