import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireRole } from '../auth/permissions.js';
import { NotFound, ValidationFailed } from '../http/problems.js';
import { problemSchema } from '../http/schemas.js';
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../plugins/auth.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/apiTokens.js';
import { login, logout } from '../services/sessions.js';
import { createUser, findUser, languages, listUsers, updateUser } from '../services/users.js';

export const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  language: z.string(),
  role: z.string(),
  unit: z.string().nullable(),
  active: z.boolean(),
  created_at: z.string(),
});

const tokenSchema = z.object({
  id: z.number(),
  user_id: z.number(),
  name: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

/** Account requests are small: anything larger is refused before it is parsed. */
const smallBody = 16 * 1024;

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      // Per client address, on top of the per-account lockout.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      bodyLimit: smallBody,
      schema: {
        tags: ['accounts'],
        summary: 'Sign in: sets the session cookie and returns the session token and CSRF token',
        description:
          'The token also works as `Authorization: Bearer`. Browser writes authenticated by the cookie must send the CSRF token in `x-csrf-token`. Five failed attempts in a row lock the account for 15 minutes (429).',
        body: z.object({ email: z.string().max(320), password: z.string().max(1000) }),
        response: {
          200: z.object({
            token: z.string(),
            csrf_token: z.string(),
            expires_at: z.string(),
            user: userSchema,
          }),
          401: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await login(app.database, request.body.email, request.body.password, {
        address: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(request, reply, session.token);
      return {
        token: session.token,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
        user: session.user,
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign out: ends the session',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const bearer = request.headers.authorization?.match(/^Bearer\s+(dxs_\S+)$/i)?.[1];
      const secret = bearer ?? request.cookies[sessionCookie];
      if (secret) await logout(app.database, secret);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user',
        response: { 200: userSchema.extend({ via: z.string() }), 401: problemSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const user = actor.email ? await findUser(app.database, actor.email) : undefined;
      if (!user) throw new Error('the actor of a request has no account');
      return { ...user, via: actor.via };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Who is signed in: the user, or null for anyone else',
        description:
          'Asked by the web app on every page: answers 200 for anonymous visitors too, where `GET /api/me` answers 401. An unknown `Authorization: Bearer` token is still a 401.',
        response: { 200: z.object({ user: userSchema.extend({ via: z.string() }).nullable() }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const email = request.actor?.email;
      const user = email ? await findUser(app.database, email) : undefined;
      return { user: user && request.actor ? { ...user, via: request.actor.via } : null };
    },
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: "The signed-in user's API tokens (never their secrets)",
        response: { 200: z.object({ items: z.array(tokenSchema) }), 401: problemSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return { items: await listApiTokens(app.database, actor.userId as number) };
    },
  );

  app.post(
    '/tokens',
    {
      bodyLimit: smallBody,
      schema: {
        tags: ['accounts'],
        summary: 'Create an API token; its secret is shown once',
        description:
          "A token for the signed-in user's own account; admins may name another account with `email`.",
        body: z.object({
          name: z.string().min(1).max(100),
          email: z.string().max(320).optional(),
        }),
        response: { 201: tokenSchema.extend({ token: z.string() }), ...problems },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { name, email } = request.body;
      let userId = actor.userId;
      if (email !== undefined) {
        requireRole(actor, ['admin'], "creating another account's token");
        const user = await findUser(app.database, email);
        if (!user) throw new NotFound(`there is no account ${email}`);
        userId = user.id;
      }
      if (userId === null) {
        throw new ValidationFailed('an actor without an account names one: give `email`', [
          { field: 'body.email', message: 'required when acting without an account' },
        ]);
      }
      const token = await createApiToken(app.database, userId, name, actor);
      return reply.status(201).send(token);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Revoke an API token (its owner, or an admin)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: tokenSchema, ...problems },
      },
    },
    async (request) => revokeApiToken(app.database, request.params.id, requireActor(request.actor)),
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Every account (admins)',
        response: { 200: z.object({ items: z.array(userSchema) }), ...problems },
      },
    },
    async (request) => {
      requireRole(request.actor, ['admin'], 'listing accounts');
      return { items: await listUsers(app.database) };
    },
  );

  app.post(
    '/users',
    {
      bodyLimit: smallBody,
      schema: {
        tags: ['accounts'],
        summary: 'Create an account (admins)',
        body: z.object({
          email: z.string().max(320),
          name: z.string().max(200),
          role: z.string(),
          unit: z.string().nullable().optional(),
          language: z.enum(languages).optional(),
          password: z.string().max(1000).optional(),
        }),
        response: { 201: userSchema, 409: problemSchema, ...problems },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request.actor, ['admin'], 'creating accounts');
      return reply.status(201).send(await createUser(app.database, request.body, actor));
    },
  );

  app.patch(
    '/users/:id',
    {
      bodyLimit: smallBody,
      schema: {
        tags: ['accounts'],
        summary: 'Change an account: admins anything, users their own name, language and password',
        description:
          "Deactivating (`active: false`) ends the account's sessions and stops its tokens.",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({
          name: z.string().max(200).optional(),
          role: z.string().optional(),
          unit: z.string().nullable().optional(),
          language: z.enum(languages).optional(),
          active: z.boolean().optional(),
          password: z.string().max(1000).optional(),
        }),
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) =>
      updateUser(app.database, request.params.id, request.body, requireActor(request.actor)),
  );
};
