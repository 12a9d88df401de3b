import type { FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ProblemField, ValidationFailed } from './problems.js';

/**
 * For routes with `attachValidation: true`: the schema's refusal of the request as the usual 400
 * problem (the same fields and detail as the error handler gives), each field with the value that
 * was sent, so that a form can show what was wrong beside the field.
 */
export function refuseInvalid(request: FastifyRequest): void {
  const error = request.validationError;
  if (!error) return;
  if (!hasZodFastifySchemaValidationErrors(error)) throw error;
  const context = error.validationContext ?? 'body';
  const source: unknown =
    context === 'body'
      ? request.body
      : context === 'params'
        ? request.params
        : context === 'querystring'
          ? request.query
          : request.headers;
  const issues: { instancePath: string; message?: string | undefined }[] = error.validation;
  const fields: ProblemField[] = issues.map((v) => {
    const parts = v.instancePath.split('/').slice(1);
    const value = parts.reduce<unknown>(
      (at, part) =>
        at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined,
      source,
    );
    const field = parts.reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`),
      context,
    );
    return {
      field,
      message: v.message ?? 'invalid',
      // Values worth showing: what was typed, not whole objects (nor the body when it is absent).
      ...(value === undefined || (typeof value === 'object' && value !== null) ? {} : { value }),
    };
  });
  throw new ValidationFailed(fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
}
