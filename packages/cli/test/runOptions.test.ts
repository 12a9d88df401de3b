import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CliError } from '../src/cliError.js';
import { runSettings } from '../src/runOptions.js';

/** Asserts that the flags are refused with a CliError whose message matches `message`. */
function refused(flags: Parameters<typeof runSettings>[0], message: RegExp): void {
  assert.throws(
    () => runSettings(flags),
    (error: unknown) => {
      assert.ok(error instanceof CliError, `a CliError, not ${String(error)}`);
      assert.match(error.message, message);
      assert.equal(error.exitCode, 1);
      return true;
    },
  );
}

test('no flags give no settings (the engine defaults apply)', () => {
  assert.deepEqual(runSettings({}), {});
});

test('--normalise: each method, with and without parameters', () => {
  const normalise = (value: string) => runSettings({ normalise: value }).normalise;
  assert.deepEqual(normalise('minmax'), { method: 'minmax', range: [0, 100] });
  assert.deepEqual(normalise('minmax:1:100'), { method: 'minmax', range: [1, 100] });
  assert.deepEqual(normalise('minmax:-1:1'), { method: 'minmax', range: [-1, 1] });
  assert.deepEqual(normalise('zscore'), { method: 'zscore', mean: 0, sd: 1 });
  assert.deepEqual(normalise('zscore:100:10'), { method: 'zscore', mean: 100, sd: 10 });
  assert.deepEqual(normalise('goalposts:0:50'), {
    method: 'goalposts',
    lower: 0,
    upper: 50,
    scale: 100,
  });
  assert.deepEqual(normalise('goalposts:0.5:1e3'), {
    method: 'goalposts',
    lower: 0.5,
    upper: 1000,
    scale: 100,
  });
  assert.deepEqual(normalise('rank'), { method: 'rank' });
  // White space around the method and numbers is forgiven.
  assert.deepEqual(normalise(' minmax : 1 : 2 '), { method: 'minmax', range: [1, 2] });
});

test('--aggregate: each method; generalised takes its order p', () => {
  const aggregate = (value: string) => runSettings({ aggregate: value }).aggregate;
  for (const method of ['arithmetic', 'geometric', 'harmonic'] as const)
    assert.deepEqual(aggregate(method), { method, data_threshold: 0 });
  assert.deepEqual(aggregate('generalised:0.5'), {
    method: 'generalised',
    p: 0.5,
    data_threshold: 0,
  });
  assert.deepEqual(aggregate('generalised:-1'), {
    method: 'generalised',
    p: -1,
    data_threshold: 0,
  });
});

test('--impute: each method', () => {
  for (const method of ['none', 'mean', 'median', 'group-mean', 'latest'] as const)
    assert.equal(runSettings({ impute: method }).impute, method);
});

test('--outliers: none, and winsorise (either spelling) with the JRC defaults', () => {
  assert.deepEqual(runSettings({ outliers: 'none' }).outliers, { method: 'none' });
  const jrc = { method: 'winsorise', max_points: 5, skewness: 2, kurtosis: 3.5 };
  assert.deepEqual(runSettings({ outliers: 'winsorise' }).outliers, jrc);
  assert.deepEqual(runSettings({ outliers: 'winsorize' }).outliers, jrc);
});

test('all four flags at once', () => {
  assert.deepEqual(
    runSettings({
      normalise: 'rank',
      aggregate: 'geometric',
      impute: 'median',
      outliers: 'none',
    }),
    {
      normalise: { method: 'rank' },
      aggregate: { method: 'geometric', data_threshold: 0 },
      impute: 'median',
      outliers: { method: 'none' },
    },
  );
});

test('bad --normalise values, each with a message naming the flag and the value', () => {
  refused(
    { normalise: 'foo' },
    /^--normalise "foo": unknown method; use minmax, zscore, goalposts or rank/,
  );
  refused({ normalise: 'MinMax' }, /--normalise "MinMax": unknown method/);
  refused({ normalise: '' }, /--normalise "": unknown method/);
  refused({ normalise: 'distance-to-target' }, /set per indicator in the framework/);
  refused({ normalise: 'minmax:a:b' }, /--normalise "minmax:a:b": "a" is not a number/);
  refused({ normalise: 'minmax:' }, /"" is not a number/);
  refused(
    { normalise: 'minmax:100:1' },
    /--normalise "minmax:100:1": range: range must be \[low, high\] with high > low/,
  );
  refused({ normalise: 'goalposts' }, /--normalise "goalposts": write goalposts:LOWER:UPPER/);
  refused({ normalise: 'goalposts:1' }, /write goalposts:LOWER:UPPER/);
  refused(
    { normalise: 'goalposts:50:0' },
    /--normalise "goalposts:50:0": upper: upper must be greater than lower/,
  );
  refused({ normalise: 'zscore:0:0' }, /--normalise "zscore:0:0": sd: /);
  refused({ normalise: 'minmax:1:Infinity' }, /"Infinity" is not a number/);
});

test('bad --aggregate, --impute and --outliers values', () => {
  refused(
    { aggregate: 'generalised' },
    /^--aggregate "generalised": write generalised:P with the order P/,
  );
  refused({ aggregate: 'generalised:x' }, /--aggregate "generalised:x": "x" is not a number/);
  refused(
    { aggregate: 'median' },
    /^--aggregate "median": unknown method; use arithmetic, geometric, harmonic or generalised:P/,
  );
  refused(
    { impute: 'avg' },
    /^--impute "avg": unknown method; use none, mean, median, group-mean, latest/,
  );
  refused({ impute: 'Mean' }, /--impute "Mean": unknown method/);
  refused({ outliers: 'trim' }, /^--outliers "trim": unknown method; use none or winsorise/);
});

test('parameters a method does not take, or too few of them, are refused with the form to write', () => {
  refused({ normalise: 'rank:5' }, /^--normalise "rank:5": write rank, which takes no numbers$/);
  refused(
    { aggregate: 'geometric:2' },
    /^--aggregate "geometric:2": write geometric, which takes no numbers$/,
  );
  refused({ normalise: 'minmax:0:100:7' }, /write minmax or minmax:LOW:HIGH/);
  refused({ normalise: 'minmax:1' }, /write minmax or minmax:LOW:HIGH/);
  refused({ normalise: 'zscore:1' }, /write zscore or zscore:MEAN:SD/);
});
