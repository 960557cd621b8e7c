/** Russian strings of the calendar pages (the `calendar` namespace of ru.ts/en.ts). */
export const calendarRu = {};
