/** Russian strings of the console's students, families, groups and schedule (the `classesConsole` namespace of ru.ts). */
export const classesConsoleRu = {};
