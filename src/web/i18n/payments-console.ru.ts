/** Russian strings of the `paymentsConsole` namespace. */
export const paymentsConsoleRu = {};
