/** The staff console's working-day calendar page, under /console. */
export function calendarConsoleRoutes() {
  return <></>;
}
