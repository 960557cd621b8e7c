CREATE TYPE "public"."online_payment_method" AS ENUM('card', 'sbp');--> statement-breakpoint
CREATE TYPE "public"."payment_purpose" AS ENUM('subscription_purchase', 'subscription_remaining', 'debt', 'course_fee', 'balance_top_up', 'course_access');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('created', 'pending', 'waiting_for_capture', 'succeeded', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."payment_refund_status" AS ENUM('created', 'pending', 'succeeded', 'canceled');--> statement-breakpoint
CREATE TABLE "payment_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"payer_id" uuid,
	"student_id" uuid,
	"purpose" "payment_purpose" NOT NULL,
	"target_id" uuid,
	"amount_kopecks" integer NOT NULL,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"method" "online_payment_method" NOT NULL,
	"description" text NOT NULL,
	"provider" text NOT NULL,
	"client_key" text NOT NULL,
	"provider_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider_payment_id" text,
	"status" "payment_status" DEFAULT 'created' NOT NULL,
	"confirmation_url" text,
	"cancellation_party" text,
	"cancellation_reason" text,
	"paid_with" text,
	"receipt_email" text,
	"receipt_phone" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applied_at" timestamp with time zone,
	"ledger_entry_id" uuid,
	"applied_as" text,
	"refunded_kopecks" integer DEFAULT 0 NOT NULL,
	"next_check_at" timestamp with time zone,
	"checks" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_counters" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"payment_id" uuid,
	"refund_id" uuid,
	"provider" text NOT NULL,
	"source" text NOT NULL,
	"event" text NOT NULL,
	"source_ip" text,
	"outcome" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_kopecks" integer NOT NULL,
	"reason" text NOT NULL,
	"client_key" text NOT NULL,
	"provider_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider_refund_id" text,
	"status" "payment_refund_status" DEFAULT 'created' NOT NULL,
	"cancellation_reason" text,
	"applied_at" timestamp with time zone,
	"ledger_entry_id" uuid,
	"next_check_at" timestamp with time zone,
	"checks" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_payer_id_users_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_counters" ADD CONSTRAINT "payment_counters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_payment_id_payment_attempts_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payment_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_payment_id_payment_attempts_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payment_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_attempts_org_number" ON "payment_attempts" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_attempts_client_key" ON "payment_attempts" USING btree ("organization_id","client_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_attempts_provider_payment" ON "payment_attempts" USING btree ("provider","provider_payment_id") WHERE "payment_attempts"."provider_payment_id" is not null;--> statement-breakpoint
CREATE INDEX "payment_attempts_org_created" ON "payment_attempts" USING btree ("organization_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "payment_attempts_payer_created" ON "payment_attempts" USING btree ("payer_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "payment_attempts_student_created" ON "payment_attempts" USING btree ("student_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "payment_attempts_due_check" ON "payment_attempts" USING btree ("next_check_at") WHERE "payment_attempts"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "payment_events_payment" ON "payment_events" USING btree ("payment_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_events_org_created" ON "payment_events" USING btree ("organization_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "payment_refunds_client_key" ON "payment_refunds" USING btree ("organization_id","client_key");--> statement-breakpoint
CREATE INDEX "payment_refunds_payment" ON "payment_refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_refunds_due_check" ON "payment_refunds" USING btree ("next_check_at") WHERE "payment_refunds"."next_check_at" is not null;