import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/permissions.js';
import { Forbidden, ValidationFailed } from '../http/problems.js';
import { problemSchema } from '../http/schemas.js';
import {
  listNotifications,
  markRead,
  preferencesOf,
  setPreferences,
} from '../services/notifications/store.js';
import { languages } from '../services/users.js';

const names = z.object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() });

const notificationSchema = z.object({
  id: z.number(),
  kind: z.enum(['reminder', 'submitted']),
  dataset: z.string(),
  dataset_name: z.string(),
  period: z.string(),
  unit: z.string().nullable(),
  stage: z.enum(['before', 'due']).optional(),
  due_on: z.string().optional(),
  units: z.array(names),
  units_total: z.number(),
  submitted_by: z.string().optional(),
  submitted_at: z.string().optional(),
  link: z.string(),
  created_at: z.string(),
  read_at: z.string().nullable(),
  email: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']),
});

const preferencesSchema = z.object({
  email_notifications: z.boolean(),
  email: z.string(),
  language: z.string(),
});

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** The signed-in user's account: an account of its own, not the command line or the system. */
function userOf(actor: Parameters<typeof requireActor>[0]): number {
  const a = requireActor(actor);
  if (a.userId === null) throw new Forbidden('notifications belong to a signed-in account');
  return a.userId;
}

/** The bell: the signed-in user's reminders and notices, and whether they also come by e-mail. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The signed-in user's notifications, newest first, with the unread count",
        description:
          'Reminders to report (`kind: reminder`, before the due date or on and after it: `stage`) and notices that a submission waits for approval (`kind: submitted`). `link` is the web page where to act. `unread` counts all unread, whatever the page.',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
          unread: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
        response: {
          200: z.object({
            items: z.array(notificationSchema),
            unread: z.number(),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const page = await listNotifications(app.database, userOf(request.actor), request.query);
      return { ...page, limit: request.query.limit, offset: request.query.offset };
    },
  );

  app.post(
    '/notifications/read',
    {
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read: those of `ids`, or `all`',
        body: z.object({
          ids: z.array(z.number().int().positive()).max(1000).optional(),
          all: z.boolean().optional(),
        }),
        response: { 200: z.object({ marked: z.number(), unread: z.number() }), ...problems },
      },
    },
    async (request) => {
      const userId = userOf(request.actor);
      const { ids, all } = request.body;
      if (all !== true && (ids === undefined || ids.length === 0))
        throw new ValidationFailed('say which notifications to mark read', [
          { field: 'body.ids', message: 'give ids, or all: true' },
        ]);
      const marked = await markRead(app.database, userId, all === true ? 'all' : (ids ?? []));
      const { unread } = await listNotifications(app.database, userId, { limit: 1, offset: 0 });
      return { marked, unread };
    },
  );

  app.get(
    '/me/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: "The signed-in user's choices: e-mail notifications on or off, language",
        response: { 200: preferencesSchema, ...problems },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return preferencesOf(app.database, userOf(request.actor));
    },
  );

  app.put(
    '/me/preferences',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['notifications'],
        summary: "Set the signed-in user's choices",
        description:
          '`email_notifications: false` keeps reminders and notices in the app only; `language` (en, vi or ar) is that of e-mails. Fields left out are kept.',
        body: z.object({
          email_notifications: z.boolean().optional(),
          language: z.enum(languages).optional(),
        }),
        response: { 200: preferencesSchema, ...problems },
      },
    },
    async (request) => setPreferences(app.database, userOf(request.actor), request.body),
  );
};
