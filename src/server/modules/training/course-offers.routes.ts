import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZCourseOffer,
  ZCourseOfferInput,
  ZCourseOfferList,
  ZCourseOfferListQuery,
  ZPublicCourseOffer,
} from '../../../shared/contracts/payments-staff.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import {
  createCourseOffer,
  deleteCourseOffer,
  getCourseOffer,
  getPublicCourseOffer,
  listCourseOffers,
  updateCourseOffer,
} from './course-offers.service.js';

const tags = ['training'];
const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

/** Course offers: staff manage them; anyone reads one on sale before paying for it. */
export function courseOffersRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Offers are priced products, like subscription types: staff who handle money manage them.
  const staff = guards.requireStaff('owner', 'admin', 'manager');
  const base = '/api/staff/course-offers';
  const actorOf = (user: { id: string } | null) => {
    if (!user) throw new AppError('unauthenticated');
    return user.id;
  };

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Course offers, newest first',
        querystring: ZCourseOfferListQuery,
        response: { 200: ZCourseOfferList, ...errors },
      },
      preHandler: staff,
    },
    async (request) => ({
      items: await listCourseOffers(ctx.db, request.organization.id, request.query.active),
    }),
  );
  r.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One course offer',
        params: ZIdParams,
        response: { 200: ZCourseOffer, ...errors },
      },
      preHandler: staff,
    },
    (request) => getCourseOffer(ctx.db, request.organization.id, request.params.id),
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a course offer',
        body: ZCourseOfferInput,
        response: { 201: ZCourseOffer, ...errors },
      },
      preHandler: staff,
    },
    async (request, reply) => {
      const offer = await ctx.db.transaction((tx) =>
        createCourseOffer(tx, request.organization.id, actorOf(request.user), request.body),
      );
      return reply.status(201).send(offer);
    },
  );
  r.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a course offer, or take it off sale (`active: false`)',
        description: 'Payments already made keep their amount and description.',
        params: ZIdParams,
        body: ZCourseOfferInput,
        response: { 200: ZCourseOffer, ...errors },
      },
      preHandler: staff,
    },
    (request) =>
      ctx.db.transaction((tx) =>
        updateCourseOffer(
          tx,
          request.organization.id,
          request.params.id,
          actorOf(request.user),
          request.body,
        ),
      ),
  );
  r.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a course offer nobody paid for',
        description:
          'An offer with payments answers `course_offer_has_payments`: take it off sale.',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
      preHandler: staff,
    },
    async (request, reply) => {
      await ctx.db.transaction((tx) =>
        deleteCourseOffer(tx, request.organization.id, request.params.id, actorOf(request.user)),
      );
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/course-offers/:id',
    {
      schema: {
        tags,
        summary: 'A course offer on sale, for its payment page (no sign-in needed)',
        params: ZIdParams,
        response: { 200: ZPublicCourseOffer, 404: ZErrorResponse },
      },
    },
    (request) => getPublicCourseOffer(ctx.db, request.organization.id, request.params.id),
  );
}
