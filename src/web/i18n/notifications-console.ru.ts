/** Russian strings of the `notificationsConsole` namespace. */
export const notificationsConsoleRu = {};
