/** English strings of the calendar pages (the `calendar` namespace of en.ts); keys mirror calendar.ru.ts. */
export const calendarEn = {};
