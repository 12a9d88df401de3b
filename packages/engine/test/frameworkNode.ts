import type { FrameworkNode } from '../src/framework/schema.js';

/** A framework node with weight 1 and direction 1 unless `extra` says otherwise. */
export const node = (
  code: string,
  parent?: string,
  extra: Partial<FrameworkNode> = {},
): FrameworkNode => ({
  code,
  weight: 1,
  direction: 1,
  ...(parent === undefined ? {} : { parent }),
  ...extra,
});
