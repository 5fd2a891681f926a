import type { Strings } from "../index";

export const readerStrings: Strings = {};
