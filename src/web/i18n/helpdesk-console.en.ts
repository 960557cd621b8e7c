/** English strings of the staff console's help-desk pages (the `helpdeskConsole` namespace). */
export const helpdeskConsoleEn = {};
