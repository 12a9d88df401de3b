import {
  type Framework,
  formulaElements,
  hasErrors,
  indicatorFormula,
  parseFramework,
  validateFramework,
} from '@dxmon/engine';
import { and, desc, eq } from 'drizzle-orm';
import { type Actor, systemActor } from '../auth/actor.js';
import type { Db } from '../db/database.js';
import { dataElements, frameworks } from '../db/schema.js';
import { NotFound, UnprocessableContent } from '../http/problems.js';
import { recordAuditIn } from './audit.js';
import { bumpContentRevisionIn } from './dataRevision.js';

export interface StoredFramework {
  id: string;
  version: number;
  name: string;
  definition: Framework;
  lineageMethod: string;
}

/**
 * Stores a new version of a framework from its YAML or JSON text, after the engine's checks;
 * the data elements its indicators read are registered if they are new.
 */
export async function saveFramework(
  db: Db,
  text: string,
  options: { lineageMethod?: string; actor?: Actor } = {},
): Promise<StoredFramework> {
  const { framework, problems } = parseFramework(text);
  const all = [...problems, ...validateFramework(framework)];
  if (hasErrors(all) || !framework.id) {
    const fields = all
      .filter((p) => p.severity === 'error')
      .map((p) => ({ field: p.node ? `node ${p.node}` : 'framework', message: p.message }));
    if (!framework.id) fields.push({ field: 'id', message: 'a stored framework needs an id' });
    throw new UnprocessableContent('the framework has problems', fields);
  }
  const parents = new Set(framework.nodes.map((n) => n.parent));
  const elements = new Map<string, string>();
  for (const node of framework.nodes) {
    if (parents.has(node.code)) continue;
    for (const code of formulaElements(indicatorFormula(node))) {
      elements.set(code, code === node.code ? (node.name ?? code) : code);
    }
  }
  const [latest] = await db
    .select({ version: frameworks.version })
    .from(frameworks)
    .where(eq(frameworks.id, framework.id))
    .orderBy(desc(frameworks.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  await db.transaction(async (tx) => {
    if (elements.size > 0) {
      await tx
        .insert(dataElements)
        .values([...elements].map(([code, name]) => ({ code, name })))
        .onConflictDoNothing();
    }
    await tx.insert(frameworks).values({
      id: framework.id as string,
      version,
      name: framework.name ?? framework.id ?? '',
      definition: framework,
      lineageMethod: options.lineageMethod ?? 'mean',
    });
    await bumpContentRevisionIn(tx);
    await recordAuditIn(tx, options.actor ?? systemActor, {
      entity: 'framework',
      key: `${framework.id}@${version}`,
      action: 'create',
      after: { id: framework.id, version, name: framework.name ?? framework.id },
    });
  });
  return {
    id: framework.id,
    version,
    name: framework.name ?? framework.id,
    definition: framework,
    lineageMethod: options.lineageMethod ?? 'mean',
  };
}

/** The framework's given version, or its latest. */
export async function getFramework(db: Db, id: string, version?: number): Promise<StoredFramework> {
  const [row] = await db
    .select()
    .from(frameworks)
    .where(
      and(
        eq(frameworks.id, id),
        version === undefined ? undefined : eq(frameworks.version, version),
      ),
    )
    .orderBy(desc(frameworks.version))
    .limit(1);
  if (!row) {
    throw new NotFound(
      version === undefined
        ? `framework "${id}" does not exist`
        : `framework "${id}" has no version ${version}`,
    );
  }
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    definition: row.definition as Framework,
    lineageMethod: row.lineageMethod,
  };
}

/** The latest version of every framework. */
export async function listFrameworks(db: Db): Promise<StoredFramework[]> {
  const rows = await db
    .selectDistinctOn([frameworks.id])
    .from(frameworks)
    .orderBy(frameworks.id, desc(frameworks.version));
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    name: row.name,
    definition: row.definition as Framework,
    lineageMethod: row.lineageMethod,
  }));
}
