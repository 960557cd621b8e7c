import { customType } from 'drizzle-orm/pg-core';

/** A stored `tsvector` (the application writes it with `to_tsvector(<config>, …)`). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
