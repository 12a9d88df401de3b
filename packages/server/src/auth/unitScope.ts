import type { Sql } from '../db/database.js';

/** The unit and every unit above it, nearest first. */
export async function ancestorsOf(sql: Sql, unit: string): Promise<string[]> {
  const { rows } = await sql.query<{ code: string }>(
    `with recursive up(code, parent, depth) as (
       select code, parent, 0 from units where code = $1
       union all
       select u.code, u.parent, up.depth + 1 from units u join up on u.code = up.parent
        where up.depth < 20
     )
     select code from up order by depth`,
    [unit],
  );
  return rows.map((r) => r.code);
}

/** The unit and every unit below it. */
export async function subtreeOf(sql: Sql, unit: string): Promise<Set<string>> {
  const { rows } = await sql.query<{ code: string }>(
    `with recursive down(code, depth) as (
       select code, 0 from units where code = $1
       union all
       select u.code, down.depth + 1 from units u join down on u.parent = down.code
        where down.depth < 20
     )
     select code from down`,
    [unit],
  );
  return new Set(rows.map((r) => r.code));
}

/** True when `unit` is `root` or lies below it. */
export async function isWithin(sql: Sql, unit: string, root: string): Promise<boolean> {
  return (await ancestorsOf(sql, unit)).includes(root);
}
