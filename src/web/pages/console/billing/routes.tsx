// SCAFFOLD: the owning helper replaces this file.
export function billingConsoleRoutes() {
  return null;
}
