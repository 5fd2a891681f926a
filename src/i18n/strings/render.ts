import type { Strings } from "../index";

export const renderStrings: Strings = {};
