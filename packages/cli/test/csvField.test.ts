import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import { csvField } from '../src/output/csvField.js';

test('a field without comma, quote or line break is written as it is', () => {
  for (const value of ['A', 'INDEX', 'ecom_share', '2024Q3', 'Tuyên Quang', 'Thừa Thiên Huế', '']) {
    assert.equal(csvField(value), value);
  }
  // Spaces and semicolons are data, not delimiters: left unquoted (RFC 4180 keeps them).
  assert.equal(csvField(' Hà Giang '), ' Hà Giang ');
  assert.equal(csvField('a;b\tc'), 'a;b\tc');
});

test('a field with a comma, a quote or a line break is quoted, with quotes doubled', () => {
  assert.equal(csvField('Hà Nội, Thủ đô'), '"Hà Nội, Thủ đô"');
  assert.equal(csvField('Say "hi"'), '"Say ""hi"""');
  assert.equal(csvField('"'), '""""');
  assert.equal(csvField('""'), '""""""');
  assert.equal(csvField('a\nb'), '"a\nb"');
  assert.equal(csvField('a\r\nb'), '"a\r\nb"');
  assert.equal(csvField('a\rb'), '"a\rb"');
  assert.equal(csvField(','), '","');
  assert.equal(csvField('"quoted", and more'), '"""quoted"", and more"');
});

test('any text written as a field reads back as the same text (RFC 4180 parser)', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'ê', ',', '"', '\n', '\r', ' ', '1') });
  fc.assert(
    fc.property(text, text, (a, b) => {
      const line = `${csvField(a)},${csvField(b)},end`;
      assert.deepEqual(csvParseRows(line), [[a, b, 'end']]);
    }),
  );
});
