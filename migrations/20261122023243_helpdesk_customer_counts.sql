CREATE TABLE "helpdesk_customer_ticket_counts" (
	"customer_id" uuid NOT NULL,
	"status" "ticket_status" NOT NULL,
	"tickets" integer NOT NULL,
	CONSTRAINT "helpdesk_customer_ticket_counts_customer_id_status_pk" PRIMARY KEY("customer_id","status")
);
--> statement-breakpoint
ALTER TABLE "helpdesk_customer_ticket_counts" ADD CONSTRAINT "helpdesk_customer_ticket_counts_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Statement triggers with transition tables: one ordered upsert per statement, so a bulk change
-- or an auto-close batch takes the counter rows' locks in (customer, status) order and two
-- concurrent batches cannot deadlock on them.
CREATE FUNCTION "helpdesk_count_customer_tickets"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "helpdesk_customer_ticket_counts" AS c ("customer_id", "status", "tickets")
    SELECT "customer_id", "status", count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("customer_id", "status") DO UPDATE SET "tickets" = c."tickets" + excluded."tickets";
  ELSIF TG_OP = 'DELETE' THEN
    -- An update, not an upsert: when the customer is being deleted too, its counters are gone.
    UPDATE "helpdesk_customer_ticket_counts" AS c SET "tickets" = c."tickets" - d."tickets"
      FROM (SELECT "customer_id", "status", count(*) AS "tickets" FROM old_rows GROUP BY 1, 2) AS d
     WHERE c."customer_id" = d."customer_id" AND c."status" = d."status";
  ELSE
    INSERT INTO "helpdesk_customer_ticket_counts" AS c ("customer_id", "status", "tickets")
    SELECT "customer_id", "status", sum("delta") FROM (
      SELECT o."customer_id", o."status", -1 AS "delta"
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE o."status" IS DISTINCT FROM n."status" OR o."customer_id" IS DISTINCT FROM n."customer_id"
      UNION ALL
      SELECT n."customer_id", n."status", 1
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE o."status" IS DISTINCT FROM n."status" OR o."customer_id" IS DISTINCT FROM n."customer_id"
    ) AS "changes"
    GROUP BY 1, 2 HAVING sum("delta") <> 0 ORDER BY 1, 2
    ON CONFLICT ("customer_id", "status") DO UPDATE SET "tickets" = c."tickets" + excluded."tickets";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "helpdesk_tickets_count_inserted" AFTER INSERT ON "helpdesk_tickets"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "helpdesk_count_customer_tickets"();
--> statement-breakpoint
CREATE TRIGGER "helpdesk_tickets_count_updated" AFTER UPDATE ON "helpdesk_tickets"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "helpdesk_count_customer_tickets"();
--> statement-breakpoint
CREATE TRIGGER "helpdesk_tickets_count_deleted" AFTER DELETE ON "helpdesk_tickets"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "helpdesk_count_customer_tickets"();
--> statement-breakpoint
INSERT INTO "helpdesk_customer_ticket_counts" ("customer_id", "status", "tickets")
SELECT "customer_id", "status", count(*) FROM "helpdesk_tickets" GROUP BY 1, 2;
