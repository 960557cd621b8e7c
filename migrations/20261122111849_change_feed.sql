-- The change feed (docs/adr/0010-read-cache-and-change-feed.md): every committed change to a row
-- that a cached read depends on is announced on the channel kabinet_changes as a tag,
-- "<kind>:<id>". Each process LISTENs and drops the cached reads carrying that tag. Statement
-- triggers with transition tables: one notification per distinct tag and statement, whatever the
-- row count, and PostgreSQL folds identical notifications of one transaction into one. One
-- function per table, so that each query is static and planned once per session.
--> statement-breakpoint
CREATE FUNCTION "students_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."id" AS tag FROM new_rows AS r) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."id" AS tag FROM old_rows AS r) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."id" AS tag FROM new_rows AS r UNION SELECT 'student:' || r."id" AS tag FROM old_rows AS r) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "students_announce_insert" AFTER INSERT ON "students"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "students_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "students_announce_update" AFTER UPDATE ON "students"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "students_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "students_announce_delete" AFTER DELETE ON "students"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "students_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "student_accounts_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."student_id" AS tag FROM new_rows AS r WHERE r."student_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."student_id" AS tag FROM old_rows AS r WHERE r."student_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."student_id" AS tag FROM new_rows AS r WHERE r."student_id" IS NOT NULL UNION SELECT 'student:' || r."student_id" AS tag FROM old_rows AS r WHERE r."student_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "student_accounts_announce_insert" AFTER INSERT ON "student_accounts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "student_accounts_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "student_accounts_announce_update" AFTER UPDATE ON "student_accounts"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "student_accounts_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "student_accounts_announce_delete" AFTER DELETE ON "student_accounts"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "student_accounts_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "families_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'family:' || r."id" AS tag FROM new_rows AS r) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'family:' || r."id" AS tag FROM old_rows AS r) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'family:' || r."id" AS tag FROM new_rows AS r UNION SELECT 'family:' || r."id" AS tag FROM old_rows AS r) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "families_announce_insert" AFTER INSERT ON "families"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "families_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "families_announce_update" AFTER UPDATE ON "families"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "families_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "families_announce_delete" AFTER DELETE ON "families"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "families_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "organizations_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."id" AS tag FROM new_rows AS r) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."id" AS tag FROM old_rows AS r) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."id" AS tag FROM new_rows AS r UNION SELECT 'org:' || r."id" AS tag FROM old_rows AS r) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organizations_announce_insert" AFTER INSERT ON "organizations"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "organizations_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "organizations_announce_update" AFTER UPDATE ON "organizations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "organizations_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "organizations_announce_delete" AFTER DELETE ON "organizations"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "organizations_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "classes_settings_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL UNION SELECT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "classes_settings_announce_insert" AFTER INSERT ON "classes_settings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "classes_settings_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "classes_settings_announce_update" AFTER UPDATE ON "classes_settings"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "classes_settings_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "classes_settings_announce_delete" AFTER DELETE ON "classes_settings"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "classes_settings_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "subscription_types_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL UNION SELECT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "subscription_types_announce_insert" AFTER INSERT ON "subscription_types"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "subscription_types_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "subscription_types_announce_update" AFTER UPDATE ON "subscription_types"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "subscription_types_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "subscription_types_announce_delete" AFTER DELETE ON "subscription_types"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "subscription_types_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "courses_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL UNION SELECT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "courses_announce_insert" AFTER INSERT ON "courses"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "courses_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "courses_announce_update" AFTER UPDATE ON "courses"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "courses_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "courses_announce_delete" AFTER DELETE ON "courses"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "courses_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "rooms_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL UNION SELECT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "rooms_announce_insert" AFTER INSERT ON "rooms"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rooms_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "rooms_announce_update" AFTER UPDATE ON "rooms"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "rooms_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "rooms_announce_delete" AFTER DELETE ON "rooms"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "rooms_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "teachers_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'org:' || r."organization_id" AS tag FROM new_rows AS r WHERE r."organization_id" IS NOT NULL UNION SELECT 'org:' || r."organization_id" AS tag FROM old_rows AS r WHERE r."organization_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "teachers_announce_insert" AFTER INSERT ON "teachers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "teachers_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "teachers_announce_update" AFTER UPDATE ON "teachers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "teachers_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "teachers_announce_delete" AFTER DELETE ON "teachers"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "teachers_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "groups_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'group:' || r."id" AS tag FROM new_rows AS r) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'group:' || r."id" AS tag FROM old_rows AS r) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'group:' || r."id" AS tag FROM new_rows AS r UNION SELECT 'group:' || r."id" AS tag FROM old_rows AS r) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "groups_announce_insert" AFTER INSERT ON "groups"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "groups_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "groups_announce_update" AFTER UPDATE ON "groups"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "groups_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "groups_announce_delete" AFTER DELETE ON "groups"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "groups_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "lessons_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'group:' || r."group_id" AS tag FROM new_rows AS r WHERE r."group_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'group:' || r."group_id" AS tag FROM old_rows AS r WHERE r."group_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'group:' || r."group_id" AS tag FROM new_rows AS r WHERE r."group_id" IS NOT NULL UNION SELECT 'group:' || r."group_id" AS tag FROM old_rows AS r WHERE r."group_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "lessons_announce_insert" AFTER INSERT ON "lessons"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lessons_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "lessons_announce_update" AFTER UPDATE ON "lessons"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lessons_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "lessons_announce_delete" AFTER DELETE ON "lessons"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "lessons_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "enrollments_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."student_id" AS tag FROM new_rows AS r WHERE r."student_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."student_id" AS tag FROM old_rows AS r WHERE r."student_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."student_id" AS tag FROM new_rows AS r WHERE r."student_id" IS NOT NULL UNION SELECT 'student:' || r."student_id" AS tag FROM old_rows AS r WHERE r."student_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "enrollments_announce_insert" AFTER INSERT ON "enrollments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "enrollments_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "enrollments_announce_update" AFTER UPDATE ON "enrollments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "enrollments_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "enrollments_announce_delete" AFTER DELETE ON "enrollments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "enrollments_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "subscriptions_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."student_id" AS tag FROM new_rows AS r WHERE r."student_id" IS NOT NULL UNION SELECT 'family:' || r."family_id" AS tag FROM new_rows AS r WHERE r."family_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."student_id" AS tag FROM old_rows AS r WHERE r."student_id" IS NOT NULL UNION SELECT 'family:' || r."family_id" AS tag FROM old_rows AS r WHERE r."family_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'student:' || r."student_id" AS tag FROM new_rows AS r WHERE r."student_id" IS NOT NULL UNION SELECT 'family:' || r."family_id" AS tag FROM new_rows AS r WHERE r."family_id" IS NOT NULL UNION SELECT 'student:' || r."student_id" AS tag FROM old_rows AS r WHERE r."student_id" IS NOT NULL UNION SELECT 'family:' || r."family_id" AS tag FROM old_rows AS r WHERE r."family_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "subscriptions_announce_insert" AFTER INSERT ON "subscriptions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "subscriptions_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "subscriptions_announce_update" AFTER UPDATE ON "subscriptions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "subscriptions_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "subscriptions_announce_delete" AFTER DELETE ON "subscriptions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "subscriptions_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "users_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'user:' || r."id" AS tag FROM new_rows AS r) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'user:' || r."id" AS tag FROM old_rows AS r) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'user:' || r."id" AS tag FROM new_rows AS r UNION SELECT 'user:' || r."id" AS tag FROM old_rows AS r) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_announce_insert" AFTER INSERT ON "users"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "users_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "users_announce_update" AFTER UPDATE ON "users"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "users_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "users_announce_delete" AFTER DELETE ON "users"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "users_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "sessions_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'user:' || r."user_id" AS tag FROM new_rows AS r WHERE r."user_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'user:' || r."user_id" AS tag FROM old_rows AS r WHERE r."user_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'user:' || r."user_id" AS tag FROM new_rows AS r WHERE r."user_id" IS NOT NULL UNION SELECT 'user:' || r."user_id" AS tag FROM old_rows AS r WHERE r."user_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sessions_announce_insert" AFTER INSERT ON "sessions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sessions_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "sessions_announce_update" AFTER UPDATE ON "sessions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sessions_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "sessions_announce_delete" AFTER DELETE ON "sessions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "sessions_announce_changes"();
--> statement-breakpoint
CREATE FUNCTION "account_blocks_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'user:' || r."user_id" AS tag FROM new_rows AS r WHERE r."user_id" IS NOT NULL) AS t;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'user:' || r."user_id" AS tag FROM old_rows AS r WHERE r."user_id" IS NOT NULL) AS t;
  ELSE
    PERFORM pg_notify('kabinet_changes', t.tag) FROM (SELECT DISTINCT 'user:' || r."user_id" AS tag FROM new_rows AS r WHERE r."user_id" IS NOT NULL UNION SELECT 'user:' || r."user_id" AS tag FROM old_rows AS r WHERE r."user_id" IS NOT NULL) AS t;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "account_blocks_announce_insert" AFTER INSERT ON "account_blocks"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "account_blocks_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "account_blocks_announce_update" AFTER UPDATE ON "account_blocks"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "account_blocks_announce_changes"();
--> statement-breakpoint
CREATE TRIGGER "account_blocks_announce_delete" AFTER DELETE ON "account_blocks"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "account_blocks_announce_changes"();
