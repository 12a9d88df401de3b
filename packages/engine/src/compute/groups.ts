/** A grouping of units (e.g. by region): group names and each unit's group number (-1: none). */
export interface UnitGroups {
  names: readonly string[];
  of: Int32Array;
}

/** Groups units by a label per unit; an empty or absent label means no group. */
export function unitGroups(labels: readonly (string | undefined | null)[]): UnitGroups {
  const index = new Map<string, number>();
  const of = Int32Array.from(labels, (label) => {
    if (!label) return -1;
    let g = index.get(label);
    if (g === undefined) {
      g = index.size;
      index.set(label, g);
    }
    return g;
  });
  return { names: [...index.keys()], of };
}
