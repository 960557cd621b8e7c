/** Russian strings of the helpdesk pages (the `helpdesk` namespace of ru.ts/en.ts). */
export const helpdeskRu = {};
