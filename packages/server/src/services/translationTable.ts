import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { type ExportedFile, type ExportFormat, exportTable } from '../exports/exportTable.js';
import { type ProblemField, UnprocessableContent } from '../http/problems.js';
import { TableReadError, type TableRow } from '../imports/tableRows.js';
import {
  type Language,
  languages,
  listNames,
  type NameChange,
  type NameKind,
  nameKinds,
  saveNames,
} from './translations.js';

/**
 * The translation table: one row per named thing, the English name as defined beside its names
 * and short names in each language, for translators to fill in a spreadsheet and send back.
 */
export const translationColumns = [
  'kind',
  'key',
  ...languages.map((l) => `name_${l}`),
  ...languages.map((l) => `short_${l}`),
] as const;

export async function exportTranslations(
  database: Database,
  format: ExportFormat,
): Promise<ExportedFile & { rows: number }> {
  const things = await listNames(database);
  const rows = things.map((t) => ({
    kind: t.kind,
    key: t.key,
    ...Object.fromEntries(languages.map((l) => [`name_${l}`, t.names[l]])),
    ...Object.fromEntries(languages.map((l) => [`short_${l}`, t.short[l]])),
  }));
  return {
    ...(await exportTable(translationColumns, rows, format, 'translations')),
    rows: rows.length,
  };
}

/**
 * Reads a translation table (CSV or XLSX rows) and saves it, all or none. `kind` and `key` are
 * required; of the name and short-name columns, those present are applied (an empty cell removes
 * the translation; an empty `name_en` returns to the defined name) and those absent are kept.
 * Problems name the row, the column and the value.
 */
export async function importTranslations(
  database: Database,
  actor: Actor,
  rows: AsyncIterable<TableRow>,
): Promise<{ rows: number; changed: number }> {
  const changes: NameChange[] = [];
  const lines: number[] = [];
  const problems: ProblemField[] = [];
  let header: string[] | undefined;
  try {
    for await (const { row, cells } of rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      if (!header) {
        header = cells.map((c) => c.trim().toLowerCase());
        for (const required of ['kind', 'key'])
          if (!header.includes(required))
            problems.push({
              field: `row ${row}`,
              message: `the header has no column "${required}"`,
            });
        for (const column of header)
          if (column !== '' && !(translationColumns as readonly string[]).includes(column))
            problems.push({
              field: `row ${row}`,
              message: `unknown column "${column}": the columns are ${translationColumns.join(', ')}`,
              value: column,
            });
        if (problems.length > 0) break;
        continue;
      }
      const cell = (column: string) => {
        const i = (header as string[]).indexOf(column);
        return i < 0 ? undefined : (cells[i] ?? '');
      };
      const kind = (cell('kind') ?? '').trim();
      if (!(nameKinds as readonly string[]).includes(kind)) {
        problems.push({
          field: `row ${row} column kind`,
          message: `not a kind of name: one of ${nameKinds.join(', ')}`,
          value: kind,
        });
        continue;
      }
      const inLanguages = (prefix: string) => {
        const given: Partial<Record<Language, string | null>> = {};
        for (const l of languages) {
          const text = cell(`${prefix}_${l}`);
          if (text !== undefined) given[l] = text.trim() === '' ? null : text;
        }
        return given;
      };
      changes.push({
        kind: kind as NameKind,
        key: (cell('key') ?? '').trim(),
        names: inLanguages('name'),
        short: inLanguages('short'),
      });
      lines.push(row);
    }
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    problems.push({ field: `row ${error.row}`, message: error.message });
  }
  if (!header && problems.length === 0)
    problems.push({ field: 'row 1', message: 'the file is empty: expected a header row' });
  if (problems.length > 0)
    throw new UnprocessableContent(
      `${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`,
      problems,
    );
  const { changed } = await saveNames(database, actor, changes, (i, column) =>
    column ? `row ${lines[i]} column ${column}` : `row ${lines[i]}`,
  );
  return { rows: changes.length, changed };
}
