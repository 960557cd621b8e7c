/**
 * The statements that generate students [a, b) of the classes data set: their families and
 * accounts, the groups that start in the range with their rules and lessons, enrolments, visits,
 * charging decisions, subscriptions and the ledger. Shapes and rules: bench/lib/classes-data-sql.ts.
 * Work happens in session temp tables (`bg` groups, `be` enrolments, `bv` visits, `bc` decisions,
 * `bs` subscriptions, `bl` ledger), so each chunk is a handful of set-based statements.
 */
import {
  AHEAD_WEEKS,
  BOYS,
  COURSES,
  FAMILY_OF,
  GIRLS,
  HISTORY_WEEKS,
  LESSON_BITS,
  MOTHERS,
  SIZE_OF,
  SUBSCRIPTION_TYPES,
  SURNAMES_F,
  SURNAMES_M,
  SURNAMES_PL,
  h,
  pick,
  sqlNames,
  uid,
  type ClassesSqlContext,
} from './classes-data-sql.js';

const ATTENDED = `('present', 'trial', 'free', 'makeup')`;
const typeCase = (column: 'price' | 'days' | 'name', l: string) =>
  `case ${SUBSCRIPTION_TYPES.map((t) => `when ${l} = ${t.lessons} then ${column === 'name' ? `'${t.name}'` : t[column]}`).join(' ')} end`;

/** Groups (current: `i / 12`, past: `i / 40`) whose first student is in [a, b), with their lessons. */
export function structureStatements(ctx: ClassesSqlContext, a: number, b: number): string[] {
  const { org, anchor, lessonDay, at } = sqlNames(ctx);
  return [
    `drop table if exists bg, be, bv, be2, bc, bs, bl`,
    `create temp table bg as
     select z.*, ${lessonDay('0')} as first_day, ${lessonDay('lessons - 1')} as last_day,
       ${at(`${lessonDay('0')} - 14`, '600')} as created
     from (
       select x.*, y.*
       from (
         select 2 * g as key, g as gidx, false as past, ${HISTORY_WEEKS} - (2 + ${h('g', 1, 28)}) as sw,
           ${HISTORY_WEEKS + AHEAD_WEEKS} as ew, g % 20 as course, ${h('g', 2, 4)} as pair,
           ${h('g', 3, 5)} as slot, g % 10 = 9 as fee, g / 8 as teacher, g / 50 as room
         from generate_series(${a / 12}, ${b / 12 - 1}) g
         union all
         select 2 * p + 1, p, true, s, s + 20 + ${h('p', 5, 20)}, (p + 7) % 20, ${h('p', 6, 4)},
           ${h('p', 7, 5)}, false, p * 5 / 12, p / 15
         from (select p, ${h('p', 4, 40)} as s from generate_series(${a / 40}, ${b / 40 - 1}) p) q
       ) x
       cross join lateral (
         select (array[1, 2, 3, 6])[x.pair + 1] as wd1, (array[3, 4, 5, 7])[x.pair + 1] as wd2,
           case when x.pair = 3 then 600 else 900 end + x.slot * 60 as start_min,
           case when x.fee then (8000 + ${h('x.gidx', 8, 8)} * 1000) * 100 end as fee_kopecks,
           2 * (x.ew - x.sw) as lessons
       ) y
     ) z`,
    `insert into branches (id, organization_id, name, address, created_at)
     select ${uid('branch', 'k')}, ${org}, 'Филиал ' || (k + 1), 'ул. Учебная, ' || (k + 1),
       ${anchor} - interval '3 years'
     from (select distinct room / 20 as k from bg) d
     on conflict (id) do nothing`,
    `insert into rooms (id, organization_id, branch_id, name, capacity, created_at)
     select ${uid('room', 'k')}, ${org}, ${uid('branch', 'k / 20')}, 'Кабинет ' || (k % 20 + 1), 15,
       ${anchor} - interval '3 years'
     from (select distinct room as k from bg) d
     on conflict (id) do nothing`,
    `insert into teachers (id, organization_id, full_name, created_at)
     select ${uid('teacher', 'k')}, ${org}, ${pick(MOTHERS, 'k')} || ' ' || ${pick(SURNAMES_F, 'k / 8')},
       ${anchor} - interval '3 years'
     from (select distinct teacher as k from bg) d
     on conflict (id) do nothing`,
    `insert into groups (id, organization_id, course_id, branch_id, room_id, teacher_id, name,
       payment_mode, lesson_price_kopecks, fee_kopecks, lesson_minutes, capacity, starts_on, ends_on,
       created_at)
     select ${uid('group', 'key')}, ${org}, ${uid('course', 'course')}, ${uid('branch', 'room / 20')},
       ${uid('room', 'room')}, ${uid('teacher', 'teacher')},
       ${pick(COURSES, 'course')} || case when past then ', поток ' else ', группа ' end || (gidx + 1),
       (case when fee then 'one_time_fee' else 'per_lesson' end)::group_payment_mode,
       case when not fee then 100000 end, fee_kopecks, 60, 12, first_day,
       case when past then last_day end, created
     from bg`,
    `insert into schedule_rules (id, organization_id, group_id, weekday, start_time,
       duration_minutes, valid_from, valid_to, room_id, teacher_id, created_at)
     select ${uid('rule', 'key * 2 + j')}, ${org}, ${uid('group', 'key')},
       case when j = 0 then wd1 else wd2 end,
       lpad((start_min / 60)::text, 2, '0') || ':' || lpad((start_min % 60)::text, 2, '0'), 60,
       ${lessonDay('j')}, case when past then ${lessonDay('lessons - 2 + j')} end,
       ${uid('room', 'room')}, ${uid('teacher', 'teacher')}, created
     from bg cross join generate_series(0, 1) j`,
    `insert into lessons (id, organization_id, group_id, rule_id, kind, starts_at, ends_at,
       original_starts_at, status, room_id, teacher_id, created_at)
     select ${uid('lesson', `key * ${LESSON_BITS} + n`)}, ${org}, ${uid('group', 'key')},
       ${uid('rule', 'key * 2 + n % 2')}, 'regular', t, t + interval '60 minutes', t, 'scheduled',
       ${uid('room', 'room')}, ${uid('teacher', 'teacher')}, greatest(t - interval '70 days', created)
     from bg cross join lateral generate_series(0, lessons - 1) n
       cross join lateral (select ${at(lessonDay('n'), 'start_min')} as t) l`,
  ];
}

/** Enrolments of students [a, b), their visits and the charging decisions behind them. */
export function attendanceStatements(
  ctx: ClassesSqlContext,
  a: number,
  b: number,
  numberOffset: number,
): string[] {
  const { anchor, today, lessonDay, at } = sqlNames(ctx);
  return [
    `create temp table be as
     select e.i, e.ekey, g.*, f.debtor, f.partly, t.l,
       ${typeCase('price', 't.l')} as price, ${typeCase('days', 't.l')} as validity,
       case when g.fee then case when ${h('e.ekey', 14, 10)} < 7 then g.fee_kopecks
         else g.fee_kopecks / 2 end else 0 end as fee_paid
     from (
       select i, 2 * i as ekey, 2 * (i / 12) as key from generate_series(${a}, ${b - 1}) i
       union all
       select i, 2 * i + 1, 2 * (i / 40) + 1 from generate_series(${a}, ${b - 1}) i where i % 10 < 3
     ) e
     join bg g using (key)
     cross join lateral (
       select not g.past and not g.fee and ${h('e.i', 10, 25)} = 0 as debtor,
         not g.past and not g.fee and ${h('e.i', 10, 25)} <> 0 and ${h('e.i', 12, 30)} = 0 as partly
     ) f
     cross join lateral (
       select case when g.fee then null when f.debtor or ${h('e.ekey', 9, 20)} = 0 then 8
         when ${h('e.ekey', 9, 20)} < 7 then 32 else 64 end as l
     ) t`,
    `create temp table bv as
     select x.*, (count(*) filter (where chargeable) over w) - 1 as c,
       count(*) filter (where chargeable) over (partition by ekey) as total
     from (
       select e.i, e.ekey, e.key, e.past, e.fee, e.l, e.price, n, e.ekey * ${LESSON_BITS} + n as vkey,
         t as starts_at, d.day, s.status,
         not e.fee and s.status in ('present', 'absent_unexcused') as chargeable
       from be e
       cross join lateral generate_series(0, e.lessons - 1) n
       cross join lateral (select ${lessonDay('n')} as day) d
       cross join lateral (select ${at('d.day', 'e.start_min')} as t) tt
       cross join lateral (
         select case when n = 0 and not e.past and e.i % 3 = 0 then 'trial'
           when r < 85 then 'present' when r < 89 then 'absent_unexcused'
           when r < 97 then 'absent_excused' when r < 98 then 'free' else 'present' end as status
         from (select ${h(`e.ekey * ${LESSON_BITS} + n`, 11, 100)} as r) rr
       ) s
       where t < ${anchor}
     ) x
     window w as (partition by ekey order by n)`,
    `create temp table be2 as
     select e.*, coalesce(v.total, 0) as total, v.first_attended,
       case when e.fee then 0 when e.past then (coalesce(v.total, 0) + e.l - 1) / e.l
         when e.debtor then greatest(coalesce(v.total, 0) - 1, 0) / e.l
         else coalesce(v.total, 0) / e.l + 1 end as nsubs,
       not e.fee and not e.past and not e.debtor and coalesce(v.total, 0) % e.l = 0 as fresh
     from be e
     left join (
       select ekey, max(total) as total,
         min(starts_at) filter (where status in ${ATTENDED}) as first_attended
       from bv group by ekey
     ) v using (ekey)`,
    `create temp table bc as
     select v.*, case when not v.chargeable then 'not_chargeable' when sub then 'subscription'
         else 'debt' end as outcome,
       case when sub then v.ekey * 64 + v.c / v.l end as skey,
       case when sub then v.c % v.l + 1 end as slot,
       case when sub then v.price * (v.c % v.l + 1) / v.l - v.price * (v.c % v.l) / v.l
         else 0 end as amount,
       case when v.status = 'trial' then 'trial' when v.status = 'free' then 'free'
         when v.fee then 'one_time_fee' when v.status = 'absent_excused' then 'excused'
         when sub then 'only_eligible' else 'no_eligible_subscription' end as reason
     from bv v join be2 e using (ekey)
     cross join lateral (select v.chargeable and v.c / v.l < e.nsubs as sub) s`,
    `create temp table bs as
     select z.*, ${numberOffset} + row_number() over (order by skey) as number,
       case when ended and used < l then price - price * used / l else 0 end as expiry,
       case when partial then price * 6 / 10 / 100 * 100 else price end as paid,
       case when fresh then ${anchor} - interval '2 hours' else ${at('begins_on - 1', '1080')} end
         as sold_at,
       case when ended then ${at('ends_on + 1', '10')} end as ended_at
     from (
       select y.*, y.ends_on < ${today} as ended
       from (
         select x.ekey * 64 + x.m as skey, x.ekey, x.m, x.used, x.begins_on, x.fresh,
           greatest(x.begins_on + e.validity - 1, x.last_on) as ends_on, e.i, e.key, e.l, e.price,
           e.partly and x.m = e.nsubs - 1 as partial
         from (
           select ekey, c / l as m, count(*)::int as used, min(day) as begins_on,
             max(day) as last_on, false as fresh
           from bc where outcome = 'subscription' group by ekey, c / l
           union all
           select ekey, nsubs - 1, 0, ${today}, ${today}, true from be2 where fresh
         ) x join be2 e using (ekey)
       ) y
     ) z`,
  ];
}

/** The ledger of students [a, b) and every row that refers to the temp tables. */
export function moneyStatements(
  ctx: ClassesSqlContext,
  a: number,
  b: number,
  passwordHash: string,
): string[] {
  const { org, anchor, at } = sqlNames(ctx);
  const f = `(i / 15) * 10 + (array[${FAMILY_OF.join(',')}])[i % 15 + 1]`;
  const size = `(array[${SIZE_OF.join(',')}])[(${f}) % 10 + 1]`;
  const adult = `(${size} = 1 and (${f}) % 4 = 0)`;
  const student = uid('student', 'i');
  return [
    `create temp table bl as
     select x.*, sum(amount) over (partition by i order by created_at, id) as balance_after
     from (
       select i, ${uid('paymentEntry', 'skey')} as id, 'payment_in' as kind, paid as amount,
         sold_at as created_at, skey, null::bigint as ekey, null::bigint as vkey,
         (array['cash', 'bank_transfer', 'card'])[${h('skey', 15, 3)} + 1] as method
       from bs where paid > 0
       union all
       select i, ${uid('visitEntry', 'vkey')}, 'visit_charge', -amount,
         starts_at + interval '65 minutes', skey, null, vkey, null
       from bc where outcome = 'subscription'
       union all
       select i, ${uid('expiryEntry', 'skey')}, 'expiry_charge', -expiry, ended_at, skey, null, null, null
       from bs where expiry > 0
       union all
       select i, ${uid('feeEntry', 'ekey * 2')}, 'fee_charge', -fee_kopecks,
         ${at('first_day - 1', '1080')}, null, ekey, null, null
       from be2 where fee
       union all
       select i, ${uid('feeEntry', 'ekey * 2 + 1')}, 'payment_in', fee_paid,
         ${at('first_day - 1', '1081')}, null, ekey, null, 'card'
       from be2 where fee and fee_paid > 0
       union all
       select i, ${uid('depositEntry', 'i')}, 'deposit', 300000 + ${h('i', 13, 6)} * 100000,
         ${anchor} - (1 + i % 5) * interval '1 day', null, null, null, 'card'
       from generate_series(${a}, ${b - 1}) i where i % 50 = 7
     ) x`,
    `insert into visits (id, organization_id, lesson_id, student_id, group_id, lesson_starts_at,
       status, marked_at, created_at)
     select ${uid('visit', 'vkey')}, ${org}, ${uid('lesson', `key * ${LESSON_BITS} + n`)}, ${student},
       ${uid('group', 'key')}, starts_at, status::attendance_status,
       starts_at + interval '65 minutes', starts_at + interval '65 minutes'
     from bc`,
    `insert into charges (id, organization_id, visit_id, student_id, group_id, lesson_starts_at,
       outcome, subscription_id, lesson_number, amount_kopecks, reason, reason_params,
       ledger_entry_id, created_at)
     select ${uid('charge', 'c.vkey')}, ${org}, ${uid('visit', 'c.vkey')}, ${uid('student', 'c.i')},
       ${uid('group', 'c.key')}, c.starts_at, c.outcome::charge_outcome,
       case when s.skey is not null then ${uid('subscription', 's.skey')} end, c.slot, c.amount,
       c.reason,
       -- The parameters charging-rules.ts stores with each decision (the cabinet explains them).
       case c.outcome
         when 'subscription' then jsonb_build_object('status', c.status, 'lessonDate', c.day,
           'subscriptionNumber', s.number, 'subscriptionName', ${typeCase('name', 's.l')},
           'lessonsTotal', s.l, 'endsOn', s.ends_on, 'lessonNumber', c.slot,
           'alternatives', '[]'::jsonb)
         when 'debt' then jsonb_build_object('status', c.status, 'lessonDate', c.day,
           'lessonPriceKopecks', 100000, 'enrollmentId', ${uid('enrollment', 'c.ekey')})
         else jsonb_build_object('status', c.status, 'lessonDate', c.day) end,
       case when s.skey is not null then ${uid('visitEntry', 'c.vkey')} end,
       c.starts_at + interval '65 minutes'
     from bc c left join bs s on s.skey = c.skey`,
    `insert into ledger_entries (id, organization_id, student_id, kind, amount_kopecks,
       balance_after_kopecks, subscription_id, enrollment_id, visit_id, payment_method, created_at)
     select id, ${org}, ${student}, kind::ledger_entry_kind, amount, balance_after,
       case when skey is not null then ${uid('subscription', 'skey')} end,
       case when ekey is not null then ${uid('enrollment', 'ekey')} end,
       case when vkey is not null then ${uid('visit', 'vkey')} end, method::payment_method, created_at
     from bl`,
    `insert into payment_allocations (id, organization_id, student_id, subscription_id,
       enrollment_id, amount_kopecks, ledger_entry_id, created_at)
     select case when skey is not null then ${uid('allocation', 'skey')}
         else ${uid('feeAllocation', 'ekey')} end, ${org}, ${student},
       case when skey is not null then ${uid('subscription', 'skey')} end,
       case when ekey is not null then ${uid('enrollment', 'ekey')} end, amount, id, created_at
     from bl where kind = 'payment_in'`,
    `insert into subscriptions (id, organization_id, number, student_id, type_id, name,
       lessons_total, lessons_used, price_kopecks, original_price_kopecks, paid_kopecks,
       charged_kopecks, sold_at, begins_on, ends_on, group_ids, unused_lessons, ended_at,
       end_reason, end_notice_sent_at, created_at)
     select ${uid('subscription', 'skey')}, ${org}, number, ${student},
       ${uid('subscriptionType', 'l')}, ${typeCase('name', 'l')}, l, used, price, price, paid,
       price * used / l + expiry, sold_at, begins_on, ends_on, array[${uid('group', 'key')}], 'burn',
       ended_at, case when ended then 'expired' end, ended_at, sold_at
     from bs`,
    `insert into enrollments (id, organization_id, student_id, group_id, starts_on, ends_on,
       fee_kopecks, fee_paid_kopecks, debt_lessons, created_at)
     select ${uid('enrollment', 'ekey')}, ${org}, ${student}, ${uid('group', 'key')}, first_day,
       case when past then last_day end, fee_kopecks, fee_paid, coalesce(d.n, 0),
       ${at('first_day - 7', '600')}
     from be2 left join (
       select ekey, count(*)::int as n from bc where outcome = 'debt' group by ekey
     ) d using (ekey)`,
    `insert into families (id, organization_id, name, created_at)
     select ${uid('family', 'f')}, ${org}, ${pick(SURNAMES_PL, 'f')}, ${anchor} - interval '2 years'
     from generate_series(${(a / 15) * 10}, ${(b / 15) * 10 - 1}) f
     where (array[${SIZE_OF.join(',')}])[f % 10 + 1] >= 2`,
    `insert into users (id, organization_id, email, display_name, password_hash,
       access_opened_at, created_at, updated_at)
     select ${uid('user', 'f')}, ${org}, 'parent' || f || '@bench.kabinet.test',
       ${pick(MOTHERS, 'f')} || ' ' || ${pick(SURNAMES_F, 'f')}, '${passwordHash}',
       ${anchor} - interval '2 years', ${anchor} - interval '2 years', ${anchor}
     from generate_series(${(a / 15) * 10}, ${(b / 15) * 10 - 1}) f`,
    `insert into students (id, organization_id, family_id, full_name, birth_date,
       balance_kopecks, debt_lessons, first_visit_at, created_at, updated_at)
     select ${student}, ${org}, case when ${size} >= 2 then ${uid('family', f)} end,
       case when ${adult} then ${pick(MOTHERS, f)}
         when ${h('i', 16, 2)} = 0 then ${pick(BOYS, 'i / 3')} else ${pick(GIRLS, 'i / 3')} end
       || ' ' || case when ${h('i', 16, 2)} = 0 and not ${adult} then ${pick(SURNAMES_M, f)}
         else ${pick(SURNAMES_F, f)} end,
       '${ctx.anchorDay}'::date - case when ${adult} then 9000 else 1900 end - ${h('i', 18, 3650)},
       coalesce(m.balance, 0), coalesce(d.n, 0), fv.first_visit, ${anchor} - interval '2 years',
       ${anchor}
     from generate_series(${a}, ${b - 1}) i
     left join (select i, sum(amount)::int as balance from bl group by i) m using (i)
     left join (select i, count(*)::int as n from bc where outcome = 'debt' group by i) d using (i)
     left join (select i, min(first_attended) as first_visit from be2 group by i) fv using (i)`,
    `insert into student_accounts (student_id, user_id, organization_id, relation, created_at)
     select ${student}, ${uid('user', f)}, ${org},
       (case when ${adult} then 'self' else 'parent' end)::student_account_relation,
       ${anchor} - interval '2 years'
     from generate_series(${a}, ${b - 1}) i`,
  ];
}
