import type { StaffRole } from '../../shared/contracts/session.js';
import { AppError } from '../infra/app-error.js';
import type { AppContext } from '../infra/context.js';
import { createStaffUser } from '../modules/access/index.js';

/** The documented demo logins (README); later modules add their own demo data here. */
export const DEMO_PEOPLE: { email: string; name: string; role: StaffRole | null }[] = [
  { email: 'admin@example.com', name: 'Анна Сергеевна Кузнецова', role: 'admin' },
  { email: 'teacher@example.com', name: 'Игорь Валентинович Смирнов', role: 'teacher' },
  { email: 'parent@example.com', name: 'Мария Павловна Иванова', role: null },
  { email: 'customer@example.com', name: 'Дмитрий Олегович Соколов', role: null },
];

/** Fills an organization with demo data; people who already exist are left as they are. */
export async function loadDemoData(ctx: AppContext, organizationId: string, password: string) {
  const lines: string[] = [];
  for (const person of DEMO_PEOPLE) {
    try {
      await createStaffUser(ctx.db, {
        organizationId,
        email: person.email,
        displayName: person.name,
        role: person.role,
        password,
      });
      lines.push(`created  ${person.email}  (${person.role ?? 'customer'})`);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'email_taken')) throw error;
      lines.push(`exists   ${person.email}`);
    }
  }
  return lines.join('\n') + '\n';
}
