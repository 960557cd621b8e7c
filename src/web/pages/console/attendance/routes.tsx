// SCAFFOLD: the owning helper replaces this file.
export function attendanceConsoleRoutes() {
  return null;
}
