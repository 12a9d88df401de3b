import { parse as parseYaml, YAMLParseError } from 'yaml';
import { type Target, targetSchema } from './schema.js';

/** A problem with one target: `index` is its position in the input (0-based), `field` its column. */
export interface TargetProblem {
  index: number;
  /** The target's id, when it has a readable one. */
  id?: string;
  field?: string;
  message: string;
}

export interface ParsedTargets {
  /** The targets that could be read; those with a problem are left out. */
  targets: Target[];
  /** The position in the input of each target read. */
  indices: number[];
  problems: TargetProblem[];
}

/**
 * Checks target records (rows of a targets CSV as objects, or entries of a YAML list) and reports
 * every problem at once, each naming the record, the field and the value written: missing or
 * malformed fields, a target period not after its baseline, a repeated id.
 */
export function targetsFromRecords(records: readonly unknown[]): ParsedTargets {
  const targets: Target[] = [];
  const indices: number[] = [];
  const problems: TargetProblem[] = [];
  const firstIndex = new Map<string, number>();
  records.forEach((raw, index) => {
    const parsed = targetSchema.safeParse(raw);
    if (!parsed.success) {
      const rawId = (raw as { id?: unknown } | null)?.id;
      const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : '';
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.');
        problems.push({
          index,
          ...(id.trim() ? { id } : {}),
          ...(field ? { field } : {}),
          message: `${issue.message}${describeValue(raw, field)}`,
        });
      }
      return;
    }
    const seen = firstIndex.get(parsed.data.id);
    if (seen !== undefined) {
      problems.push({
        index,
        id: parsed.data.id,
        field: 'id',
        message: `target id "${parsed.data.id}" is already used by target ${seen + 1}`,
      });
      return;
    }
    firstIndex.set(parsed.data.id, index);
    targets.push(parsed.data);
    indices.push(index);
  });
  return { targets, indices, problems };
}

/**
 * Reads targets from YAML or JSON text: a list of targets, or `{targets: [...]}` (a document may
 * also carry plan details beside the list). A syntax error names its line and column.
 */
export function parseTargetsYaml(text: string): ParsedTargets {
  let doc: unknown;
  try {
    doc = parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const where =
      error instanceof YAMLParseError && error.linePos
        ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})`
        : '';
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(`not valid YAML or JSON${where}: ${message}`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { targets?: unknown } | null)?.targets;
  if (!Array.isArray(list) || list.length === 0) {
    return fail('expected a list of targets, or a document with a "targets" list');
  }
  return targetsFromRecords(list);
}

function fail(message: string): ParsedTargets {
  return { targets: [], indices: [], problems: [{ index: -1, message }] };
}

/** ", got <value>" for the offending value of a field, so the reader sees what was written. */
function describeValue(raw: unknown, field: string): string {
  if (!field || raw === null || typeof raw !== 'object') return '';
  const value = (raw as Record<string, unknown>)[field];
  // An empty field speaks for itself.
  if (value === undefined || value === '' || (typeof value === 'object' && value !== null)) {
    return '';
  }
  return `, got ${JSON.stringify(value)}`;
}
