import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/permissions.js';
import { exportFormats } from '../exports/exportTable.js';
import { UnsupportedMediaType } from '../http/problems.js';
import { problemSchema, writeProblems } from '../http/schemas.js';
import { csvRows, xlsxRows } from '../imports/tableRows.js';
import {
  languages,
  listNames,
  maxNameLength,
  maxShortLength,
  type NamedThing,
  nameKinds,
  saveNames,
} from '../services/translations.js';
import { exportTranslations, importTranslations } from '../services/translationTable.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tableTypes = ['text/csv', xlsxType, 'application/octet-stream'];

const kind = z.enum(nameKinds);
const lang = z.enum(languages);
const inLanguages = z.object({
  en: z.string().nullable(),
  vi: z.string().nullable(),
  ar: z.string().nullable(),
});
const thingSchema = z.object({
  kind,
  key: z.string(),
  names: inLanguages,
  short: inLanguages,
});
/** With `lang`: the name in that language, else English; the short name likewise, else the name. */
const localSchema = z.object({
  kind,
  key: z.string(),
  name: z.string().nullable(),
  short: z.string().nullable(),
});

const changeIn = (max: number) =>
  z
    .object({
      en: z.string().max(max).nullable().optional(),
      vi: z.string().max(max).nullable().optional(),
      ar: z.string().max(max).nullable().optional(),
    })
    .strict()
    .optional();

const thing = (t: NamedThing) => ({ kind: t.kind, key: t.key, names: t.names, short: t.short });

/** Names in the reader's language: what column headers and labels show. */
export function localName(t: NamedThing, l: (typeof languages)[number]) {
  const name = t.names[l] ?? t.names.en;
  return { kind: t.kind, key: t.key, name, short: t.short[l] ?? t.short.en ?? name };
}

export const nameRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(tableTypes, (_request, payload, done) => done(null, payload));

  app.get(
    '/names',
    {
      config: { responseCache: true },
      schema: {
        tags: ['names'],
        summary:
          'Names of frameworks, nodes, data elements, criteria, plans, targets and regions in en, vi and ar',
        description:
          "Every named thing with its names and short names (for column headers) in English, Vietnamese and Arabic; null where none is given (English falls back to the name where the thing is defined). With `lang`, each thing's name and short name in that language (falling back to English). Filter with `kind`. Units carry their names themselves (`GET /api/units`).",
        querystring: z.object({ lang: lang.optional(), kind: kind.optional() }),
        response: {
          200: z.object({ items: z.array(z.union([thingSchema, localSchema])) }),
          400: problemSchema,
        },
      },
    },
    async (request) => {
      const { lang: l, kind: k } = request.query;
      const things = (await listNames(app.database)).filter((t) => !k || t.kind === k);
      return { items: things.map((t) => (l ? localName(t, l) : thing(t))) };
    },
  );

  app.put(
    '/names',
    {
      schema: {
        tags: ['names'],
        summary: 'Change names and short names, all or none (admin or analyst)',
        description: `Per thing and language: a string sets the name (at most ${maxNameLength} characters; short names ${maxShortLength}), null or an empty string removes it (English returns to the defined name), an absent language keeps it. Every change is audited.`,
        body: z.object({
          items: z
            .array(
              z.object({
                kind,
                key: z.string().min(1).max(300),
                names: changeIn(maxNameLength),
                short: changeIn(maxShortLength),
              }),
            )
            .min(1)
            .max(5000),
        }),
        response: {
          200: z.object({ changed: z.number(), items: z.array(thingSchema) }),
          ...writeProblems,
        },
      },
    },
    async (request) => {
      const actor = requireRole(request.actor, ['admin', 'analyst'], 'changing names');
      const { changed, items } = await saveNames(app.database, actor, request.body.items);
      return { changed, items: items.map(thing) };
    },
  );

  app.get(
    '/names/table.:format',
    {
      schema: {
        tags: ['names'],
        summary:
          'The translation table: kind, key, name_en, name_vi, name_ar, short_en, short_vi, short_ar (CSV, XLSX or JSON)',
        params: z.object({ format: z.enum(exportFormats) }),
        response: { 200: z.any(), 400: problemSchema },
      },
    },
    async (request, reply) => {
      const file = await exportTranslations(app.database, request.params.format);
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="translations.${request.params.format}"`,
        )
        .header('x-row-count', String(file.rows))
        .serializer((x: unknown) => x as string)
        .send(file.body);
    },
  );

  app.post(
    '/names/table',
    {
      schema: {
        tags: ['names'],
        summary: 'Import a translation table (CSV or XLSX), all or none (admin or analyst)',
        description:
          "Columns kind and key, and any of name_en, name_vi, name_ar, short_en, short_vi, short_ar: a column present sets each row's text (an empty cell removes it), a column absent keeps what is there. Any problem (an unknown kind or key, a row twice, a name too long) is a 422 naming the row and column, and nothing is written.",
        response: {
          200: z.object({ rows: z.number(), changed: z.number() }),
          ...writeProblems,
          415: problemSchema,
        },
      },
    },
    async (request) => {
      const actor = requireRole(request.actor, ['admin', 'analyst'], 'importing names');
      const type =
        (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!tableTypes.includes(type)) {
        const message = `send the table as text/csv or ${xlsxType}, not ${type}`;
        throw new UnsupportedMediaType(message, [
          { field: 'headers.content-type', message, value: type },
        ]);
      }
      const body = request.body as Readable;
      return importTranslations(
        app.database,
        actor,
        type === xlsxType ? xlsxRows(body) : csvRows(body),
      );
    },
  );
};
