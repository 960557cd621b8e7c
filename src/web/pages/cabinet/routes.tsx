// SCAFFOLD: the owning helper replaces this file.
export function cabinetRoutes() {
  return null;
}
