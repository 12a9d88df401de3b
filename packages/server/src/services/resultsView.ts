import { didYouMean } from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { ValidationFailed } from '../http/problems.js';
import type { ResultItem, Results } from './results.js';

/** The most units one page of results may hold: 1,000 units on 50 nodes is about 3 MB of JSON. */
export const maxResultsLimit = 1000;

/** Which part of a period's results to answer: the units under a parent, some nodes, a page. */
export interface ResultsView {
  /** Only the units under this unit (at any depth) in the hierarchy on the results' date. */
  parent?: string | undefined;
  /** Only these nodes in each item's `nodes` (and in `nodes`); all when absent. */
  nodes?: readonly string[] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface ResultsPage extends Results {
  /** Units matching the view before `limit` and `offset`. */
  total: number;
  offset: number;
  limit: number | null;
}

/**
 * A view of stored results: ranks stay those among every unit of the level (a commune is 812th
 * of 3,321 whether it is listed under its province or not); the order is the ranking's. The full
 * results come from getResults' cache, so a view costs one query for `parent` and a slice.
 */
export async function viewResults(
  database: Database,
  results: Results,
  view: ResultsView,
): Promise<ResultsPage> {
  const offset = view.offset ?? 0;
  let items = results.items;
  if (view.parent !== undefined) {
    const under = await unitsUnder(database, view.parent, results.at);
    items = items.filter((item) => under.has(item.unit));
  }
  const total = items.length;
  items = view.limit === undefined ? items.slice(offset) : items.slice(offset, offset + view.limit);
  let nodes = results.nodes;
  if (view.nodes !== undefined) {
    const wanted = checkNodes(
      view.nodes,
      results.nodes.map((n) => n.code),
    );
    nodes = nodes.filter((n) => wanted.has(n.code));
    items = items.map((item) => withNodes(item, wanted));
  }
  return { ...results, nodes, items, total, offset, limit: view.limit ?? null };
}

/** The codes of the units under `parent` at any depth, walking only units that exist on `at`. */
async function unitsUnder(database: Database, parent: string, at: string): Promise<Set<string>> {
  const { rows: found } = await database.query<{ exists_then: boolean }>(
    `select valid_from <= $2::date and (valid_to is null or valid_to >= $2::date) as exists_then
       from units where code = $1`,
    [parent, at],
  );
  if (!found[0]) {
    const { rows } = await database.query<{ code: string }>('select code from units');
    const hint = didYouMean(
      parent,
      rows.map((r) => r.code),
    );
    throw new ValidationFailed(`there is no unit "${parent}"${hint}`, [
      { field: 'query.parent', message: 'no such unit', value: parent },
    ]);
  }
  if (!found[0].exists_then) {
    throw new ValidationFailed(`unit "${parent}" did not exist on ${at}`, [
      { field: 'query.parent', message: `the unit did not exist on ${at}`, value: parent },
    ]);
  }
  const { rows } = await database.query<{ code: string }>(
    `with recursive below(code) as (
       select code from units where code = $1
       union
       select u.code from units u join below b on u.parent = b.code
        where u.valid_from <= $2::date and (u.valid_to is null or u.valid_to >= $2::date))
     select code from below where code <> $1`,
    [parent, at],
  );
  return new Set(rows.map((r) => r.code));
}

function checkNodes(asked: readonly string[], codes: readonly string[]): Set<string> {
  const known = new Set(codes);
  for (const code of asked) {
    if (!known.has(code)) {
      throw new ValidationFailed(`the framework has no node "${code}"${didYouMean(code, codes)}`, [
        { field: 'query.nodes', message: `unknown node "${code}"`, value: code },
      ]);
    }
  }
  return new Set(asked);
}

/** A copy of `item` with only the nodes wanted (the cached item is shared: never changed). */
function withNodes(item: ResultItem, wanted: Set<string>): ResultItem {
  const nodes: ResultItem['nodes'] = {};
  for (const code of wanted) {
    const node = item.nodes[code];
    if (node) nodes[code] = node;
  }
  return { ...item, nodes };
}
