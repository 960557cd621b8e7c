// SCAFFOLD: the owning helper replaces this file.
export function classesConsoleRoutes() {
  return null;
}
