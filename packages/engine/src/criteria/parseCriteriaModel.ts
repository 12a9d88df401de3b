import { isNode, LineCounter, parseDocument } from 'yaml';
import { type CriteriaModel, criteriaModelSchema } from './schema.js';

/** A problem with a model: `path` names the field (`criteria[2].op`), `line` where it is written. */
export interface CriteriaModelProblem {
  path?: string;
  line?: number;
  message: string;
}

export interface ParsedCriteriaModel {
  model?: CriteriaModel;
  /** The line each criterion starts on, for messages about a criterion found later. */
  criterionLines?: (number | undefined)[];
  problems: CriteriaModelProblem[];
}

/**
 * Reads a criteria model from YAML or JSON text and checks it, reporting every problem at once
 * with the field it concerns and, from the YAML document, the line it is on.
 */
export function parseCriteriaModel(text: string): ParsedCriteriaModel {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        ...(error.linePos ? { line: error.linePos[0].line } : {}),
        message: `not valid YAML or JSON: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const raw = doc.toJS() as unknown;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      problems: [{ message: 'expected a model: id, version, name, criteria and pass' }],
    };
  }
  const parsed = criteriaModelSchema.safeParse(raw);
  if (parsed.success) {
    const criterionLines = parsed.data.criteria.map((_, i) =>
      lineOf(doc, lineCounter, ['criteria', String(i)]),
    );
    return { model: parsed.data, criterionLines, problems: [] };
  }
  return {
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const line = lineOf(doc, lineCounter, path);
      const value = valueAt(raw, path);
      return {
        ...(path.length > 0 ? { path: pathText(issue.path) } : {}),
        ...(line !== undefined ? { line } : {}),
        message: `${issue.message}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`,
      };
    }),
  };
}

/** `criteria[2].op` from ['criteria', 2, 'op']. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`,
    )
    .join('');
}

/** The line of the deepest node of the path that the document has (a missing key: its parent). */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: string[],
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const node = depth === 0 ? doc.contents : doc.getIn(keys, true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The scalar written at the path, to quote it back; undefined for absent or composite values. */
function valueAt(raw: unknown, path: string[]): unknown {
  let at: unknown = raw;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at === null || typeof at === 'object' ? undefined : at;
}
