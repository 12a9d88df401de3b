import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { csvRows } from '../src/imports/tableRows.js';

async function rows(text: string) {
  const out = [];
  for await (const r of csvRows(Readable.from([Buffer.from(text)]))) out.push(r);
  return out;
}

test('CSV rows are numbered by the line they start on, across blank lines and quoted breaks', async () => {
  const r = await rows(
    'unit,indicator,period,value,source\n' +
      'A,x,2024,1,"two\nlines"\n' +
      '\n' +
      'B,x,2024,2,"three\nlines\nhere"\n' +
      'C,x,2024,3,plain\n',
  );
  assert.deepEqual(
    r.map((x) => [x.row, x.cells[0]]),
    [
      [1, 'unit'],
      [2, 'A'],
      [4, ''],
      [5, 'B'],
      [8, 'C'],
    ],
  );
  assert.equal(r[1]?.cells[4], 'two\nlines');
});

test('Windows line endings count once', async () => {
  const r = await rows('unit,value\r\nA,"1\r\n2"\r\nB,3\r\n');
  assert.deepEqual(
    r.map((x) => x.row),
    [1, 2, 4],
  );
});

test('a byte order mark is not part of the first header cell', async () => {
  const r = await rows('\uFEFFunit,value\nA,1\n');
  assert.equal(r[0]?.cells[0], 'unit');
});
