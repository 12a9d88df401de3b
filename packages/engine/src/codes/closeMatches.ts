/**
 * Up to `limit` of `candidates` that look like `value`, so a typo in a code (a unit, an
 * indicator, a period) gets a "did you mean" hint. Only the closest kind of match is offered: the
 * same text in another case; else text containing the value or contained in it (two characters
 * or more), or one edit away; else the candidates at the smallest edit distance, if it is at most
 * a third of the value's length (at least 1). Among equals, those closest in length come first
 * ("VN-8" suggests "VN-08" before "VN").
 */
export function closeMatches(value: string, candidates: readonly string[], limit = 3): string[] {
  const v = value.trim().toLowerCase();
  if (v === '') return [];
  const scored: [number, string][] = [];
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    let score: number;
    if (c === v) score = 0;
    else if (Math.min(c.length, v.length) >= 2 && (c.includes(v) || v.includes(c))) score = 1;
    else {
      const d = editDistance(v, c);
      if (d > Math.max(1, Math.floor(v.length / 3))) continue;
      // One edit away is as close as containing the value.
      score = Math.max(1, d);
    }
    scored.push([score, candidate]);
  }
  const best = Math.min(...scored.map(([score]) => score));
  const lengthGap = (candidate: string) => Math.abs(candidate.length - v.length);
  return scored
    .filter(([score]) => score === best)
    .sort((a, b) => lengthGap(a[1]) - lengthGap(b[1]) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .slice(0, limit)
    .map(([, candidate]) => candidate);
}

/** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, substitute));
    }
    previous = row;
  }
  return previous[b.length] as number;
}

/** "; did you mean "a" or "b"?" for the close matches of `value`, or nothing. */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const close = closeMatches(value, candidates);
  return close.length > 0 ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
}
