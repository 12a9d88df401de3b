import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/permissions.js';
import { isoDate, page, paging, problemSchema, writeProblems } from '../http/schemas.js';
import { refuseInvalid } from '../http/validationProblem.js';
import {
  createUnit,
  deleteLineage,
  lineageKinds,
  listLineage,
  recordLineage,
  updateUnit,
} from '../services/unitAdmin.js';
import { lineageLink, unitSchema } from './units.js';

const unitWithLineage = unitSchema.extend({
  predecessors: z.array(lineageLink),
  successors: z.array(lineageLink),
});

const lineageRowSchema = z.object({
  id: z.number(),
  event: z.string(),
  date: z.string(),
  predecessor: z.string(),
  successor: z.string(),
  note: z.string().nullable(),
});

/** Unit and lineage requests are small: anything larger is refused before it is parsed. */
const smallBody = 64 * 1024;

/** Codes appear in paths and files: letters, digits, `.`, `_` and `-`, e.g. `VN-37-C001`. */
const unitCode = z
  .string()
  .max(100)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, {
    error: 'a unit code: letters, digits, ".", "_" or "-", starting with a letter or digit',
  });
/** A code of an existing unit (checked to exist). */
const existing = z.string().max(100);
const name = z.string().max(500);
const attributes = z.record(z.string().max(100), z.string().max(1000), {
  error: 'an object of text attributes, e.g. {"region": "Red River Delta"}',
});
const fixed = (what: string) =>
  z
    .never({ error: `${what}; create a new unit and record the change with POST /api/lineage` })
    .optional();

export const unitAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  // Writing units and lineage: admins only, as for framework definitions (analysts run and
  // preview, but the reference data every assessment reads is the administrators'). Each write is
  // one transaction with its audit rows and raises the data and content revisions, so cached
  // reads of units, shapes, results and profiles change at once.
  const writers = ['admin'] as const;
  const what = 'changing units and lineage';

  app.post(
    '/units',
    {
      attachValidation: true,
      bodyLimit: smallBody,
      schema: {
        tags: ['units'],
        summary: 'Create a unit (admins)',
        description:
          "`parent` must exist and its lifetime overlap the new unit's (`valid_from` to `valid_to`, open when `valid_to` is left out); `valid_to` is not before `valid_from`; `names.en` is required, `vi` and `ar` optional. A code already used is a 409. Answers the unit as `GET /api/units/:code` gives it.",
        body: z.object({
          code: unitCode,
          level: z.string().max(50),
          parent: existing.nullable().optional(),
          names: z.object({
            en: name,
            vi: name.nullable().optional(),
            ar: name.nullable().optional(),
          }),
          valid_from: isoDate,
          valid_to: isoDate.nullable().optional(),
          attributes: attributes.optional(),
        }),
        response: { 201: unitWithLineage, ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request.actor, writers, what);
      refuseInvalid(request);
      return reply.code(201).send(await createUnit(app.database, request.body, actor));
    },
  );

  app.patch(
    '/units/:code',
    {
      attachValidation: true,
      bodyLimit: smallBody,
      schema: {
        tags: ['units'],
        summary: "Change a unit's names, attributes, parent or last day (admins)",
        description:
          'Fields left out are kept; each name given replaces the stored one (`null` clears `vi` or `ar`); `attributes` replaces them all; `parent: null` leaves the unit without one; `valid_to` closes the unit on that day (`null` reopens it). Refused (422, naming the field) when `valid_to` comes before `valid_from`, when data values of the unit are for periods beginning after it (the message counts them per period), when units below begin after it, when the lineage ends the unit on another day, or when the parent does not exist, lies below the unit or does not overlap its lifetime. The code, level and first day never change. Answers the unit as `GET /api/units/:code` gives it.',
        params: z.object({ code: z.string().max(100) }),
        body: z.object({
          names: z
            .object({
              en: name.optional(),
              vi: name.nullable().optional(),
              ar: name.nullable().optional(),
            })
            .optional(),
          attributes: attributes.optional(),
          parent: existing.nullable().optional(),
          valid_to: isoDate.nullable().optional(),
          code: fixed('the code of a unit never changes'),
          level: fixed('the level of a unit never changes'),
          valid_from: fixed('the first day of a unit never changes'),
        }),
        response: { 200: unitWithLineage, ...writeProblems },
      },
    },
    async (request) => {
      const actor = requireRole(request.actor, writers, what);
      refuseInvalid(request);
      return updateUnit(app.database, request.params.code, request.body, actor);
    },
  );

  app.get(
    '/lineage',
    {
      config: { responseCache: true },
      schema: {
        tags: ['units'],
        summary: 'Lineage rows (one predecessor to one successor), of a unit, a kind or a date',
        querystring: z.object({
          unit: z.string().optional(),
          event: z.enum(lineageKinds).optional(),
          date: isoDate.optional(),
          ...paging,
        }),
        response: { 200: page(lineageRowSchema), 400: problemSchema },
      },
    },
    async (request) => {
      const result = await listLineage(app.database, request.query);
      return { ...result, limit: request.query.limit, offset: request.query.offset };
    },
  );

  app.post(
    '/lineage',
    {
      attachValidation: true,
      bodyLimit: smallBody,
      schema: {
        tags: ['units'],
        summary: 'Record a boundary change: a merge, split or rename on a date (admins)',
        description:
          'Writes a row for every predecessor x successor. A `merge` has two or more predecessors and one successor, a `split` one predecessor and two or more successors, a `rename` one of each. Every unit must exist; successors begin on `date` (create them first with `POST /api/units`); predecessors began before it and end the day before: one still open is closed on that day in the same transaction (refused if it has data values of later periods), one ending on another day is refused (422). A predecessor already ended, or a successor already created, by a recorded event is a 409. Answers the rows written and the predecessors it closed.',
        body: z.object({
          event: z.enum(lineageKinds),
          date: isoDate,
          predecessors: z.array(existing).max(1000),
          successors: z.array(existing).max(1000),
          note: z.string().max(2000).nullable().optional(),
        }),
        response: {
          201: z.object({ items: z.array(lineageRowSchema), closed: z.array(z.string()) }),
          ...writeProblems,
        },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request.actor, writers, what);
      refuseInvalid(request);
      return reply.code(201).send(await recordLineage(app.database, request.body, actor));
    },
  );

  app.delete(
    '/lineage/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Delete a wrongly recorded event, given the id of one of its rows (admins)',
        description:
          "Removes every row of the event (a merge's rows share the kind, date and successor; a split's the kind, date and predecessor; a rename is one row); the audit trail keeps them. Units keep their validity: reopen a predecessor the event closed with `PATCH /api/units/:code` and `valid_to: null`. Answers the rows removed.",
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.object({ items: z.array(lineageRowSchema) }), ...writeProblems },
      },
    },
    async (request) => {
      const actor = requireRole(request.actor, writers, what);
      return deleteLineage(app.database, request.params.id, actor);
    },
  );
};
