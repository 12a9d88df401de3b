import type { FastifyInstance } from 'fastify';
import { ValidationFailed } from '../http/problems.js';
import { unsafeTextIn } from '../http/unsafeText.js';

/**
 * Refuses path parameters, query strings and JSON bodies holding a NUL character or broken
 * Unicode, and JSON nested too deeply, naming each field, before any route sees them: PostgreSQL
 * refuses NUL in text, PGlite mis-measures lone surrogates, and recursive walks of deep JSON run
 * out of stack, so such input would otherwise end in a 500.
 */
export function registerTextSafety(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    const found = [
      ...unsafeTextIn(request.params, 'params'),
      ...unsafeTextIn(request.query, 'querystring'),
      ...(body && typeof body === 'object' && !('pipe' in body) ? unsafeTextIn(body, 'body') : []),
    ];
    if (found.length > 0) {
      throw new ValidationFailed(found.map((f) => `${f.field}: ${f.message}`).join('; '), found);
    }
  });
}
