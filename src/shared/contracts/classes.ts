import { z } from 'zod';
import { ZEnrollment } from './classes-structure.js';
import { ZEmail } from './common.js';
import { ZIsoDay } from './calendar.js';
import { ZAccessSheet, ZInvitationInfo, ZPhoneInput } from './staff-accounts.js';

/**
 * Staff API of the centre's people and structure (docs/classes.md): students, families, which
 * accounts see them. The centre's structure (`classes-structure.ts`) and the schedule
 * (`classes-schedule.ts`) are re-exported here, so callers import this one file.
 */

export * from './classes-schedule.js';
export * from './classes-structure.js';

const ZDateTime = z.iso.datetime({ offset: true });
const ZName = z.string().trim().min(1).max(200);
const ZOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ── Students ────────────────────────────────────────────────────────────────

export const ZStudentAccountRelation = z.enum(['self', 'parent', 'contact']);
export type StudentAccountRelation = z.infer<typeof ZStudentAccountRelation>;

export const ZStudent = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    birthDate: ZIsoDay.nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    note: z.string().nullable(),
    familyId: z.uuid().nullable(),
    familyName: z.string().nullable(),
    /** False: no linked account sees this contact in the cabinet (e.g. a duplicate). */
    cabinetAccess: z.boolean(),
    /** Prepaid value minus value consumed (kopecks); negative means the student owes. */
    balanceKopecks: z.number().int(),
    /** Visits currently in debt. */
    debtLessons: z.number().int(),
    createdAt: ZDateTime,
  })
  .meta({ id: 'ClassesStudent' });
export type Student = z.infer<typeof ZStudent>;

export const ZCreateStudentRequest = z.object({
  fullName: ZName,
  birthDate: ZIsoDay.nullable().optional(),
  email: ZEmail.nullable().optional(),
  phone: ZOptionalText(40),
  note: ZOptionalText(2000),
  familyId: z.uuid().nullable().optional(),
});
export type CreateStudentRequest = z.input<typeof ZCreateStudentRequest>;

/** Omitted fields stay; `cabinetAccess` switches this one contact's cabinet visibility. */
export const ZUpdateStudentRequest = ZCreateStudentRequest.partial().extend({
  cabinetAccess: z.boolean().optional(),
});
export type UpdateStudentRequest = z.input<typeof ZUpdateStudentRequest>;

export const ZStudentListQuery = z.object({
  /** Part of the name (typo-tolerant), an email or a phone. */
  q: z.string().trim().max(200).optional(),
  familyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type StudentListQuery = z.input<typeof ZStudentListQuery>;

export const ZStudentListResponse = z.object({
  students: z.array(ZStudent),
  page: z.number().int(),
  /** Whether another page follows. */
  hasMore: z.boolean(),
});
export type StudentListResponse = z.infer<typeof ZStudentListResponse>;

/** An account that sees the student in the cabinet. */
export const ZStudentAccount = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  relation: ZStudentAccountRelation,
  /** The account has set a password (an invitation may still be pending when false). */
  activated: z.boolean(),
  linkedAt: ZDateTime,
});
export type StudentAccount = z.infer<typeof ZStudentAccount>;

/** Links an existing account, found by its email. */
export const ZLinkStudentAccountRequest = z.object({
  email: ZEmail,
  relation: ZStudentAccountRelation.default('parent'),
});
export type LinkStudentAccountRequest = z.input<typeof ZLinkStudentAccountRequest>;

/**
 * «Открыть доступ»: creates (or opens) the account through the access module's invitation —
 * an activation link by email, never a password — and links it to the student.
 */
export const ZOpenStudentAccessRequest = z
  .object({
    displayName: ZName,
    email: ZEmail.optional(),
    phone: ZPhoneInput.optional(),
    relation: ZStudentAccountRelation.default('parent'),
    /** Also issue a one-time activation code for a printed access sheet. */
    accessSheet: z.boolean().default(false),
  })
  .refine((body) => body.email !== undefined || body.phone !== undefined, {
    message: 'Give an email or a phone',
    path: ['email'],
  });
export type OpenStudentAccessRequest = z.input<typeof ZOpenStudentAccessRequest>;

export const ZOpenStudentAccessResponse = z.object({
  account: ZStudentAccount,
  /** False when the account existed already. */
  created: z.boolean(),
  invitation: ZInvitationInfo.nullable(),
  /** Shown once; null when the person has a password already. */
  activationLink: z.string().nullable(),
  accessSheet: ZAccessSheet.nullable(),
});
export type OpenStudentAccessResponse = z.infer<typeof ZOpenStudentAccessResponse>;

export const ZStudentAccountParams = z.object({ id: z.uuid(), userId: z.uuid() });

/** Merges the duplicate into the student of the path (the survivor). */
export const ZMergeStudentsRequest = z.object({ duplicateId: z.uuid() });
export type MergeStudentsRequest = z.infer<typeof ZMergeStudentsRequest>;

// ── Families ────────────────────────────────────────────────────────────────

export const ZFamilyMember = z.object({ id: z.uuid(), fullName: z.string() });

export const ZFamily = z
  .object({ id: z.uuid(), name: z.string(), members: z.array(ZFamilyMember) })
  .meta({ id: 'ClassesFamily' });
export type Family = z.infer<typeof ZFamily>;

export const ZCreateFamilyRequest = z.object({
  name: ZName,
  /** Students to put into the family at once (each leaves its previous family). */
  studentIds: z.array(z.uuid()).max(20).default([]),
});
export type CreateFamilyRequest = z.input<typeof ZCreateFamilyRequest>;
export const ZRenameFamilyRequest = z.object({ name: ZName });
export const ZFamilyMemberRequest = z.object({ studentId: z.uuid() });
export const ZFamilyMemberParams = z.object({ id: z.uuid(), studentId: z.uuid() });
export const ZFamilyListQuery = z.object({ q: z.string().trim().max(200).optional() });
export const ZFamilyListResponse = z.object({ families: z.array(ZFamily) });

/** The student's card in the console. */
export const ZStudentCard = z.object({
  student: ZStudent,
  family: ZFamily.nullable(),
  accounts: z.array(ZStudentAccount),
  enrollments: z.array(ZEnrollment),
});
export type StudentCard = z.infer<typeof ZStudentCard>;
