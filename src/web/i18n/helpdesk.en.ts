/** English strings of the helpdesk pages (the `helpdesk` namespace of en.ts); keys mirror helpdesk.ru.ts. */
export const helpdeskEn = {};
