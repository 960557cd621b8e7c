import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import {
  PREVIEWABLE_ATTACHMENT_TYPES,
  type TicketAttachment,
} from '../../../shared/contracts/helpdesk-tickets.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import type { ReceivedAttachment } from './attachments.upload.js';
import { ticketAttachments, ticketMessages, tickets } from './helpdesk.schema.js';

export type AttachmentRow = typeof ticketAttachments.$inferSelect;

export const isPreviewable = (contentType: string) =>
  (PREVIEWABLE_ATTACHMENT_TYPES as readonly string[]).includes(contentType);

/** The contract view of a stored attachment. */
export const presentAttachment = (row: AttachmentRow): TicketAttachment => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  previewable: isPreviewable(row.contentType),
});

/**
 * Stores a checked upload and records it as the uploader's unsent attachment. The file goes to
 * storage first; if the row cannot be written it is deleted again.
 */
export async function storeAttachment(
  ctx: AppContext,
  options: { organizationId: string; uploaderId: string; file: ReceivedAttachment },
): Promise<TicketAttachment> {
  const id = randomUUID();
  const storageKey = `helpdesk/${options.organizationId}/${id}`;
  await ctx.storage.put(storageKey, fs.createReadStream(options.file.path), {
    contentType: options.file.contentType,
  });
  try {
    const [row] = await ctx.db
      .insert(ticketAttachments)
      .values({
        id,
        organizationId: options.organizationId,
        uploaderId: options.uploaderId,
        storageKey,
        fileName: options.file.fileName,
        contentType: options.file.contentType,
        sizeBytes: options.file.sizeBytes,
      })
      .returning();
    if (!row) throw new Error('attachment not stored');
    return presentAttachment(row);
  } catch (error) {
    await ctx.storage.delete(storageKey);
    throw error;
  }
}

/** Attachments of the given messages, grouped by message id. */
export async function attachmentsByMessage(db: DbOrTx, messageIds: string[]) {
  const grouped = new Map<string, TicketAttachment[]>();
  if (messageIds.length === 0) return grouped;
  const rows = await db
    .select()
    .from(ticketAttachments)
    .where(inArray(ticketAttachments.messageId, messageIds))
    .orderBy(ticketAttachments.createdAt);
  for (const row of rows) {
    if (!row.messageId) continue;
    grouped.set(row.messageId, [...(grouped.get(row.messageId) ?? []), presentAttachment(row)]);
  }
  return grouped;
}

/**
 * An attachment for download. Staff of the organization may open any; a customer only the files
 * of their own tickets' non-internal messages, and their own unsent uploads. Anything else is
 * 404, so ids of other people's files reveal nothing.
 */
export async function openAttachment(
  ctx: AppContext,
  options: { organizationId: string; user: { id: string; staffRole: string | null }; id: string },
): Promise<AttachmentRow & { stream: Readable }> {
  const [found] = await ctx.db
    .select({ attachment: ticketAttachments, customerId: tickets.customerId })
    .from(ticketAttachments)
    .leftJoin(tickets, eq(tickets.id, ticketAttachments.ticketId))
    .where(
      and(
        eq(ticketAttachments.organizationId, options.organizationId),
        eq(ticketAttachments.id, options.id),
      ),
    )
    .limit(1);
  if (!found) throw new AppError('not_found');
  const { attachment } = found;
  if (!options.user.staffRole) {
    const ownUpload = attachment.messageId === null && attachment.uploaderId === options.user.id;
    const ownTicket =
      found.customerId === options.user.id && (await isPublicMessage(ctx.db, attachment.messageId));
    if (!ownUpload && !ownTicket) throw new AppError('not_found');
  }
  return { ...attachment, stream: await ctx.storage.get(attachment.storageKey) };
}

async function isPublicMessage(db: DbOrTx, messageId: string | null): Promise<boolean> {
  if (!messageId) return false;
  const [row] = await db
    .select({ internal: ticketMessages.internal })
    .from(ticketMessages)
    .where(eq(ticketMessages.id, messageId))
    .limit(1);
  return row?.internal === false;
}
