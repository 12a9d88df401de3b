import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Problem } from '../problem.js';
import {
  type Framework,
  type FrameworkNode,
  frameworkNodeSchema,
  frameworkSchema,
} from './schema.js';

export interface ParsedFramework {
  /** The nodes that could be read; nodes with a problem are left out. */
  framework: Framework;
  problems: Problem[];
}

/**
 * Reads a framework from YAML or JSON text (JSON is YAML, so one parser serves both): either a
 * document `{id, name, version, nodes: [...]}` or a bare list of nodes. Every malformed node is
 * reported with its position and code; structure (parents, cycles) is checked by `validateFramework`.
 */
export function parseFramework(text: string): ParsedFramework {
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
  if (doc === null || doc === undefined) return fail('the framework is empty');
  const top = frameworkSchema.safeParse(Array.isArray(doc) ? { nodes: doc } : doc);
  if (!top.success) {
    return {
      framework: { nodes: [] },
      problems: top.error.issues.map((issue) => ({
        severity: 'error',
        kind: 'invalid-framework',
        message: `${issue.path.join('.') || 'framework'}: ${issue.message}`,
      })),
    };
  }
  const problems: Problem[] = [];
  const nodes: FrameworkNode[] = [];
  top.data.nodes.forEach((raw, i) => {
    const parsed = frameworkNodeSchema.safeParse(raw);
    if (parsed.success) {
      nodes.push(parsed.data);
      return;
    }
    const code =
      typeof (raw as { code?: unknown })?.code === 'string'
        ? (raw as { code: string }).code
        : undefined;
    const label = code ? `node "${code}" (nodes[${i}])` : `nodes[${i}]`;
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      problems.push({
        severity: 'error',
        kind: 'invalid-node',
        message: `${label}${field ? ` field "${field}"` : ''}: ${issue.message}${describeValue(raw, issue.path)}`,
        ...(code ? { node: code } : {}),
      });
    }
  });
  const { nodes: _ignored, ...meta } = top.data;
  return { framework: { ...meta, nodes }, problems };
}

function fail(message: string): ParsedFramework {
  return {
    framework: { nodes: [] },
    problems: [{ severity: 'error', kind: 'invalid-framework', message }],
  };
}

/** ", got <value>" for the offending value, so the reader sees what was written. */
function describeValue(raw: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = raw;
  for (const key of path) {
    // A shorthand setting (`normalise: logistic`) holds the method itself, not an object.
    if (value === null || typeof value !== 'object') break;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined || (typeof value === 'object' && value !== null)) return '';
  return `, got ${JSON.stringify(value)}`;
}
