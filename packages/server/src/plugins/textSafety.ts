import type { FastifyInstance } from 'fastify';
import { ValidationFailed } from '../http/problems.js';
import { unsafeTextIn } from '../http/unsafeText.js';

/**
 * Refuses JSON bodies and query strings holding a NUL character or broken Unicode, naming each
 * field, before any route sees them: PostgreSQL refuses NUL in text, and PGlite mis-measures
 * lone surrogates, so such text would otherwise end in a 500 deep inside a write.
 */
export function registerTextSafety(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    const found = [
      ...unsafeTextIn(request.query, 'querystring'),
      ...(body && typeof body === 'object' && !('pipe' in body) ? unsafeTextIn(body, 'body') : []),
    ];
    if (found.length > 0) {
      throw new ValidationFailed(found.map((f) => `${f.field}: ${f.message}`).join('; '), found);
    }
  });
}
