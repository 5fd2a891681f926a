import type { Strings } from "../index";

export const domainStrings: Strings = {};
