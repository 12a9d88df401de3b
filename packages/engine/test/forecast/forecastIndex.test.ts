import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forecastIndex, rankBands } from '../../src/forecast/forecastIndex.js';
import { methodSpread } from '../../src/forecast/methodSpread.js';

const scores = (values: number[]) => values.map((value, i) => ({ t: 2019 + i, value }));

// Four provinces: A leads and holds, B climbs fast toward it, C and D are flat far below.
const histories = [
  { unit: 'A', scores: scores([80, 80.5, 81, 81.2, 81.5, 81.7]) },
  { unit: 'B', scores: scores([60, 65, 70, 74, 78, 81]) },
  { unit: 'C', scores: scores([50, 50.4, 49.8, 50.2, 50.1, 50.3]) },
  { unit: 'D', scores: scores([40, 40.2, 40.1, 40.4, 40.3, 40.5]) },
  { unit: 'E', scores: scores([55, 57]).map((p) => ({ ...p, t: p.t + 4 })) },
  // Merged away in 2022: no score in 2024.
  { unit: 'F', scores: scores([70, 71, 72, 73]) },
];

test("next year's ranks: the climber overtakes the leader more often than not; the flat ones stay", () => {
  const f = forecastIndex(histories, 2025, { draws: 2000, seed: 3 });
  const of = (unit: string) => f.find((x) => x.unit === unit);
  assert.deepEqual(
    ['A', 'B', 'C', 'D'].map((u) => of(u)?.rank),
    [1, 2, 3, 4],
  );
  for (const u of ['A', 'B', 'C', 'D']) {
    const bands = of(u)?.bands;
    assert.ok(bands);
    assert.ok(Math.abs(rankBands.reduce((s, b) => s + bands[b], 0) - 1) < 1e-12);
  }
  assert.ok((of('B')?.bands?.['up-1-2'] as number) > 0.5, JSON.stringify(of('B')?.bands));
  assert.ok((of('D')?.bands?.same as number) > 0.95);
  assert.ok((of('B')?.score.projection as number) > 81);
  // Too short a history: a reason, and no part in the ranking draws.
  assert.equal(of('E')?.rank, null);
  assert.equal(of('E')?.bands, null);
  assert.match(of('E')?.score.reason ?? '', /2 observations/);
  assert.deepEqual([of('F')?.rank, of('F')?.bands], [null, null]);
  assert.equal(of('F')?.score.reason, 'no score in the latest period (2024)');
});

test('the draws are reproducible from the seed; the method spread adds uncertainty', () => {
  const a = forecastIndex(histories, 2025, { draws: 500, seed: 9 });
  assert.deepEqual(a, forecastIndex(histories, 2025, { draws: 500, seed: 9 }));
  const spread = histories.map((h) => ({ ...h, method_sd: 5 }));
  const wide = forecastIndex(spread, 2025, { draws: 2000, seed: 9 });
  const same = (f: typeof a, unit: string) => f.find((x) => x.unit === unit)?.bands?.same as number;
  assert.ok(same(wide, 'C') < same(forecastIndex(histories, 2025, { draws: 2000, seed: 9 }), 'C'));
});

test("the method's spread in score points: the rank interval's width times the local spacing of scores", () => {
  // Scores 90, 80, 70, 60, 50 (10 points apart). The third moves between ranks 2 and 4 in the
  // uncertainty runs: (4 - 2) / 3.29 = 0.608 ranks, times 10 points a rank = 6.08 points. The
  // first never moves: 0. A unit without a score or an interval: 0.
  const spread = methodSpread(
    [90, 80, 70, 60, 50, Number.NaN],
    [1, 1, 2, 4, 5, null],
    [1, 3, 4, 4, 5, null],
  );
  assert.ok(Math.abs((spread[2] as number) - 6.079) < 1e-3, `${spread[2]}`);
  assert.equal(spread[0], 0);
  assert.ok(Math.abs((spread[1] as number) - (2 / 3.29) * 10) < 1e-9);
  assert.equal(spread[5], 0);
  // Scores bunched near the unit make the same rank interval fewer points.
  const interval: [number[], number[]] = [
    [1, 2, 3, 3, 5, 6, 7],
    [1, 2, 3, 5, 5, 6, 7],
  ];
  const even = methodSpread([90, 80, 70, 60, 50, 40, 30], ...interval);
  const bunched = methodSpread([90, 62, 61, 60, 59, 58, 30], ...interval);
  // (5 - 3) / 3.29 ranks times (80 - 40) / 4 = 10 points, against (62 - 58) / 4 = 1 point.
  assert.ok(Math.abs((even[3] as number) - 6.079) < 1e-3, `${even[3]}`);
  assert.ok(Math.abs((bunched[3] as number) - 0.6079) < 1e-3, `${bunched[3]}`);
});
