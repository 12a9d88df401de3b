import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesUnit, searchKey } from '../src/search.js';

const ninhBinh = { en: 'Ninh Binh', vi: 'Ninh Bình', ar: 'نينه بينه' };
const daNang = { en: 'Da Nang', vi: 'Đà Nẵng', ar: 'دا نانغ' };

test('a search key drops diacritics, marks and case; đ is d', () => {
  assert.equal(searchKey('Ninh Bình'), 'ninh binh');
  assert.equal(searchKey('  Đà   Nẵng '), 'da nang');
  assert.equal(searchKey('Phường Hòa Khánh'), 'phuong hoa khanh');
  // Arabic short vowels are combining marks too: "مُحَمَّد" is found by "محمد".
  assert.equal(searchKey('مُحَمَّد'), 'محمد');
});

test('units are found by any of their names, in any language, or their code', () => {
  assert.ok(matchesUnit('ninh binh', 'VN-37', ninhBinh));
  assert.ok(matchesUnit('Ninh Bình', 'VN-37', ninhBinh));
  assert.ok(matchesUnit('BINH', 'VN-37', ninhBinh));
  assert.ok(matchesUnit('da nang', 'VN-48', daNang));
  assert.ok(matchesUnit('đà', 'VN-48', daNang));
  assert.ok(matchesUnit('نانغ', 'VN-48', daNang));
  assert.ok(matchesUnit('vn-48', 'VN-48', daNang));
  assert.ok(matchesUnit('', 'VN-48', daNang), 'an empty search keeps every unit');
  assert.ok(!matchesUnit('ninh binh', 'VN-48', daNang));
  assert.ok(!matchesUnit('hanoi', 'VN-37', ninhBinh));
  // Without names in vi and ar the English name still counts.
  assert.ok(matchesUnit('binh', 'X', { en: 'Ninh Binh', vi: null, ar: null }));
});
