-- pg_trgm: trigram search in the knowledge base; btree_gin: the organization as the first column of its GIN indexes.
create extension if not exists pg_trgm;--> statement-breakpoint
create extension if not exists btree_gin;--> statement-breakpoint
CREATE TYPE "public"."calendar_day_kind" AS ENUM('day_off', 'working', 'short');--> statement-breakpoint
CREATE TYPE "public"."ticket_awaiting_reason" AS ENUM('solution_proposed', 'info_requested');--> statement-breakpoint
CREATE TYPE "public"."ticket_message_author_role" AS ENUM('customer', 'staff', 'system');--> statement-breakpoint
CREATE TYPE "public"."ticket_closed_by" AS ENUM('customer', 'staff', 'auto', 'merge');--> statement-breakpoint
CREATE TYPE "public"."ticket_priority" AS ENUM('low', 'normal', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."ticket_status" AS ENUM('new', 'open', 'awaiting_customer', 'resolved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."ticket_type" AS ENUM('question', 'incident', 'request');--> statement-breakpoint
CREATE TYPE "public"."kb_article_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "calendar_day_overrides" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	"note" text,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_day_overrides_organization_id_day_pk" PRIMARY KEY("organization_id","day")
);
--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"day_start_minutes" integer DEFAULT 540 NOT NULL,
	"day_end_minutes" integer DEFAULT 1080 NOT NULL,
	"short_day_minutes" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_canned_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"product" text NOT NULL,
	"support_level_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"activation_code_hash" text NOT NULL,
	"customer_name" text,
	"user_id" uuid,
	"registered_at" timestamp with time zone,
	"expiry_reminder_sent_at" timestamp with time zone,
	"failed_registrations" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_certificates_dates" CHECK ("helpdesk_certificates"."valid_from" <= "helpdesk_certificates"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "helpdesk_departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"is_general" boolean DEFAULT false NOT NULL,
	"reopen_window_days" integer DEFAULT 30 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"email_on_progress" boolean DEFAULT true NOT NULL,
	"email_on_reply" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_support_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"priority" "ticket_priority" NOT NULL,
	"department_id" uuid,
	"first_response_minutes" integer,
	"resolution_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_ticket_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ticket_id" uuid,
	"message_id" uuid,
	"uploader_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_ticket_counters" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_ticket_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_ticket_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label_ru" text NOT NULL,
	"label_en" text NOT NULL,
	"kind" text DEFAULT 'text' NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_ticket_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"author_id" uuid,
	"author_role" "ticket_message_author_role" NOT NULL,
	"body" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"customer_id" uuid NOT NULL,
	"certificate_id" uuid,
	"department_id" uuid NOT NULL,
	"type" "ticket_type" DEFAULT 'question' NOT NULL,
	"priority" "ticket_priority" NOT NULL,
	"status" "ticket_status" DEFAULT 'new' NOT NULL,
	"subject" text NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assignee_id" uuid,
	"awaiting_since" timestamp with time zone,
	"awaiting_reason" "ticket_awaiting_reason",
	"awaiting_reminder_sent_at" timestamp with time zone,
	"auto_close_at" timestamp with time zone,
	"awaiting_reminder_at" timestamp with time zone,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_replier_id" uuid,
	"last_replier_role" "ticket_message_author_role" DEFAULT 'customer' NOT NULL,
	"first_response_at" timestamp with time zone,
	"first_response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" "ticket_closed_by",
	"merged_into_id" uuid,
	"continues_id" uuid,
	"idempotency_key" text,
	"sla_next_due_at" timestamp with time zone GENERATED ALWAYS AS (case when status in ('resolved', 'closed') then null when first_response_at is null then least(first_response_due_at, resolution_due_at) else resolution_due_at end) STORED,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_article_translations" (
	"article_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"plain" text NOT NULL,
	"title_norm" text NOT NULL,
	"search" "tsvector" NOT NULL,
	"title_search" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_article_translations_article_id_locale_pk" PRIMARY KEY("article_id","locale"),
	CONSTRAINT "kb_article_translations_locale" CHECK ("kb_article_translations"."locale" in ('ru', 'en'))
);
--> statement-breakpoint
CREATE TABLE "kb_article_views" (
	"article_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kb_article_views_article_id_day_pk" PRIMARY KEY("article_id","day")
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "kb_article_status" DEFAULT 'draft' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"view_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"description_ru" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_deflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"user_id" uuid,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"user_id" uuid,
	"helpful" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_feedback_helpful" CHECK ("kb_feedback"."helpful" in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "kb_terms" (
	"organization_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"term" text NOT NULL,
	"lexeme" text DEFAULT '' NOT NULL,
	CONSTRAINT "kb_terms_organization_id_locale_term_pk" PRIMARY KEY("organization_id","locale","term")
);
--> statement-breakpoint
DROP INDEX "security_audit_subject";--> statement-breakpoint
DROP INDEX "security_audit_org";--> statement-breakpoint
DROP INDEX "sign_in_events_user";--> statement-breakpoint
DROP INDEX "users_org_created";--> statement-breakpoint
DROP INDEX "mail_outbox_org_created";--> statement-breakpoint
DROP INDEX "recovery_requests_org_status";--> statement-breakpoint
DROP INDEX "sms_outbox_org_created";--> statement-breakpoint
ALTER TABLE "calendar_day_overrides" ADD CONSTRAINT "calendar_day_overrides_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_day_overrides" ADD CONSTRAINT "calendar_day_overrides_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_settings" ADD CONSTRAINT "calendar_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_canned_responses" ADD CONSTRAINT "helpdesk_canned_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_canned_responses" ADD CONSTRAINT "helpdesk_canned_responses_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_certificates" ADD CONSTRAINT "helpdesk_certificates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_certificates" ADD CONSTRAINT "helpdesk_certificates_support_level_id_helpdesk_support_levels_id_fk" FOREIGN KEY ("support_level_id") REFERENCES "public"."helpdesk_support_levels"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_certificates" ADD CONSTRAINT "helpdesk_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_departments" ADD CONSTRAINT "helpdesk_departments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_preferences" ADD CONSTRAINT "helpdesk_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_preferences" ADD CONSTRAINT "helpdesk_preferences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_support_levels" ADD CONSTRAINT "helpdesk_support_levels_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_support_levels" ADD CONSTRAINT "helpdesk_support_levels_department_id_helpdesk_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."helpdesk_departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_attachments" ADD CONSTRAINT "helpdesk_ticket_attachments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_attachments" ADD CONSTRAINT "helpdesk_ticket_attachments_ticket_id_helpdesk_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."helpdesk_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_attachments" ADD CONSTRAINT "helpdesk_ticket_attachments_message_id_helpdesk_ticket_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."helpdesk_ticket_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_attachments" ADD CONSTRAINT "helpdesk_ticket_attachments_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_counters" ADD CONSTRAINT "helpdesk_ticket_counters_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_events" ADD CONSTRAINT "helpdesk_ticket_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_events" ADD CONSTRAINT "helpdesk_ticket_events_ticket_id_helpdesk_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."helpdesk_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_events" ADD CONSTRAINT "helpdesk_ticket_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_fields" ADD CONSTRAINT "helpdesk_ticket_fields_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_messages" ADD CONSTRAINT "helpdesk_ticket_messages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_messages" ADD CONSTRAINT "helpdesk_ticket_messages_ticket_id_helpdesk_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."helpdesk_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_ticket_messages" ADD CONSTRAINT "helpdesk_ticket_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ADD CONSTRAINT "helpdesk_tickets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ADD CONSTRAINT "helpdesk_tickets_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ADD CONSTRAINT "helpdesk_tickets_certificate_id_helpdesk_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."helpdesk_certificates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ADD CONSTRAINT "helpdesk_tickets_department_id_helpdesk_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."helpdesk_departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ADD CONSTRAINT "helpdesk_tickets_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_tickets" ADD CONSTRAINT "helpdesk_tickets_last_replier_id_users_id_fk" FOREIGN KEY ("last_replier_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_translations" ADD CONSTRAINT "kb_article_translations_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_translations" ADD CONSTRAINT "kb_article_translations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_views" ADD CONSTRAINT "kb_article_views_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_views" ADD CONSTRAINT "kb_article_views_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_category_id_kb_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."kb_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_categories" ADD CONSTRAINT "kb_categories_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_deflections" ADD CONSTRAINT "kb_deflections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_deflections" ADD CONSTRAINT "kb_deflections_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_deflections" ADD CONSTRAINT "kb_deflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_feedback" ADD CONSTRAINT "kb_feedback_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_feedback" ADD CONSTRAINT "kb_feedback_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_feedback" ADD CONSTRAINT "kb_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_terms" ADD CONSTRAINT "kb_terms_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "helpdesk_canned_responses_org" ON "helpdesk_canned_responses" USING btree ("organization_id","title");--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_certificates_org_serial" ON "helpdesk_certificates" USING btree ("organization_id","serial");--> statement-breakpoint
CREATE INDEX "helpdesk_certificates_user" ON "helpdesk_certificates" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "helpdesk_certificates_expiry" ON "helpdesk_certificates" USING btree ("valid_to") WHERE "helpdesk_certificates"."user_id" is not null and "helpdesk_certificates"."expiry_reminder_sent_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_departments_one_general" ON "helpdesk_departments" USING btree ("organization_id") WHERE "helpdesk_departments"."is_general";--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_support_levels_org_code" ON "helpdesk_support_levels" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "helpdesk_ticket_attachments_message" ON "helpdesk_ticket_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "helpdesk_ticket_attachments_ticket" ON "helpdesk_ticket_attachments" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "helpdesk_ticket_attachments_unlinked" ON "helpdesk_ticket_attachments" USING btree ("created_at") WHERE "helpdesk_ticket_attachments"."message_id" is null;--> statement-breakpoint
CREATE INDEX "helpdesk_ticket_events_ticket" ON "helpdesk_ticket_events" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_ticket_fields_org_key" ON "helpdesk_ticket_fields" USING btree ("organization_id","key");--> statement-breakpoint
CREATE INDEX "helpdesk_ticket_messages_ticket" ON "helpdesk_ticket_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_tickets_org_number" ON "helpdesk_tickets" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_customer" ON "helpdesk_tickets" USING btree ("customer_id","organization_id","status","last_message_at" DESC NULLS FIRST,"number" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_customer_activity" ON "helpdesk_tickets" USING btree ("customer_id","last_message_at" DESC NULLS FIRST,"number" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_queue" ON "helpdesk_tickets" USING btree ("organization_id","status","last_message_at" DESC NULLS FIRST,"number" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_assignee" ON "helpdesk_tickets" USING btree ("assignee_id","status","last_message_at" DESC NULLS FIRST,"number" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_department" ON "helpdesk_tickets" USING btree ("department_id","status","last_message_at" DESC NULLS FIRST,"number" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_assignee_active" ON "helpdesk_tickets" USING btree ("assignee_id","last_message_at" DESC NULLS FIRST,"number" DESC NULLS FIRST) WHERE "helpdesk_tickets"."status" in ('new', 'open', 'awaiting_customer');--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_department_active" ON "helpdesk_tickets" USING btree ("department_id","last_message_at" DESC NULLS FIRST,"number" DESC NULLS FIRST) WHERE "helpdesk_tickets"."status" in ('new', 'open', 'awaiting_customer');--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_certificate" ON "helpdesk_tickets" USING btree ("certificate_id");--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_auto_close" ON "helpdesk_tickets" USING btree ("auto_close_at") WHERE "helpdesk_tickets"."status" = 'awaiting_customer';--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_awaiting_reminder" ON "helpdesk_tickets" USING btree ("awaiting_reminder_at") WHERE "helpdesk_tickets"."status" = 'awaiting_customer' and "helpdesk_tickets"."awaiting_reminder_sent_at" is null;--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_search" ON "helpdesk_tickets" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_sla_due" ON "helpdesk_tickets" USING btree ("organization_id","sla_next_due_at") WHERE "helpdesk_tickets"."sla_next_due_at" is not null;--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_queue_active" ON "helpdesk_tickets" USING btree ("organization_id","last_message_at" DESC NULLS FIRST,"number" DESC NULLS FIRST) WHERE "helpdesk_tickets"."status" in ('new', 'open', 'awaiting_customer');--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_tickets_idempotency" ON "helpdesk_tickets" USING btree ("customer_id","idempotency_key") WHERE "helpdesk_tickets"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "helpdesk_tickets_customer_number" ON "helpdesk_tickets" USING btree ("customer_id","number");--> statement-breakpoint
CREATE INDEX "kb_article_translations_published_search" ON "kb_article_translations" USING gin ("organization_id","search") WHERE "kb_article_translations"."published";--> statement-breakpoint
CREATE INDEX "kb_article_translations_published_title" ON "kb_article_translations" USING gin ("organization_id","title_search") WHERE "kb_article_translations"."published";--> statement-breakpoint
CREATE INDEX "kb_article_views_org_day" ON "kb_article_views" USING btree ("organization_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_articles_org_slug" ON "kb_articles" USING btree ("organization_id","slug");--> statement-breakpoint
CREATE INDEX "kb_articles_category" ON "kb_articles" USING btree ("category_id","sort_order");--> statement-breakpoint
CREATE INDEX "kb_articles_org_updated" ON "kb_articles" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_categories_org_slug" ON "kb_categories" USING btree ("organization_id","slug");--> statement-breakpoint
CREATE INDEX "kb_deflections_org_created" ON "kb_deflections" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_feedback_one_vote" ON "kb_feedback" USING btree ("article_id","voter_key");--> statement-breakpoint
CREATE INDEX "kb_feedback_org_updated" ON "kb_feedback" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "kb_terms_trgm" ON "kb_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "kb_terms_lexeme" ON "kb_terms" USING btree ("organization_id","locale","lexeme" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "security_audit_subject" ON "security_audit" USING btree ("subject_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "security_audit_org" ON "security_audit" USING btree ("organization_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "sign_in_events_user" ON "sign_in_events" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "users_org_created" ON "users" USING btree ("organization_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "mail_outbox_org_created" ON "mail_outbox" USING btree ("organization_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "recovery_requests_org_status" ON "recovery_requests" USING btree ("organization_id","status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "sms_outbox_org_created" ON "sms_outbox" USING btree ("organization_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);