CREATE TYPE "public"."recovery_status" AS ENUM('unconfirmed', 'pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "recovery_counters" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recovery_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "recovery_status" DEFAULT 'unconfirmed' NOT NULL,
	"full_name" text NOT NULL,
	"known_login" text,
	"new_email" text NOT NULL,
	"new_phone" text,
	"description" text NOT NULL,
	"locale" text DEFAULT 'ru' NOT NULL,
	"status_secret_hash" text NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"approved_user_id" uuid,
	"reject_reason" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_requests_confirm_token_hash_unique" UNIQUE("confirm_token_hash")
);
--> statement-breakpoint
ALTER TABLE "recovery_counters" ADD CONSTRAINT "recovery_counters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_documents" ADD CONSTRAINT "recovery_documents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_documents" ADD CONSTRAINT "recovery_documents_request_id_recovery_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."recovery_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_requests" ADD CONSTRAINT "recovery_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_requests" ADD CONSTRAINT "recovery_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recovery_requests" ADD CONSTRAINT "recovery_requests_approved_user_id_users_id_fk" FOREIGN KEY ("approved_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recovery_documents_request" ON "recovery_documents" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "recovery_documents_live" ON "recovery_documents" USING btree ("created_at") WHERE "recovery_documents"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "recovery_requests_org_number" ON "recovery_requests" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "recovery_requests_org_status" ON "recovery_requests" USING btree ("organization_id","status","created_at" DESC NULLS LAST);