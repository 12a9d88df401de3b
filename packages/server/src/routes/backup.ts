import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/permissions.js';
import { Conflict, Forbidden } from '../http/problems.js';
import { problemSchema } from '../http/schemas.js';

export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/backup',
    {
      schema: {
        tags: ['system'],
        summary: 'A backup of the embedded database, taken while it serves (dxmon backup)',
        description:
          "PGlite only: its data directory as a gzipped tarball, consistent as of one moment, which `dxmon restore` turns into a new data directory. It holds every account and token hash, so only this machine's `dxmon` command may ask for it (local access), not a user over HTTP. On PostgreSQL use pg_dump (docs/deployment.md).",
        response: { 200: z.any(), 401: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      if (requireActor(request.actor).via !== 'cli') {
        throw new Forbidden("a backup is taken on the server's machine, with dxmon backup");
      }
      if (!app.database.dump) {
        throw new Conflict('the database is PostgreSQL: back it up with pg_dump');
      }
      const dump = await app.database.dump();
      return reply
        .type('application/gzip')
        .header('content-disposition', 'attachment; filename="dxmon-backup.tar.gz"')
        .send(Buffer.from(await dump.arrayBuffer()));
    },
  );
};
