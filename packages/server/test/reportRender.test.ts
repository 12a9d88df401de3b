// The report's HTML and PDF renderers on fixtures shaped as the builders fill them
// (support/reportFixtures.ts): the document's structure in en, vi and ar, then PDFs printed by
// Chromium and read back with poppler (pdftotext, pdffonts, pdfinfo): Vietnamese diacritics,
// Arabic in logical order with its letters joined, every font embedded, DRAFT on every page of a
// draft.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromiumPath } from '../src/services/reports/chromium.js';
import { labelsFor, reportLabels } from '../src/services/reports/labels.js';
import type { Report } from '../src/services/reports/model.js';
import { ChromiumMissing, closeBrowser, printPdf } from '../src/services/reports/pdf.js';
import { renderReportHtml } from '../src/services/reports/render/index.js';
import { languages } from '../src/services/translations.js';
import {
  mergedTuyenQuangReport,
  ninhBinhPlanReport,
  ninhBinhReport,
  tuyenQuangReport,
} from './support/reportFixtures.js';

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
};
const decode = (text: string) =>
  text.replace(/&(?:amp|lt|gt|quot|#x27);/g, (e) => entities[e] ?? e);

/** The numbered section headings of a document, in order: [id, title]. */
function headings(html: string): [string, string][] {
  return [
    ...html.matchAll(
      /<h2 id="([^"]+)-title"><span class="section-number">\d+<\/span>([^<]*)<\/h2>/g,
    ),
  ].map((m) => [m[1] as string, decode(m[2] as string)]);
}

describe('report HTML', () => {
  for (const lang of languages) {
    const labels = labelsFor(lang);
    const s = labels.sections;

    test(`${lang}: a standalone document with its language and direction`, () => {
      const html = renderReportHtml(tuyenQuangReport(lang));
      assert.match(html, /^<!DOCTYPE html><html lang="[a-z]{2}" dir="(ltr|rtl)">/);
      assert.ok(
        html.startsWith(
          `<!DOCTYPE html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`,
        ),
      );
      assert.match(html, /<meta charSet="utf-8"\/>/);
      assert.match(html, /@page \{ size: A4;/);
      assert.ok(html.includes(lang === 'ar' ? "'Noto Naskh Arabic'" : "'Noto Sans'"));
    });

    test(`${lang}: every section of the unit report, in the contents and as a heading`, () => {
      const html = renderReportHtml(ninhBinhReport(lang));
      const expected: [string, string][] = [
        ['headline', s.headline],
        ['pillars', s.pillars],
        ['history', s.history],
        ['peers', s.peers],
        ['what-lifts', s.whatLifts],
        ['plans', s.plans],
        ['children', s.children],
        ['annex', s.annex],
        ['methodology', s.methodology],
        ['provenance', s.provenance],
      ];
      assert.deepEqual(headings(html), expected);
      for (const [id] of expected) {
        assert.ok(html.includes(`<a href="#${id}">`), `the contents link to ${id}`);
        assert.ok(html.includes(`<section class="section" id="${id}"`), `section ${id}`);
      }
      assert.ok(html.includes(decode(labels.document.contents)));
    });

    test(`${lang}: a unit without units below has no such section`, () => {
      const ids = headings(renderReportHtml(tuyenQuangReport(lang))).map(([id]) => id);
      assert.ok(!ids.includes('children'));
      assert.equal(ids.length, 9);
    });

    test(`${lang}: every section of the plan report`, () => {
      const html = renderReportHtml(ninhBinhPlanReport(lang));
      assert.deepEqual(headings(html), [
        ['status-counts', s.statusCounts],
        ['assessment', s.assessment],
        ['targets', s.targets],
        ['provenance', s.provenance],
      ]);
      // A chart per target.
      assert.equal((html.match(/<svg /g) ?? []).length, 17);
      assert.equal((html.match(/<article class="target"/g) ?? []).length, 17);
    });

    test(`${lang}: each target's chance of being met beside its status, its chart with the 80% and 95% bands`, () => {
      const report = ninhBinhPlanReport(lang);
      const html = renderReportHtml(report);
      const articles = html.split('<article class="target"').slice(1);
      assert.equal(articles.length, 17);
      const byId = (id: string) => articles.find((a) => a.includes(`>${id}<`)) as string;
      for (const target of report.plan.targets) {
        const article = byId(target.id);
        assert.ok(article, target.id);
        assert.ok(article.includes(labels.columns.chance), `${target.id}: the chance is given`);
        assert.ok(
          article.includes(labels.status[target.status]),
          `${target.id}: beside its status`,
        );
        // The fan: a lighter 95% band and a darker 80% band as filled areas.
        assert.ok(article.includes('fill-opacity="0.14"'), `${target.id}: the 95% band`);
        assert.ok(article.includes('fill-opacity="0.3"'), `${target.id}: the 80% band`);
      }
      // NB-16 (a third of SMEs on platforms against 50% by 2025) is nearly hopeless, NB-02 nearly
      // certain: said as under 1% and over 99%, never 0% or 100%.
      assert.match(byId('NB-16'), /&lt;\s?1/);
      assert.match(byId('NB-02'), /&gt;\s?99/);
      assert.doesNotMatch(html, /NaN/);
    });

    test(`${lang}: charts are inline vector SVG, with the report's figures`, () => {
      const html = renderReportHtml(tuyenQuangReport(lang));
      // Pillars, history, peers.
      assert.equal(
        (html.match(/<div class="chart-svg" dir="ltr" role="img"[^>]*><svg /g) ?? []).length,
        3,
      );
      assert.equal((html.match(/<svg /g) ?? []).length, 3);
      assert.ok(html.includes('<path d="M'));
      assert.ok(/<text[^>]*>[^<]*49[.,]3<\/text>/.test(html), "the unit's score is labelled");
      // No clip path of one chart is named as another's.
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(ids).size, ids.length);
    });

    test(`${lang}: nothing is loaded from elsewhere`, () => {
      for (const report of [ninhBinhReport(lang), ninhBinhPlanReport(lang)]) {
        const html = renderReportHtml(report);
        assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\((?!#)/i);
        assert.doesNotMatch(html, / src=/i);
        // Evidence links are links to follow, not resources; nothing else names a web address.
        const outside = html.replace(/<a href="https?:\/\/[^"]*"[^>]*>[^<]*<\/a>/g, '');
        assert.doesNotMatch(outside, /https?:\/\//);
      }
    });

    test(`${lang}: DRAFT only on drafts`, () => {
      const draft = renderReportHtml(tuyenQuangReport(lang, true));
      const published = renderReportHtml(tuyenQuangReport(lang));
      assert.ok(draft.includes('<div class="watermark" aria-hidden="true">'));
      assert.ok(draft.includes('<p class="draft-notice" role="note">'));
      assert.ok(draft.includes(labels.document.draftMark));
      assert.ok(!published.includes('<div class="watermark"'));
      assert.ok(!published.includes('<p class="draft-notice"'));
      assert.ok(!published.includes(labels.document.draft));
      assert.ok(!published.includes('DRAFT'));
      const plan = renderReportHtml(ninhBinhPlanReport(lang, true));
      assert.ok(plan.includes('<div class="watermark" aria-hidden="true">'));
    });

    test(`${lang}: the same report gives the same document`, () => {
      assert.equal(
        renderReportHtml(ninhBinhPlanReport(lang)),
        renderReportHtml(ninhBinhPlanReport(lang)),
      );
    });
  }

  test('numbers as the reader writes them: decimal commas in Vietnamese', () => {
    const vi = renderReportHtml(tuyenQuangReport('vi'));
    assert.ok(vi.includes('49,3'));
    assert.ok(vi.includes('Tuyên Quang xếp hạng 48/63'));
    const en = renderReportHtml(tuyenQuangReport('en'));
    assert.ok(en.includes('49.3'));
    assert.ok(en.includes('Tuyen Quang ranks 48 of 63'));
    // The web app's Arabic: Latin digits.
    const ar = renderReportHtml(tuyenQuangReport('ar'));
    assert.ok(ar.includes('49.3'));
    assert.ok(ar.includes('تحتل توين كوانغ المرتبة 48 من 63'));
  });

  test("the children's criteria roll-up in a sentence", () => {
    assert.ok(
      renderReportHtml(ninhBinhReport('en')).includes(
        '92 of 143 communes (64.3%) meet Commune-level digital transformation model 1.0.',
      ),
    );
    assert.ok(
      renderReportHtml(ninhBinhReport('vi')).includes(
        '92/143 xã, phường (64,3%) đạt Mô hình chuyển đổi số cấp xã 1.0.',
      ),
    );
  });

  test('periods derived from predecessors are marked', () => {
    const html = renderReportHtml(mergedTuyenQuangReport('en'));
    assert.equal((html.match(/<tr class="derived">/g) ?? []).length, 5);
    assert.ok(html.includes(labelsFor('en').history.derivedNote));
    assert.ok(html.includes('Formed on 1 July 2025 from Ha Giang, Tuyen Quang.'));
    assert.ok(!renderReportHtml(tuyenQuangReport('en')).includes('<tr class="derived">'));
  });

  test('the methodology gives its formulas', () => {
    const html = renderReportHtml(tuyenQuangReport('vi'));
    assert.ok(html.includes('<math display="block" dir="ltr">'));
    assert.ok(html.includes('<mfrac>'));
    assert.ok(html.includes('Chuẩn hóa min–max'));
    assert.ok(html.includes('Trung bình cộng có trọng số'));
  });

  test("names and text are escaped, in tables and in charts' SVG", () => {
    const report = tuyenQuangReport('en');
    report.unit.name = 'A & B <b>x</b>';
    const peer = report.peers.items[0];
    const pillar = report.pillars[0];
    assert.ok(peer && pillar);
    peer.name = '<script>alert(1)</script>';
    pillar.short_name = '<i>P</i>';
    const html = renderReportHtml(report);
    assert.ok(!html.includes('<b>x'));
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes('<i>P'));
    assert.ok(html.includes('A &amp; B &lt;b&gt;x&lt;/b&gt;'));
  });

  test("statuses in the web app's words, every label in every language", () => {
    for (const lang of languages) {
      const web = JSON.parse(
        readFileSync(new URL(`../../web/src/locales/${lang}.json`, import.meta.url), 'utf8'),
      ) as { targets: { status: Record<string, string> } };
      assert.deepEqual(reportLabels[lang].status, web.targets.status);
    }
    const keys = (value: unknown, path = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${path}.${k}`))
        : [`${path}:${typeof value}`];
    const shape = keys(reportLabels.en);
    assert.deepEqual(keys(reportLabels.vi), shape);
    assert.deepEqual(keys(reportLabels.ar), shape);
    const arabic = /[\u0600-\u06ff]/;
    for (const [key, text] of Object.entries(reportLabels.ar.sections)) {
      assert.match(text, arabic, `ar sections.${key}`);
    }
    for (const [key, text] of Object.entries(reportLabels.ar.columns)) {
      assert.match(text, arabic, `ar columns.${key}`);
    }
  });
});

describe('report PDF', () => {
  let dir = '';
  const printed = new Map<string, { file: string; ms: number }>();
  const fixtures: Record<string, () => Report> = {
    en: () => tuyenQuangReport('en'),
    vi: () => tuyenQuangReport('vi'),
    ar: () => tuyenQuangReport('ar'),
    'ar-draft': () => tuyenQuangReport('ar', true),
    'vi-draft': () => tuyenQuangReport('vi', true),
    'plan-en': () => ninhBinhPlanReport('en'),
  };

  const pdftotext = (file: string, ...args: string[]) =>
    execFileSync('/usr/bin/pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  /** Text without the bidi controls pdftotext puts around runs, spaces collapsed. */
  const plain = (text: string) =>
    text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
  const pages = (file: string) =>
    Number(
      /Pages:\s+(\d+)/.exec(execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' }))?.[1],
    );

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dxmon-report-'));
    // The first print launches the browser; the others share it, printed at once.
    const cold = performance.now();
    writeFileSync(join(dir, 'first.pdf'), await printPdf(tuyenQuangReport('en')));
    printed.set('first', { file: join(dir, 'first.pdf'), ms: performance.now() - cold });
    await Promise.all(
      Object.entries(fixtures).map(async ([name, fixture]) => {
        const started = performance.now();
        const pdf = await printPdf(fixture());
        const file = join(dir, `${name}.pdf`);
        writeFileSync(file, pdf);
        printed.set(name, { file, ms: performance.now() - started });
      }),
    );
  });

  after(async () => {
    await closeBrowser();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string) => {
    const entry = printed.get(name);
    assert.ok(entry, `${name} was printed`);
    return entry.file;
  };

  test('A4, tagged, with an outline', (t) => {
    for (const [name, { file: path, ms }] of printed) {
      t.diagnostic(
        `${name}: ${pages(path)} pages, ${readFileSync(path).length} bytes, ${Math.round(ms)} ms`,
      );
      const info = execFileSync('/usr/bin/pdfinfo', [path], { encoding: 'utf8' });
      assert.match(info, /Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
      assert.match(info, /Tagged:\s+yes/);
      assert.ok(readFileSync(path).includes('/Outlines'), `${name} has an outline`);
    }
  });

  test('the Vietnamese PDF holds the name with its diacritics and the rank', () => {
    const text = plain(pdftotext(file('vi')));
    assert.ok(text.includes('Tuyên Quang'));
    assert.ok(text.includes('Tuyên Quang xếp hạng 48/63'));
    assert.ok(text.includes('Chỉ số chuyển đổi số cấp tỉnh'));
    assert.ok(text.includes('Phụ lục số liệu'));
  });

  test('the English PDF holds the rank of N', () => {
    const text = plain(pdftotext(file('en')));
    assert.ok(text.includes('Tuyen Quang ranks 48 of 63'));
    assert.ok(text.includes('Page 1 of'));
  });

  test('the Arabic PDF reads in logical order, its letters joined', () => {
    const text = plain(pdftotext(file('ar')));
    assert.ok(text.includes('توين كوانغ'), 'the name as one string in logical order');
    assert.match(text, /تحتل توين كوانغ المرتبة ?48 ?من ?63/);
    // Lam-alef ligatures read back in order (a font whose ligatures do not gave "اإلعداد").
    assert.ok(text.includes('تاريخ الإعداد'));
    assert.ok(text.includes('الأحدث') || text.includes('الإدارية'));
    assert.ok(!text.includes('اإل') && !text.includes('عىل'), 'no ligature read backwards');
    // Presentation forms would mean unshaped or hand-placed glyphs.
    assert.doesNotMatch(text, /[\ufb50-\ufdff\ufe70-\ufeff]/);
  });

  test('every font is embedded, and they are the Noto fonts', () => {
    for (const [name, { file: path }] of printed) {
      const rows = execFileSync('/usr/bin/pdffonts', [path], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((line) => line.trim() !== '');
      assert.ok(rows.length > 0, `${name} has fonts`);
      for (const row of rows) {
        // name, type (may hold spaces), encoding, emb, sub, uni, object, generation
        const columns = row.trim().split(/\s+/);
        const font = columns[0] as string;
        assert.equal(columns.at(-5), 'yes', `${name}: ${font} is embedded`);
        assert.match(font, /\+Noto/, `${name}: ${font} is a Noto font`);
      }
    }
    const arabic = execFileSync('/usr/bin/pdffonts', [file('ar')], { encoding: 'utf8' });
    assert.match(arabic, /NotoNaskhArabic/);
  });

  test("every page of a draft says DRAFT; a public report's none", () => {
    for (const name of ['ar-draft', 'vi-draft']) {
      const path = file(name);
      const count = pages(path);
      assert.ok(count > 3);
      for (let page = 1; page <= count; page++) {
        const text = pdftotext(path, '-f', String(page), '-l', String(page));
        assert.ok(text.includes('DRAFT'), `${name}, page ${page} says DRAFT`);
      }
    }
    assert.ok(plain(pdftotext(file('vi-draft'))).includes('BẢN NHÁP'));
    for (const name of ['en', 'vi', 'ar', 'plan-en']) {
      assert.ok(!pdftotext(file(name)).includes('DRAFT'), `${name} is not a draft`);
    }
  });

  test("the unit's report gives each target's chance beside its status", () => {
    const text = plain(pdftotext(file('en')));
    assert.ok(text.includes(labelsFor('en').columns.chance));
  });

  test("the plan's report counts its targets and names each", () => {
    const text = plain(pdftotext(file('plan-en')));
    const report = ninhBinhPlanReport('en');
    assert.ok(
      text.includes(
        `${report.plan.summary.achieved} of ${report.plan.summary.total} targets achieved`,
      ),
    );
    for (const target of report.plan.targets) {
      assert.ok(text.includes(target.id), `target ${target.id}`);
    }
  });

  test('the HTML with the same figures prints the same text', async () => {
    const again = join(dir, 'again.pdf');
    writeFileSync(again, await printPdf(tuyenQuangReport('vi')));
    assert.equal(pdftotext(again), pdftotext(file('vi')));
  });

  test('a closed browser is launched again on the next print', async () => {
    await closeBrowser();
    const pdf = await printPdf(ninhBinhPlanReport('vi'));
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString(), '%PDF-');
  });
});

describe('Chromium', () => {
  test('DXMON_CHROMIUM names the binary; a wrong one says how to install Chromium', () => {
    assert.equal(chromiumPath({ DXMON_CHROMIUM: '/bin/sh' }), '/bin/sh');
    assert.throws(
      () => chromiumPath({ DXMON_CHROMIUM: '/nowhere/chromium' }),
      (error: unknown) =>
        error instanceof ChromiumMissing &&
        error.message.includes('/nowhere/chromium') &&
        error.message.includes('apt-get install -y chromium') &&
        error.message.includes('DXMON_CHROMIUM'),
    );
  });

  test('without DXMON_CHROMIUM: /usr/bin/chromium, else the PATH', () => {
    const found = chromiumPath({ PATH: '' });
    assert.ok(found === '/usr/bin/chromium', found);
  });
});
