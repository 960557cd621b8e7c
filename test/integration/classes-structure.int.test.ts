import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CatalogResponse,
  Enrollment,
  Family,
  Group,
  Student,
  StudentCard,
  StudentListResponse,
} from '../../src/shared/contracts/classes.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { classesDesk, type StaffApi } from './classes-support.js';

type ErrorBody = { error: { code: string; message: string } };

describe('classes structure: students, families, courses, groups, enrolments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function course(api: StaffApi, name = 'Английский') {
    const response = await api.post<{ id: string }>('/api/staff/classes/courses', { name });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  it('creates students and finds them by part of the name, despite a typo', async () => {
    const { api } = await classesDesk(t.app, t.ctx);
    const created = await api.post<Student>('/api/staff/classes/students', {
      fullName: 'Маша Петрова',
      email: 'Masha@Example.com',
      birthDate: '2016-05-01',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ fullName: 'Маша Петрова', email: 'masha@example.com' });
    await api.post('/api/staff/classes/students', { fullName: 'Иван Сидоров' });

    const byPart = await api.get<StudentListResponse>('/api/staff/classes/students?q=петр');
    expect(byPart.body.students.map((s) => s.fullName)).toEqual(['Маша Петрова']);
    const typo = await api.get<StudentListResponse>('/api/staff/classes/students?q=Петрова%20Маща');
    expect(typo.body.students.map((s) => s.fullName)).toContain('Маша Петрова');
    const all = await api.get<StudentListResponse>('/api/staff/classes/students');
    expect(all.body.students).toHaveLength(2);
  });

  it('keeps organizations apart and answers 404 for a stranger student', async () => {
    const a = await classesDesk(t.app, t.ctx);
    const b = await classesDesk(t.app, t.ctx);
    const student = await a.api.post<Student>('/api/staff/classes/students', { fullName: 'Один' });
    const foreign = await b.api.get<ErrorBody>(`/api/staff/classes/students/${student.body.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    const list = await b.api.get<StudentListResponse>('/api/staff/classes/students');
    expect(list.body.students).toEqual([]);
  });

  it('lets a teacher read groups but not write students', async () => {
    const { api } = await classesDesk(t.app, t.ctx, { role: 'teacher' });
    expect((await api.get('/api/staff/classes/groups')).status).toBe(200);
    const write = await api.post<ErrorBody>('/api/staff/classes/students', { fullName: 'Нельзя' });
    expect(write.status).toBe(403);
  });

  it('groups siblings in a family and takes one out again', async () => {
    const { api } = await classesDesk(t.app, t.ctx);
    const anna = await api.post<Student>('/api/staff/classes/students', { fullName: 'Анна' });
    const boris = await api.post<Student>('/api/staff/classes/students', { fullName: 'Борис' });
    const family = await api.post<Family>('/api/staff/classes/families', {
      name: 'Ивановы',
      studentIds: [anna.body.id],
    });
    expect(family.status).toBe(201);
    const added = await api.post<Family>(`/api/staff/classes/families/${family.body.id}/members`, {
      studentId: boris.body.id,
    });
    expect(added.body.members.map((m) => m.fullName)).toEqual(['Анна', 'Борис']);
    const card = await api.get<StudentCard>(`/api/staff/classes/students/${boris.body.id}`);
    expect(card.body.family?.name).toBe('Ивановы');
    const removed = await api.delete<Family>(
      `/api/staff/classes/families/${family.body.id}/members/${anna.body.id}`,
    );
    expect(removed.body.members.map((m) => m.fullName)).toEqual(['Борис']);
  });

  it('creates a per-lesson group and enrols a student; refuses an overlapping enrolment', async () => {
    const { api } = await classesDesk(t.app, t.ctx);
    const courseId = await course(api);
    const group = await api.post<Group>('/api/staff/classes/groups', {
      courseId,
      name: 'Английский, пн/ср',
      lessonPriceKopecks: 80_000,
    });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ paymentMode: 'per_lesson', skipHolidays: true });
    const student = await api.post<Student>('/api/staff/classes/students', { fullName: 'Петя' });
    const enrol = (startsOn: string) =>
      api.post<Enrollment & ErrorBody>('/api/staff/classes/enrollments', {
        studentId: student.body.id,
        groupId: group.body.id,
        startsOn,
      });
    const first = await enrol('2026-09-01');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ groupName: 'Английский, пн/ср', endsOn: null });
    const again = await enrol('2026-10-01');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_enrolled');
    const ended = await api.patch<Enrollment>(`/api/staff/classes/enrollments/${first.body.id}`, {
      endsOn: '2026-09-30',
    });
    expect(ended.body.endsOn).toBe('2026-09-30');
    expect((await enrol('2026-10-01')).status).toBe(201);
  });

  it('refuses a one-time-fee group without its fee', async () => {
    const { api } = await classesDesk(t.app, t.ctx);
    const courseId = await course(api);
    const response = await api.post<ErrorBody>('/api/staff/classes/groups', {
      courseId,
      name: 'Интенсив',
      paymentMode: 'one_time_fee',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
  });

  it('charges the fee of a one-time-fee group once, even when the enrolment is retried', async () => {
    const { api } = await classesDesk(t.app, t.ctx);
    const courseId = await course(api);
    const group = await api.post<Group>('/api/staff/classes/groups', {
      courseId,
      name: 'Интенсив',
      paymentMode: 'one_time_fee',
      feeKopecks: 1_000_000,
    });
    const student = await api.post<Student>('/api/staff/classes/students', { fullName: 'Оля' });
    const body = {
      id: randomUUID(),
      studentId: student.body.id,
      groupId: group.body.id,
      startsOn: '2026-09-01',
      feeKopecks: 900_000,
    };
    const first = await api.post<Enrollment>('/api/staff/classes/enrollments', body);
    const retry = await api.post<Enrollment>('/api/staff/classes/enrollments', body);
    expect(first.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({
      paymentMode: 'one_time_fee',
      feeKopecks: 900_000,
      feePaidKopecks: 0,
    });
    const card = await api.get<StudentCard>(`/api/staff/classes/students/${student.body.id}`);
    expect(card.body.student.balanceKopecks).toBe(-900_000);
    expect(card.body.enrollments).toHaveLength(1);
  });

  it('links a teacher only to a staff account with the teacher role, once', async () => {
    const { organization, api } = await classesDesk(t.app, t.ctx);
    const teacherAccount = await createUser(t.ctx, organization, { role: 'teacher' });
    const manager = await createUser(t.ctx, organization, { role: 'manager' });
    const wrong = await api.post<ErrorBody>('/api/staff/classes/teachers', {
      fullName: 'Ирина Павловна',
      userId: manager.id,
    });
    expect(wrong.body.error.code).toBe('teacher_account_invalid');
    const teacher = await api.post<{ id: string; userId: string }>('/api/staff/classes/teachers', {
      fullName: 'Ирина Павловна',
      userId: teacherAccount.id,
    });
    expect(teacher.status).toBe(201);
    const twice = await api.post<ErrorBody>('/api/staff/classes/teachers', {
      fullName: 'Другая',
      userId: teacherAccount.id,
    });
    expect(twice.body.error.code).toBe('teacher_account_taken');
    const catalog = await api.get<CatalogResponse>('/api/staff/classes/catalog');
    expect(catalog.body.teachers).toEqual([
      expect.objectContaining({ fullName: 'Ирина Павловна', userId: teacherAccount.id }),
    ]);
  });

  it('refuses a room of another branch for a group and archives a course', async () => {
    const { api } = await classesDesk(t.app, t.ctx);
    const north = await api.post<{ id: string }>('/api/staff/classes/branches', { name: 'Север' });
    const south = await api.post<{ id: string }>('/api/staff/classes/branches', { name: 'Юг' });
    const room = await api.post<{ id: string }>('/api/staff/classes/rooms', {
      branchId: south.body.id,
      name: 'Кабинет 5',
      capacity: 12,
    });
    const courseId = await course(api);
    const mismatch = await api.post<ErrorBody>('/api/staff/classes/groups', {
      courseId,
      name: 'Группа',
      branchId: north.body.id,
      roomId: room.body.id,
    });
    expect(mismatch.body.error.code).toBe('room_branch_mismatch');
    const archived = await api.patch<{ archived: boolean }>(
      `/api/staff/classes/courses/${courseId}`,
      {
        name: 'Английский',
        archived: true,
      },
    );
    expect(archived.body.archived).toBe(true);
    const onArchived = await api.post<ErrorBody>('/api/staff/classes/groups', {
      courseId,
      name: 'Группа',
    });
    expect(onArchived.body.error.code).toBe('reference_invalid');
  });

  it('documents its routes in OpenAPI under the classes tag', async () => {
    const response = await t.app.inject('/api/openapi.json');
    const doc = response.json<{
      paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
    }>();
    for (const path of [
      '/api/staff/classes/students',
      '/api/staff/classes/students/{id}/merge',
      '/api/staff/classes/families/{id}/members',
      '/api/staff/classes/groups/{id}/rules',
      '/api/staff/classes/lessons/{id}/move',
      '/api/staff/classes/settings',
    ]) {
      const operations = Object.values(doc.paths[path] ?? {});
      expect(operations.length, path).toBeGreaterThan(0);
      for (const operation of operations) {
        expect(operation.tags).toEqual(['classes']);
        expect(operation.summary).toBeTruthy();
      }
    }
  });
});
