import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { newLocalSecret } from './local/localAccess.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/errors.js';
import { registerRateLimit } from './plugins/rateLimit.js';
import { registerResponseCache } from './plugins/responseCache.js';
import { registerTextSafety } from './plugins/textSafety.js';
import { registerWebApp } from './plugins/webApp.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { backupRoutes } from './routes/backup.js';
import { criteriaRoutes } from './routes/criteria.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { dataRoutes } from './routes/data.js';
import { dataEntryRoutes } from './routes/dataEntry.js';
import { explainRoutes } from './routes/explain.js';
import { exportRoutes } from './routes/exports.js';
import { frameworkRoutes } from './routes/frameworks.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { nameRoutes } from './routes/names.js';
import { notificationRoutes } from './routes/notifications.js';
import { planRoutes } from './routes/plans.js';
import { qualityRoutes } from './routes/quality.js';
import { reportBatchRoutes } from './routes/reportBatch.js';
import { reportingRoutes } from './routes/reporting.js';
import { reportRoutes } from './routes/reports.js';
import { resultRoutes } from './routes/results.js';
import { runRoutes } from './routes/runs.js';
import { shapeRoutes } from './routes/shapes.js';
import { uncertaintyRoutes } from './routes/uncertainty.js';
import { unitAdminRoutes } from './routes/unitAdmin.js';
import { unitProfileRoutes, unitRoutes } from './routes/units.js';
import { workflowRoutes } from './routes/workflow.js';
import type { Jobs } from './services/jobs.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: ServerConfig;
    jobs: Jobs;
    /** The secret of this machine's `dxmon` commands (local access); it never leaves the process. */
    localSecret: string;
  }
}

export interface AppOptions {
  config: ServerConfig;
  database: Database;
  jobs: Jobs;
}

/** Assembles the HTTP API from its plugins; shared services are decorated once and injected. */
export async function buildApp({ config, database, jobs }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('jobs', jobs);
  app.decorate('localSecret', newLocalSecret());
  // The web app's page answers its own addresses; everything else unknown is a 404 problem.
  registerErrorHandler(app, await registerWebApp(app));
  // Security headers on every answer; the API docs page needs its own scripts and styles.
  await app.register(helmet, { global: true });
  await registerRateLimit(app);
  await registerAuth(app);
  registerTextSafety(app);
  await registerResponseCache(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'dxmon API',
        description:
          'Measure, monitor and forecast digital transformation: units, data, composite-index results, targets.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(dataEntryRoutes);
      await api.register(workflowRoutes);
      await api.register(auditRoutes);
      await api.register(unitRoutes);
      await api.register(unitAdminRoutes);
      await api.register(unitProfileRoutes);
      await api.register(shapeRoutes);
      await api.register(dataRoutes);
      await api.register(importRoutes);
      await api.register(frameworkRoutes);
      await api.register(resultRoutes);
      await api.register(explainRoutes);
      await api.register(uncertaintyRoutes);
      await api.register(runRoutes);
      await api.register(planRoutes);
      await api.register(criteriaRoutes);
      await api.register(qualityRoutes);
      await api.register(nameRoutes);
      await api.register(exportRoutes);
      await api.register(reportBatchRoutes);
      await api.register(reportRoutes);
      await api.register(reportingRoutes);
      await api.register(notificationRoutes);
      await api.register(dashboardRoutes);
      await api.register(backupRoutes);
    },
    { prefix: '/api' },
  );
  return app;
}
