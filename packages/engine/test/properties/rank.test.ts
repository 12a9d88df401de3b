import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { rankScores } from '../../src/normalise/rankScores.js';
import { rankDescending } from '../../src/rank/rankDescending.js';
import { rankWithinGroups } from '../../src/rank/rankWithinGroups.js';
import { maybeMissing, present, runs, tiedScore, value } from './arbitraries.js';

/** Scores with frequent ties, or arbitrary doubles (with -0, tiny and huge values). */
const scores = fc.oneof(
  fc.array(tiedScore, { maxLength: 40 }),
  fc.array(maybeMissing(value), { maxLength: 40 }),
);

test('descending ranks agree with the scores and their ties', () => {
  fc.assert(
    fc.property(scores, (s) => {
      const ranks = rankDescending(s);
      const n = present(s).length;
      assert.equal(ranks.length, s.length);
      for (let i = 0; i < s.length; i++) {
        const si = s[i] as number;
        const ri = ranks[i] as number;
        if (Number.isNaN(si)) {
          assert.ok(Number.isNaN(ri), 'a missing score has no rank');
          continue;
        }
        // rank = 1 + the number of strictly greater scores, within 1..n
        assert.equal(ri, 1 + s.filter((v) => v > si).length);
        assert.ok(Number.isInteger(ri) && ri >= 1 && ri <= n);
        for (let j = 0; j < s.length; j++) {
          const sj = s[j] as number;
          if (Number.isNaN(sj)) continue;
          const rj = ranks[j] as number;
          if (si > sj) assert.ok(ri < rj, 'a higher score ranks strictly better');
          if (si === sj) assert.equal(ri, rj, 'equal scores share a rank');
        }
      }
    }),
    runs,
  );
});

test('the best present score ranks 1', () => {
  fc.assert(
    fc.property(scores, (s) => {
      fc.pre(present(s).length > 0);
      const ranks = rankDescending(s);
      assert.equal(Math.min(...present(ranks)), 1);
    }),
    runs,
  );
});

test('ascending rank scores: 1 + the number of strictly smaller scores', () => {
  fc.assert(
    fc.property(scores, (s) => {
      const r = rankScores(s);
      for (let i = 0; i < s.length; i++) {
        const si = s[i] as number;
        if (Number.isNaN(si)) assert.ok(Number.isNaN(r[i]));
        else assert.equal(r[i], 1 + s.filter((v) => v < si).length);
      }
    }),
    runs,
  );
});

test('ranks within groups are the ranks among the members of each group', () => {
  const unit = fc.tuple(tiedScore, fc.integer({ min: -1, max: 3 }));
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
      const s = units.map(([v]) => v);
      const g = units.map(([, k]) => k);
      const ranks = rankWithinGroups(s, g);
      for (let i = 0; i < units.length; i++) {
        const si = s[i] as number;
        const gi = g[i] as number;
        if (Number.isNaN(si) || gi < 0) {
          assert.ok(Number.isNaN(ranks[i]));
          continue;
        }
        const above = s.filter((v, j) => g[j] === gi && v > si).length;
        assert.equal(ranks[i], 1 + above);
      }
    }),
    runs,
  );
});
