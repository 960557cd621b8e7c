import { autoCloseJob } from './auto-close.jobs.js';

/** Jobs of the ticket core (the staff side appends its own in `index.ts`). */
export const ticketJobs = [autoCloseJob];
