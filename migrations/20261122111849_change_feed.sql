-- The change feed (docs/adr/0010-read-cache-and-change-feed.md): every committed change to a row that a cached
-- read depends on is announced on the channel kabinet_changes as a tag, "<kind>:<id>". Each
-- process LISTENs and drops the cached reads carrying that tag. Statement triggers with
-- transition tables: one notification per distinct tag and statement, whatever the row count,
-- and PostgreSQL folds identical notifications of one transaction into one.
-- Arguments: pairs of (kind, column).
CREATE FUNCTION "kabinet_announce_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_rows text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT * FROM old_rows'
    ELSE 'SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows' END;
  tag text;
BEGIN
  FOR pair IN 0 .. TG_NARGS / 2 - 1 LOOP
    FOR tag IN EXECUTE format(
      'SELECT DISTINCT %L || r.%I::text FROM (%s) AS r WHERE r.%I IS NOT NULL',
      TG_ARGV[pair * 2] || ':', TG_ARGV[pair * 2 + 1], changed_rows, TG_ARGV[pair * 2 + 1])
    LOOP
      PERFORM pg_notify('kabinet_changes', tag);
    END LOOP;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "students_announce_insert" AFTER INSERT ON "students"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'id');
--> statement-breakpoint
CREATE TRIGGER "students_announce_update" AFTER UPDATE ON "students"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'id');
--> statement-breakpoint
CREATE TRIGGER "students_announce_delete" AFTER DELETE ON "students"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'id');
--> statement-breakpoint
CREATE TRIGGER "student_accounts_announce_insert" AFTER INSERT ON "student_accounts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'student_id');
--> statement-breakpoint
CREATE TRIGGER "student_accounts_announce_update" AFTER UPDATE ON "student_accounts"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'student_id');
--> statement-breakpoint
CREATE TRIGGER "student_accounts_announce_delete" AFTER DELETE ON "student_accounts"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'student_id');
--> statement-breakpoint
CREATE TRIGGER "families_announce_insert" AFTER INSERT ON "families"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('family', 'id');
--> statement-breakpoint
CREATE TRIGGER "families_announce_update" AFTER UPDATE ON "families"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('family', 'id');
--> statement-breakpoint
CREATE TRIGGER "families_announce_delete" AFTER DELETE ON "families"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('family', 'id');
--> statement-breakpoint
CREATE TRIGGER "organizations_announce_insert" AFTER INSERT ON "organizations"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'id');
--> statement-breakpoint
CREATE TRIGGER "organizations_announce_update" AFTER UPDATE ON "organizations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'id');
--> statement-breakpoint
CREATE TRIGGER "organizations_announce_delete" AFTER DELETE ON "organizations"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'id');
--> statement-breakpoint
CREATE TRIGGER "classes_settings_announce_insert" AFTER INSERT ON "classes_settings"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "classes_settings_announce_update" AFTER UPDATE ON "classes_settings"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "classes_settings_announce_delete" AFTER DELETE ON "classes_settings"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "subscription_types_announce_insert" AFTER INSERT ON "subscription_types"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "subscription_types_announce_update" AFTER UPDATE ON "subscription_types"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "subscription_types_announce_delete" AFTER DELETE ON "subscription_types"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "courses_announce_insert" AFTER INSERT ON "courses"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "courses_announce_update" AFTER UPDATE ON "courses"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "courses_announce_delete" AFTER DELETE ON "courses"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "rooms_announce_insert" AFTER INSERT ON "rooms"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "rooms_announce_update" AFTER UPDATE ON "rooms"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "rooms_announce_delete" AFTER DELETE ON "rooms"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "teachers_announce_insert" AFTER INSERT ON "teachers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "teachers_announce_update" AFTER UPDATE ON "teachers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "teachers_announce_delete" AFTER DELETE ON "teachers"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('org', 'organization_id');
--> statement-breakpoint
CREATE TRIGGER "groups_announce_insert" AFTER INSERT ON "groups"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('group', 'id');
--> statement-breakpoint
CREATE TRIGGER "groups_announce_update" AFTER UPDATE ON "groups"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('group', 'id');
--> statement-breakpoint
CREATE TRIGGER "groups_announce_delete" AFTER DELETE ON "groups"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('group', 'id');
--> statement-breakpoint
CREATE TRIGGER "lessons_announce_insert" AFTER INSERT ON "lessons"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('group', 'group_id');
--> statement-breakpoint
CREATE TRIGGER "lessons_announce_update" AFTER UPDATE ON "lessons"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('group', 'group_id');
--> statement-breakpoint
CREATE TRIGGER "lessons_announce_delete" AFTER DELETE ON "lessons"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('group', 'group_id');
--> statement-breakpoint
CREATE TRIGGER "enrollments_announce_insert" AFTER INSERT ON "enrollments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'student_id');
--> statement-breakpoint
CREATE TRIGGER "enrollments_announce_update" AFTER UPDATE ON "enrollments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'student_id');
--> statement-breakpoint
CREATE TRIGGER "enrollments_announce_delete" AFTER DELETE ON "enrollments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'student_id');
--> statement-breakpoint
CREATE TRIGGER "subscriptions_announce_insert" AFTER INSERT ON "subscriptions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'student_id', 'family', 'family_id');
--> statement-breakpoint
CREATE TRIGGER "subscriptions_announce_update" AFTER UPDATE ON "subscriptions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'student_id', 'family', 'family_id');
--> statement-breakpoint
CREATE TRIGGER "subscriptions_announce_delete" AFTER DELETE ON "subscriptions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('student', 'student_id', 'family', 'family_id');
--> statement-breakpoint
CREATE TRIGGER "users_announce_insert" AFTER INSERT ON "users"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('user', 'id');
--> statement-breakpoint
CREATE TRIGGER "users_announce_update" AFTER UPDATE ON "users"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('user', 'id');
--> statement-breakpoint
CREATE TRIGGER "users_announce_delete" AFTER DELETE ON "users"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('user', 'id');
--> statement-breakpoint
CREATE TRIGGER "sessions_announce_insert" AFTER INSERT ON "sessions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER "sessions_announce_update" AFTER UPDATE ON "sessions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER "sessions_announce_delete" AFTER DELETE ON "sessions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER "account_blocks_announce_insert" AFTER INSERT ON "account_blocks"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER "account_blocks_announce_update" AFTER UPDATE ON "account_blocks"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER "account_blocks_announce_delete" AFTER DELETE ON "account_blocks"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "kabinet_announce_changes"('user', 'user_id');
