import type { Strings } from "../index";

export const cliStrings: Strings = {};
