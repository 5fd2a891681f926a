/**
 * Errors the fake throws, shaped like office.js's `OfficeExtension.Error` (name "RichApi.Error", a
 * string `code`, a `debugInfo` object), so code that maps RichApi errors can be tested against it.
 */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const propertyNotLoaded = (property: string): FakeOfficeError =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export const invalidArgument = (message: string, where?: string): FakeOfficeError =>
  new FakeOfficeError("InvalidArgument", message, where);

export const itemNotFound = (what: string): FakeOfficeError =>
  new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${what}.`);

export const itemAlreadyExists = (what: string): FakeOfficeError =>
  new FakeOfficeError(
    "ItemAlreadyExists",
    `A resource with the same name or identifier already exists: ${what}.`,
  );

export const invalidOperation = (message: string): FakeOfficeError =>
  new FakeOfficeError("InvalidOperation", message);

export const apiNotFound = (api: string, set: string): FakeOfficeError =>
  new FakeOfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. ${api} is part of the ExcelApi ${set} requirement set.`,
  );

/** Errors a test can make the next sync fail with (see FakeExcelHandle.failNextSync). */
export const INJECTED_ERRORS = {
  cellEdit: () =>
    new FakeOfficeError(
      "InvalidOperationInCellEditMode",
      "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
    ),
  busy: () => new FakeOfficeError("GeneralException", "Wait until the previous call completes."),
  activityLimit: () => new FakeOfficeError("ActivityLimitReached", "Activity limit has been reached."),
  accessDenied: () =>
    new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet. You can't perform this operation.",
    ),
  requestTooLarge: () =>
    new FakeOfficeError(
      "RequestPayloadSizeLimitExceeded",
      "The request payload size has exceeded the limit.",
    ),
} as const;

export type InjectedError = keyof typeof INJECTED_ERRORS;

const UTF8 = new TextEncoder();

/**
 * Bytes of `s` encoded as UTF-8 (lone surrogates count as 3, like U+FFFD). Measured with the
 * platform's encoder, independently of the port's own estimate that it checks.
 */
export function utf8Length(s: string): number {
  return UTF8.encode(s).length;
}

/**
 * JSON size in bytes of a value as office.js would send it. Arrays are measured element by element, so
 * a national-scale grid is never turned into one huge string.
 */
export function jsonBytes(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 2 + Math.max(0, value.length - 1);
    for (const item of value) {
      n += item === undefined || typeof item === "function" ? 4 : jsonBytes(item);
    }
    return n;
  }
  const s = JSON.stringify(value);
  return s === undefined ? 0 : utf8Length(s);
}
