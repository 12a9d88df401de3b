import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiProblem, type ProblemField, TooManyRequests } from '../http/problems.js';
import { wantsWebPage } from './webApp.js';

/** Problem documents for every error: typed errors, schema failures, and never a stack trace. */
export function registerErrorHandler(app: FastifyInstance, webApp = false): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiProblem) {
      if (error instanceof TooManyRequests) reply.header('retry-after', error.retryAfterSeconds);
      return reply.status(error.status).type('application/problem+json').send({
        type: 'about:blank',
        status: error.status,
        title: error.title,
        detail: error.message,
        fields: error.fields,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: ProblemField[] = error.validation.map((v) => ({
        field: fieldPath(error.validationContext ?? 'request', v.instancePath),
        message: v.message ?? 'invalid',
      }));
      return reply
        .status(400)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          status: 400,
          title: 'Invalid request',
          detail: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
          fields,
        });
    }
    // Fastify's own refusals of a body (not JSON, empty, reserved keys, too large, wrong type).
    if (error.code?.startsWith('FST_ERR_CTP_') && error.statusCode && error.statusCode < 500) {
      const detail =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
          ? 'the body is not valid JSON, or uses a reserved key (__proto__, constructor.prototype)'
          : error.message;
      return reply
        .status(error.statusCode)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          status: error.statusCode,
          title: 'Invalid request body',
          detail,
          fields: [{ field: 'body', message: detail }],
        });
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    return reply
      .status(status)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        status,
        title: status === 500 ? 'Internal server error' : (error.code ?? 'Bad request'),
        detail: status === 500 ? 'The server could not complete the request.' : error.message,
        fields: [],
      });
  });
  app.setNotFoundHandler((request, reply) =>
    webApp && wantsWebPage(request.method, request.url, request.headers.accept)
      ? reply.type('text/html; charset=utf-8').sendFile('index.html')
      : reply
          .status(404)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            status: 404,
            title: 'Not found',
            detail: `No route ${request.method} ${request.url.split('?')[0]}`,
            fields: [],
          }),
  );
}

/** `body` and `/values/3/unit` -> `body.values[3].unit`, the form services use too. */
function fieldPath(context: string, instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), context);
}
