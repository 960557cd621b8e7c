/** English strings of the console's students, families, groups and schedule (the `classesConsole` namespace of en.ts). */
export const classesConsoleEn = {};
