/** Russian strings of the kb pages (the `kb` namespace of ru.ts/en.ts). */
export const kbRu = {};
