import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeMatches } from '../../src/codes/closeMatches.js';

const provinces = ['VN-01', 'VN-02', 'VN-08', 'VN-48', 'VN25-08'];

test('another case is the only suggestion when there is one', () => {
  assert.deepEqual(closeMatches('c', ['A', 'B', 'C', 'D']), ['C']);
  assert.deepEqual(closeMatches('vn-08', provinces), ['VN-08']);
});

test('text contained in a code, two characters or more', () => {
  assert.deepEqual(closeMatches('-08', provinces), ['VN-08', 'VN25-08']);
  assert.deepEqual(closeMatches('Hanoi', ['A', 'B', 'C']), [], 'a one-letter code is no match');
});

test('a typo within a third of the length, closest first, at most three', () => {
  // VN08 -> VN-08 is one insertion; VN-48 (two edits) is not offered beside it.
  assert.deepEqual(closeMatches('VN08', provinces), ['VN-08']);
  assert.deepEqual(closeMatches('2025', ['2021', '2022', '2023', '2024']), [
    '2021',
    '2022',
    '2023',
  ]);
  assert.deepEqual(closeMatches('2025', ['2021', '2022', '2023', '2024'], 5).length, 4);
  assert.deepEqual(closeMatches('1999', ['2023', '2024']), []);
  assert.deepEqual(closeMatches('  ', provinces), []);
});

test('one edit away is as close as containing the value; the closest in length first', () => {
  // "VN-8" is in "VN-80" and contains "VN", but the code meant is one insertion away.
  const codes = ['VN', 'VN-08', 'VN-80', 'VN-82', 'VN-83'];
  assert.equal(closeMatches('VN-8', codes)[0], 'VN-08');
  assert.ok(!closeMatches('VN-8', codes).includes('VN'), 'two characters shorter comes last');
});
