/** English strings of the kb pages (the `kb` namespace of en.ts); keys mirror kb.ru.ts. */
export const kbEn = {};
