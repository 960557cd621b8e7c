DROP INDEX "mail_outbox_org_created";--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "mail_outbox_org_created" ON "mail_outbox" USING btree ("organization_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);