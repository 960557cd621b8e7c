import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  ZBranch,
  ZBranchInput,
  ZCatalogResponse,
  ZCourse,
  ZCourseInput,
  ZRoom,
  ZRoomInput,
  ZTeacher,
  ZTeacherInput,
} from '../../../shared/contracts/classes.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { getCatalog, saveBranch, saveCourse, saveRoom, saveTeacher } from './catalog.service.js';
import {
  CLASSES_TAGS as tags,
  classesErrors as errors,
  SCHEDULE_READER_ROLES,
  WRITER_ROLES,
} from './classes-http.js';

/** One catalog collection: created with POST, edited (and archived) with PATCH. */
interface Collection<Input extends z.ZodType, Output extends z.ZodType> {
  path: string;
  name: string;
  input: Input;
  output: Output;
  save: (
    ctx: AppContext,
    organizationId: string,
    id: string | null,
    input: z.input<Input>,
  ) => Promise<z.infer<Output>>;
}

/** Branches, rooms, teachers and courses. */
export function catalogRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writers = guards.requireStaff(...WRITER_ROLES);
  const readers = guards.requireStaff(...SCHEDULE_READER_ROLES);

  r.get(
    '/api/staff/classes/catalog',
    {
      schema: {
        tags,
        summary: 'Branches, rooms, teachers and courses (archived ones flagged)',
        response: { 200: ZCatalogResponse, ...errors },
      },
      preHandler: readers,
    },
    (request) => getCatalog(ctx.db, request.organization.id),
  );

  const collections = [
    { path: 'branches', name: 'branch', input: ZBranchInput, output: ZBranch, save: saveBranch },
    { path: 'rooms', name: 'room', input: ZRoomInput, output: ZRoom, save: saveRoom },
    {
      path: 'teachers',
      name: 'teacher',
      input: ZTeacherInput,
      output: ZTeacher,
      save: saveTeacher,
    },
    { path: 'courses', name: 'course', input: ZCourseInput, output: ZCourse, save: saveCourse },
  ] as Collection<z.ZodType, z.ZodType>[];

  for (const collection of collections) {
    const base = `/api/staff/classes/${collection.path}`;
    r.post(
      base,
      {
        schema: {
          tags,
          summary: `Add a ${collection.name}`,
          body: collection.input,
          response: { 201: collection.output, ...errors },
        },
        preHandler: writers,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await collection.save(ctx, request.organization.id, null, request.body)),
    );
    r.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `Edit or archive a ${collection.name}`,
          params: ZIdParams,
          body: collection.input,
          response: { 200: collection.output, ...errors },
        },
        preHandler: writers,
      },
      (request) => collection.save(ctx, request.organization.id, request.params.id, request.body),
    );
  }
}
