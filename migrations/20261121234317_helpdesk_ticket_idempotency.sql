ALTER TABLE "helpdesk_tickets" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_tickets_idempotency" ON "helpdesk_tickets" USING btree ("customer_id","idempotency_key") WHERE "helpdesk_tickets"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_customer_number" ON "helpdesk_tickets" USING btree ("customer_id","number");