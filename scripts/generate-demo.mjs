#!/usr/bin/env node
// Generates the demo data set in data/demo/: Viet Nam's units before and after the 2025 reform
// (63 provinces merged into 34 on 2025-07-01) with their lineage, the data elements, a provincial
// digital transformation index modelled on the national DTI, five years of provincial data and two
// years after the reform, plans with targets, a commune-level DX model with data for the communes
// of Ninh Bình, and a README describing all of it.
//
// Everything synthetic comes from one seeded pseudorandom generator (pure-rand's xoroshiro128+,
// one independent stream per purpose, split by jumps), so every run writes the same bytes. The
// few real figures come from reported-figures.csv and are marked as such in the data's `source`.
//
// Usage: node scripts/generate-demo.mjs [shared-data-dir] [output-dir]
// (defaults: ../shared/data beside the repository, holding vn-provinces-2025.csv and
// reported-figures.csv; and data/demo). Needs the built engine (packages/engine/dist): Tuyên
// Quang's synthetic series are tuned with the engine's own compute, to its reported ranks.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compute, frameworkTree, parseFramework, quantileSorted } from '@dxmon/engine';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { Document, stringify as stringifyYaml } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const sharedData = resolve(process.argv[2] ?? join(root, '../shared/data'));
const outDir = resolve(root, process.argv[3] ?? 'data/demo');

const SEED = 20250701;
const YEARS_63 = [2020, 2021, 2022, 2023, 2024];
const YEARS_34 = [2025, 2026];
const ALL_YEARS = [...YEARS_63, ...YEARS_34];
const REFORM = {
  date: '2025-07-01',
  lastDayBefore: '2025-06-30',
  note: 'National Assembly Resolution 202/2025/QH15',
};

// ---------------------------------------------------------------------------------------------
// Randomness: pure-rand streams, and the two shapes drawn from them
// ---------------------------------------------------------------------------------------------

/** One generator per purpose, each 2^64 draws from the last, so changing one part of the demo
 * (say, the communes) leaves the numbers of every other part as they were. */
function randomStreams(seed, names) {
  const rng = xoroshiro128plus(seed);
  return Object.fromEntries(
    names.map((name) => {
      rng.jump();
      return [name, rng.clone()];
    }),
  );
}

const uniform = (rng) => uniformFloat64(rng);

/** A standard normal draw (Box–Muller): a transform of two uniforms, not a generator. */
function normal(rng) {
  const u = 1 - uniform(rng); // in (0, 1], so the logarithm is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform(rng));
}

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const round = (x, dp) => Math.round(x * 10 ** dp) / 10 ** dp + 0; // + 0 turns -0 into 0

// ---------------------------------------------------------------------------------------------
// Units: the country, 63 provinces of 2024, 34 of 2025, the communes of Ninh Bình
// ---------------------------------------------------------------------------------------------

/** Transliterations into Arabic script (informal, for the right-to-left interface). */
const NAME_AR = {
  'Hà Nội': 'هانوي',
  'Hà Giang': 'ها جيانغ',
  'Cao Bằng': 'كاو بانغ',
  'Bắc Kạn': 'باك كان',
  'Tuyên Quang': 'توين كوانغ',
  'Lào Cai': 'لاو كاي',
  'Điện Biên': 'ديان بيان',
  'Lai Châu': 'لاي تشاو',
  'Sơn La': 'سون لا',
  'Yên Bái': 'ين باي',
  'Hòa Bình': 'هوا بينه',
  'Thái Nguyên': 'تاي نغوين',
  'Lạng Sơn': 'لانغ سون',
  'Quảng Ninh': 'كوانغ نينه',
  'Bắc Giang': 'باك جيانغ',
  'Phú Thọ': 'فو تو',
  'Vĩnh Phúc': 'فينه فوك',
  'Bắc Ninh': 'باك نينه',
  'Hải Dương': 'هاي دونغ',
  'Hải Phòng': 'هاي فونغ',
  'Hưng Yên': 'هونغ ين',
  'Thái Bình': 'تاي بينه',
  'Hà Nam': 'ها نام',
  'Nam Định': 'نام دينه',
  'Ninh Bình': 'نينه بينه',
  'Thanh Hóa': 'تانه هوا',
  'Nghệ An': 'نغي آن',
  'Hà Tĩnh': 'ها تينه',
  'Quảng Bình': 'كوانغ بينه',
  'Quảng Trị': 'كوانغ تري',
  'Thừa Thiên Huế': 'توا تيان هوي',
  'Đà Nẵng': 'دا نانغ',
  'Quảng Nam': 'كوانغ نام',
  'Quảng Ngãi': 'كوانغ نغاي',
  'Bình Định': 'بينه دينه',
  'Phú Yên': 'فو ين',
  'Khánh Hòa': 'خانه هوا',
  'Ninh Thuận': 'نينه توان',
  'Bình Thuận': 'بينه توان',
  'Kon Tum': 'كون توم',
  'Gia Lai': 'جيا لاي',
  'Đắk Lắk': 'داك لاك',
  'Đắk Nông': 'داك نونغ',
  'Lâm Đồng': 'لام دونغ',
  'Bình Phước': 'بينه فوك',
  'Tây Ninh': 'تاي نينه',
  'Bình Dương': 'بينه دونغ',
  'Đồng Nai': 'دونغ ناي',
  'Bà Rịa - Vũng Tàu': 'با ريا - فونغ تاو',
  'Hồ Chí Minh': 'مدينة هو تشي منه',
  'Long An': 'لونغ آن',
  'Tiền Giang': 'تيان جيانغ',
  'Bến Tre': 'بن تري',
  'Trà Vinh': 'ترا فينه',
  'Vĩnh Long': 'فينه لونغ',
  'Đồng Tháp': 'دونغ تاب',
  'An Giang': 'آن جيانغ',
  'Kiên Giang': 'كيان جيانغ',
  'Cần Thơ': 'كان تو',
  'Hậu Giang': 'هاو جيانغ',
  'Sóc Trăng': 'سوك ترانغ',
  'Bạc Liêu': 'باك ليو',
  'Cà Mau': 'كا ماو',
};

/** The English name: the Vietnamese one without diacritics (đ is a letter of its own, not a d
 * with a mark, so NFD does not strip it). */
function nameEn(vi) {
  if (vi === 'Hồ Chí Minh') return 'Ho Chi Minh City';
  return vi.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/\p{M}/gu, '');
}

function readCsv(path) {
  return parseCsv(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });
}

/**
 * The provinces before and after the reform, from the 63 -> 34 mapping. A 2025 province made of a
 * single 2024 province continues it (same code, no end date): 11 of them, Thừa Thiên Huế among
 * them (it became the city of Huế, a rename, with no merger). Every other 2025 province is new,
 * coded after the 2024 province whose name it took, and ends its predecessors on 2025-06-30.
 */
function provincesOf(mapping) {
  const before = mapping.map((r) => ({
    code: `VN-${r.gso_code}`,
    gso: r.gso_code,
    name: r.province_2024,
    region: r.region_2024,
    successor: '',
  }));
  const byName = new Map();
  for (const [i, r] of mapping.entries()) {
    byName.set(r.province_2025, [...(byName.get(r.province_2025) ?? []), before[i]]);
  }
  const after = [];
  for (const [name, members] of byName) {
    if (members.length === 1) {
      const [only] = members;
      only.successor = only.code;
      after.push({ ...only, members: [only.code], continuing: true });
      continue;
    }
    const namesake = members.find((m) => m.name === name);
    if (!namesake)
      throw new Error(`2025 province ${name} has no 2024 namesake to take a code from`);
    const code = `VN25-${namesake.gso}`;
    for (const m of members) m.successor = code;
    after.push({
      code,
      gso: namesake.gso,
      name,
      region: namesake.region,
      members: members.map((m) => m.code),
      continuing: false,
    });
  }
  after.sort((a, b) => (a.code < b.code ? -1 : 1));
  const continuing = after.filter((p) => p.continuing).length;
  if (before.length !== 63 || after.length !== 34 || continuing !== 11) {
    throw new Error(
      `expected 63 -> 34 provinces with 11 continuing, got ${before.length} -> ${after.length} (${continuing})`,
    );
  }
  return { before, after };
}

const COMMUNE_PROVINCE = 'VN-37'; // Ninh Bình before the reform
const COMMUNE_COUNT = 143;
const communeCodes = Array.from(
  { length: COMMUNE_COUNT },
  (_, i) => `${COMMUNE_PROVINCE}-C${String(i + 1).padStart(3, '0')}`,
);

function unitRows({ before, after }) {
  const province = (p, validFrom, validTo) => ({
    code: p.code,
    level: 'province',
    parent: 'VN',
    name_en: nameEn(p.name),
    name_vi: p.name,
    name_ar: NAME_AR[p.name],
    region: p.region,
    valid_from: validFrom,
    valid_to: validTo,
  });
  return [
    {
      code: 'VN',
      level: 'country',
      parent: '',
      name_en: 'Viet Nam',
      name_vi: 'Việt Nam',
      name_ar: 'فيتنام',
      region: '',
      valid_from: '1976-07-02',
      valid_to: '',
    },
    // 2008-08-01: Hà Tây joined Hà Nội, the last change before 2025 to the set of 63.
    ...before.map((p) =>
      province(p, '2008-08-01', p.successor === p.code ? '' : REFORM.lastDayBefore),
    ),
    ...after.filter((p) => !p.continuing).map((p) => province(p, REFORM.date, '')),
    // The communes were reorganised too on 2025-07-01; they end with their province.
    ...communeCodes.map((code, i) => ({
      code,
      level: 'commune',
      parent: COMMUNE_PROVINCE,
      name_en: `Commune ${String(i + 1).padStart(3, '0')}`,
      name_vi: `Xã ${String(i + 1).padStart(3, '0')}`,
      name_ar: `بلدية ${String(i + 1).padStart(3, '0')}`,
      region: '',
      valid_from: '2020-01-01',
      valid_to: REFORM.lastDayBefore,
    })),
  ];
}

function lineageRows({ before, after }) {
  const successor = new Map(after.map((p) => [p.code, p]));
  const nameOf = new Map(before.map((p) => [p.code, p.name]));
  return before
    .filter((p) => p.successor !== p.code)
    .map((p) => {
      const { name, members } = successor.get(p.successor);
      const partners = members.filter((m) => m !== p.code).map((m) => nameOf.get(m));
      return {
        event: 'merge',
        date: REFORM.date,
        predecessor: p.code,
        successor: p.successor,
        note: `${p.name} merged with ${partners.join(' and ')} into ${name} (${REFORM.note})`,
      };
    });
}

/** How many provinces existed on a day, from the rows of units.csv. */
function provincesOn(units, day) {
  return units.filter(
    (u) =>
      u.level === 'province' && u.valid_from <= day && (u.valid_to === '' || u.valid_to >= day),
  ).length;
}

// ---------------------------------------------------------------------------------------------
// The index: pillars, indicators and the data elements they read
// ---------------------------------------------------------------------------------------------

/** The tree above the indicators: the DTI's pillars, grouped into foundations and activities. */
const AGGREGATES = [
  { code: 'DTI', name: 'Provincial digital transformation index' },
  { code: 'FND', name: 'Foundations of digital transformation', parent: 'DTI' },
  { code: 'AWR', name: 'Digital awareness', parent: 'FND' },
  { code: 'INS', name: 'Digital institutions', parent: 'FND' },
  { code: 'INF', name: 'Digital infrastructure, platforms and data', parent: 'FND' },
  { code: 'HRS', name: 'Digital human resources', parent: 'FND' },
  { code: 'SEC', name: 'Cybersecurity', parent: 'FND' },
  { code: 'ACT', name: 'Digital transformation activities', parent: 'DTI' },
  { code: 'GOV', name: 'Digital government', parent: 'ACT', weight: 2 },
  { code: 'ECO', name: 'Digital economy', parent: 'ACT' },
  { code: 'SOC', name: 'Digital society', parent: 'ACT' },
];
const FOUNDATIONS = new Set(AGGREGATES.filter((a) => a.parent === 'FND').map((a) => a.code));

/**
 * The indicators. `lo` and `hi` are the values of a province at the bottom (level 0) and the top
 * (level 1) of the country, in the first year of the series (`from`, default 2020) and in 2026;
 * `scale: 'log'` interpolates geometrically, for skewed counts per head. `agg` is how a merged
 * province's value derives from its predecessors' ([rule, weight element]). A `formula`
 * indicator is numerator / denominator * factor over data elements; its lo/hi describe the ratio.
 */
const pct = { unit: '%', max: 100 };
// biome-ignore format: a table, one row per line
const INDICATORS = [
  // Digital awareness
  { code: 'leaders_dx_trained_share', pillar: 'AWR', ...pct, lo: [20, 75], hi: [70, 100], agg: ['weighted_mean', 'officials'],
    name: 'Provincial, department and district leaders trained on digital transformation' },
  { code: 'dx_media_per_100k', pillar: 'AWR', unit: 'per 100,000 residents', lo: [3, 10], hi: [25, 60], dp: 2,
    formula: ['dx_media_items', 'population', 100000],
    name: 'News items and broadcasts on digital transformation in provincial media per 100,000 residents' },
  { code: 'dx_plan_tasks_done_share', pillar: 'AWR', ...pct, lo: [50, 70], hi: [90, 100], agg: ['mean'],
    name: "Tasks of the year's provincial digital transformation plan completed on schedule" },
  // Digital institutions
  { code: 'dx_budget_share', pillar: 'INS', ...pct, lo: [0.3, 0.8], hi: [1.5, 3], dp: 2, agg: ['weighted_mean', 'grdp'],
    name: 'Provincial budget spent on digital transformation' },
  { code: 'dx_legal_documents', pillar: 'INS', unit: 'documents', lo: [2, 5], hi: [10, 20], dp: 0, noise: 0.15,
    // A merged province issues one set of policies: its most active predecessor is the better proxy.
    agg: ['max'], name: 'Provincial legal documents and policies on digital transformation issued in the year' },
  { code: 'it_investment_disbursed_share', pillar: 'INS', ...pct, lo: [40, 60], hi: [85, 98], agg: ['mean'],
    name: 'Planned public investment in IT and digital transformation disbursed' },
  // Digital infrastructure, platforms and data
  { code: 'mobile_4g5g_coverage', pillar: 'INF', ...pct, lo: [85, 97], hi: [99, 100], noise: 0.01, dp: 2,
    agg: ['weighted_mean', 'population'], name: 'Population covered by 4G or 5G mobile networks' },
  { code: 'fibre_villages_share', pillar: 'INF', ...pct, lo: [50, 85], hi: [95, 100], noise: 0.02,
    agg: ['weighted_mean', 'villages'], name: 'Villages and residential quarters with fibre-optic broadband' },
  { code: 'fbb_per_100_households', pillar: 'INF', unit: 'per 100 households', lo: [25, 50], hi: [90, 115], dp: 2,
    formula: ['fbb_subscriptions', 'households', 100], name: 'Fixed broadband subscriptions per 100 households' },
  { code: 'mbb_per_100_people', pillar: 'INF', unit: 'per 100 residents', lo: [45, 70], hi: [95, 125], dp: 2,
    formula: ['mbb_subscriptions', 'population', 100], name: 'Mobile broadband subscriptions per 100 residents' },
  { code: 'shared_data_tables', pillar: 'INF', unit: 'tables', lo: [20, 300], hi: [300, 1500], scale: 'log', dp: 0,
    agg: ['sum'], name: 'Sector database tables digitised on the provincial shared data platform' },
  { code: 'conference_points_per_100k', pillar: 'INF', unit: 'per 100,000 residents', lo: [0.4, 1.2], hi: [4, 20],
    scale: 'log', dp: 3, formula: ['online_conference_points', 'population', 100000],
    name: 'Points connected to the provincial online conference system per 100,000 residents' },
  // Digital human resources
  { code: 'ict_staff_per_100_officials', pillar: 'HRS', unit: 'per 100 officials', lo: [0.8, 1.5], hi: [3, 5], dp: 3,
    formula: ['ict_staff', 'officials', 100], name: 'Full-time ICT and digital transformation staff per 100 officials' },
  { code: 'officials_digital_skills_share', pillar: 'HRS', ...pct, lo: [20, 70], hi: [70, 100],
    agg: ['weighted_mean', 'officials'], name: 'Officials and public employees trained in digital skills' },
  { code: 'ict_graduates_per_10k', pillar: 'HRS', unit: 'per 10,000 residents', lo: [0.5, 1], hi: [8, 12], scale: 'log',
    dp: 3, formula: ['ict_graduates', 'population', 10000],
    name: "ICT graduates of the province's universities and colleges per 10,000 residents" },
  // Cybersecurity
  { code: 'security_level_approved_share', pillar: 'SEC', ...pct, lo: [10, 60], hi: [70, 100],
    agg: ['weighted_mean', 'information_systems'], name: 'Information systems with an approved security level' },
  { code: 'security_monitored_share', pillar: 'SEC', ...pct, lo: [20, 70], hi: [80, 100],
    agg: ['weighted_mean', 'information_systems'],
    name: 'Information systems monitored by a security operations centre' },
  { code: 'incidents_per_1000_systems', pillar: 'SEC', unit: 'per 1,000 systems', direction: -1, lo: [150, 60],
    hi: [40, 10], noise: 0.12, dp: 2, formula: ['security_incidents', 'information_systems', 1000],
    name: 'Cybersecurity incidents per 1,000 information systems' },
  // Digital government
  { code: 'online_services_share', pillar: 'GOV', ...pct, lo: [20, 60], hi: [60, 95], agg: ['mean'],
    name: 'Public services provided fully online' },
  { code: 'online_files_share', pillar: 'GOV', ...pct, lo: [5, 40], hi: [40, 90], agg: ['weighted_mean', 'population'],
    name: 'Administrative files submitted and processed online' },
  { code: 'settlement_days', pillar: 'GOV', unit: 'days', direction: -1, lo: [9, 5], hi: [4, 1.5],
    agg: ['weighted_mean', 'population'], name: 'Average days to settle an administrative file' },
  { code: 'overdue_files_share', pillar: 'GOV', ...pct, direction: -1, lo: [4, 2], hi: [0.5, 0.1], scale: 'log', dp: 2,
    noise: 0.1, agg: ['weighted_mean', 'population'], name: 'Administrative files settled late' },
  { code: 'e_documents_share', pillar: 'GOV', ...pct, lo: [60, 90], hi: [95, 100], noise: 0.02, agg: ['mean'],
    name: 'Documents exchanged between agencies electronically with digital signatures' },
  { code: 'online_payment_share', pillar: 'GOV', ...pct, lo: [2, 20], hi: [20, 70], agg: ['weighted_mean', 'population'],
    name: 'Administrative files whose fees were paid online' },
  { code: 'digitised_results_share', pillar: 'GOV', ...pct, lo: [10, 60], hi: [50, 100],
    agg: ['weighted_mean', 'population'], name: 'Results of administrative procedures digitised' },
  { code: 'service_satisfaction_share', pillar: 'GOV', ...pct, lo: [70, 80], hi: [90, 98], noise: 0.02,
    agg: ['weighted_mean', 'population'], name: 'Citizens satisfied with online public services' },
  // Digital economy
  { code: 'de_grdp_share', pillar: 'ECO', ...pct, lo: [3, 5], hi: [20, 30], scale: 'log', dp: 2, noise: 0.03,
    agg: ['weighted_mean', 'grdp'],
    name: 'Digital economy share of GRDP' },
  { code: 'dt_enterprises_per_10k', pillar: 'ECO', unit: 'per 10,000 residents', lo: [0.5, 1], hi: [15, 25], scale: 'log',
    dp: 3, formula: ['dt_enterprises', 'population', 10000],
    name: 'Digital technology enterprises per 10,000 residents' },
  { code: 'einvoice_share', pillar: 'ECO', ...pct, lo: [60, 95], hi: [95, 100], noise: 0.02,
    agg: ['weighted_mean', 'population'], name: 'Enterprises using e-invoices' },
  { code: 'sme_platform_share', pillar: 'ECO', ...pct, lo: [8, 25], hi: [40, 70], agg: ['weighted_mean', 'population'],
    name: 'Small and medium enterprises using digital platforms' },
  { code: 'ecommerce_grdp_share', pillar: 'ECO', ...pct, lo: [0.5, 1.5], hi: [6, 12], dp: 3,
    formula: ['ecommerce_revenue', 'grdp', 100], name: 'Retail e-commerce revenue as a share of GRDP' },
  { code: 'ocop_online_share', pillar: 'ECO', ...pct, lo: [10, 50], hi: [60, 100], agg: ['mean'],
    name: 'OCOP products sold on e-commerce platforms' },
  { code: 'e_tax_share', pillar: 'ECO', ...pct, lo: [90, 97], hi: [99, 100], noise: 0.01, dp: 2,
    agg: ['weighted_mean', 'population'], name: 'Enterprises filing and paying taxes electronically' },
  // Digital society
  { code: 'eid_activation_share', pillar: 'SOC', ...pct, from: 2022, lo: [5, 70], hi: [40, 95], dp: 2,
    agg: ['weighted_mean', 'population'], name: 'Residents with an activated level-2 electronic ID (VNeID)' },
  { code: 'ehr_share', pillar: 'SOC', ...pct, lo: [1, 60], hi: [20, 95], dp: 2,
    formula: ['ehr_people', 'population', 100], name: 'Residents with an electronic health record' },
  { code: 'cashless_share', pillar: 'SOC', ...pct, lo: [5, 30], hi: [40, 80], agg: ['weighted_mean', 'population'],
    name: 'Retail payments made without cash' },
  { code: 'smartphone_share', pillar: 'SOC', ...pct, lo: [55, 80], hi: [85, 98], noise: 0.02,
    agg: ['weighted_mean', 'population'], name: 'Adults using a smartphone' },
  // Community digital technology teams were set up from 2022 on.
  { code: 'dt_team_villages_share', pillar: 'SOC', ...pct, from: 2022, lo: [30, 95], hi: [95, 100], dp: 2,
    formula: ['villages_dt_team', 'villages', 100],
    name: 'Villages and residential quarters with a community digital technology team' },
  { code: 'digital_skills_share', pillar: 'SOC', ...pct, lo: [20, 45], hi: [60, 85],
    agg: ['weighted_mean', 'population'], name: 'Adults with basic digital skills' },
  { code: 'telehealth_hospitals_share', pillar: 'SOC', ...pct, lo: [5, 50], hi: [60, 100], agg: ['mean'],
    name: 'Hospitals providing telemedicine consultations' },
];

/** Data elements: the numerators and denominators of the formulas. Counts add up on a merger. */
// biome-ignore format: a table, one row per line
const ELEMENTS = [
  { code: 'population', name: 'Population (mid-year)', unit: 'persons', dp: 0 },
  { code: 'households', name: 'Households', unit: 'households', dp: 0 },
  { code: 'grdp', name: 'Gross regional domestic product at current prices', unit: 'billion VND', dp: 1 },
  { code: 'officials', name: 'Officials and public employees of provincial agencies', unit: 'persons', dp: 0 },
  { code: 'information_systems', name: 'Information systems operated by provincial agencies', unit: 'systems', dp: 0 },
  { code: 'villages', name: 'Villages and residential quarters', unit: 'villages', dp: 0 },
  { code: 'dx_media_items', name: 'News items and broadcasts on digital transformation in provincial media', unit: 'items', dp: 0 },
  { code: 'fbb_subscriptions', name: 'Fixed broadband subscriptions', unit: 'subscriptions', dp: 0 },
  { code: 'mbb_subscriptions', name: 'Mobile broadband subscriptions', unit: 'subscriptions', dp: 0 },
  { code: 'online_conference_points', name: 'Points connected to the provincial online conference system', unit: 'points', dp: 0 },
  { code: 'ict_staff', name: 'Full-time ICT and digital transformation staff of provincial agencies', unit: 'persons', dp: 0 },
  { code: 'ict_graduates', name: "ICT graduates of the province's universities and colleges", unit: 'persons', dp: 0 },
  { code: 'security_incidents', name: 'Cybersecurity incidents on provincial information systems', unit: 'incidents', dp: 0 },
  { code: 'dt_enterprises', name: 'Digital technology enterprises', unit: 'enterprises', dp: 0 },
  { code: 'ecommerce_revenue', name: 'Retail e-commerce revenue', unit: 'billion VND', dp: 1 },
  { code: 'ehr_people', name: 'Residents with an electronic health record', unit: 'persons', dp: 0 },
  { code: 'villages_dt_team', name: 'Villages and residential quarters with a community digital technology team', unit: 'villages', dp: 0 },
].map((e) => ({ ...e, agg: ['sum'] }));

const DIRECT = INDICATORS.filter((i) => !i.formula);
const SERIES = [...DIRECT, ...ELEMENTS]; // what data.csv holds, in its order
const SERIES_BY_CODE = new Map(SERIES.map((s) => [s.code, s]));
const dpOf = (code) => SERIES_BY_CODE.get(code).dp ?? 1;
const maxOf = (code) => SERIES_BY_CODE.get(code).max ?? Number.POSITIVE_INFINITY;

function frameworkText() {
  const nodes = [
    ...AGGREGATES,
    ...INDICATORS.map((i) => ({
      code: i.code,
      name: i.name,
      parent: i.pillar,
      ...(i.direction === -1 ? { direction: -1 } : {}),
      unit: i.unit,
      ...(i.formula
        ? { numerator: i.formula[0], denominator: i.formula[1], factor: i.formula[2] }
        : {}),
    })),
  ];
  const doc = new Document({
    id: 'dti-province',
    name: 'Provincial digital transformation index (demo)',
    version: 1,
    description:
      "Modelled on Viet Nam's provincial DTI (Bộ chỉ số DTI): five foundation pillars and three " +
      'activity pillars, 40 indicators, min-max normalisation and arithmetic means (the defaults).',
    nodes,
  });
  // One line per aggregate; each indicator a block, under a comment naming its pillar.
  const items = doc.get('nodes').items;
  items.forEach((item, k) => {
    if (k < AGGREGATES.length) item.flow = true;
    const indicator = INDICATORS[k - AGGREGATES.length];
    if (indicator && indicator.pillar !== INDICATORS[k - AGGREGATES.length - 1]?.pillar) {
      item.commentBefore = ` ${AGGREGATES.find((a) => a.code === indicator.pillar).name}`;
      item.spaceBefore = true;
    }
  });
  doc.commentBefore =
    ' Generated by scripts/generate-demo.mjs: edit the generator, not this file.\n' +
    ' Indicators without a formula read the data series of their own code; the others are\n' +
    ' numerator / denominator * factor over data elements (see elements.csv).';
  return doc.toString({ lineWidth: 100 });
}

// ---------------------------------------------------------------------------------------------
// Province profiles and their series
// ---------------------------------------------------------------------------------------------

/** Approximate mid-2023 population in thousands, to give provinces plausible sizes. */
// biome-ignore format: a table, one row per line
const POPULATION_2023 = {
  '01': 8435, '02': 899, '04': 543, '06': 324, '08': 801, 10: 770, 11: 640, 12: 482, 14: 1300,
  15: 838, 17: 875, 19: 1336, 20: 802, 22: 1362, 24: 1922, 25: 1516, 26: 1197, 27: 1488, 30: 1946,
  31: 2097, 33: 1290, 34: 1878, 35: 878, 36: 1876, 37: 1011, 38: 3722, 40: 3442, 42: 1323, 44: 916,
  45: 650, 46: 1160, 48: 1245, 49: 1520, 51: 1245, 52: 1505, 54: 877, 56: 1253, 58: 598, 60: 1253,
  62: 580, 64: 1591, 66: 1918, 67: 670, 68: 1333, 70: 1040, 72: 1188, 74: 2763, 75: 3255, 77: 1181,
  79: 9389, 80: 1735, 82: 1790, 83: 1299, 84: 1019, 86: 1028, 87: 1600, 89: 1906, 91: 1750,
  92: 1253, 93: 730, 94: 1200, 95: 921, 96: 1207,
};

/** A province's DX level in [0, 1]: by region, with the known leaders and laggards set apart. */
const REGION_LEVEL = {
  'Red River Delta': 0.56,
  Southeast: 0.55,
  'North Central and Central Coast': 0.47,
  'Mekong River Delta': 0.42,
  'Central Highlands': 0.32,
  'Northern Midlands and Mountains': 0.3,
};
// biome-ignore format: a table, one row per line
const LEVEL = {
  48: 0.97, 22: 0.95, '01': 0.93, 79: 0.93, 46: 0.88, 27: 0.86, 31: 0.85, 74: 0.84, 19: 0.72,
  92: 0.72, 26: 0.7, 77: 0.7, 75: 0.68, 56: 0.66, '02': 0.15, '04': 0.18, '06': 0.2, 11: 0.15,
  12: 0.14, 14: 0.2, 62: 0.22, 67: 0.25,
};
const REGION_GROWTH = {
  'Red River Delta': 0.011,
  Southeast: 0.016,
  'North Central and Central Coast': 0.008,
  'Mekong River Delta': 0.002,
  'Central Highlands': 0.012,
  'Northern Midlands and Mountains': 0.012,
};

/** Persistent traits of each province: its level, its drift, and how it departs from its level
 * pillar by pillar and indicator by indicator (so series are smooth and provinces differ). */
function provinceProfiles(provinces, rng) {
  return new Map(
    provinces.map((p) => {
      const base = LEVEL[p.gso] ?? REGION_LEVEL[p.region];
      return [
        p.code,
        {
          level: clamp(base + 0.05 * normal(rng), 0.02, 1),
          drift: 0.015 * normal(rng),
          pillar: Object.fromEntries(AGGREGATES.map((a) => [a.code, 0.07 * normal(rng)])),
          indicator: Object.fromEntries(INDICATORS.map((i) => [i.code, 0.06 * normal(rng)])),
          income: 1 + 0.12 * normal(rng),
          growth: REGION_GROWTH[p.region] + 0.003 * normal(rng),
          officialsRate: 0.0032 * (1 + 0.1 * normal(rng)),
        },
      ];
    }),
  );
}

/** The value at level x in a year, between the bottom and top trajectories of the indicator. */
function trajectory(spec, x, year) {
  const from = spec.from ?? 2020;
  const s = (year - from) / (2026 - from);
  const lo = spec.lo[0] + (spec.lo[1] - spec.lo[0]) * s;
  const hi = spec.hi[0] + (spec.hi[1] - spec.hi[0]) * s;
  return spec.scale === 'log' ? lo * (hi / lo) ** x : lo + (hi - lo) * x;
}

/** The largest numerator a formula indicator with a maximum allows (ehr_people <= population). */
const numeratorCap = (spec, denominator) =>
  spec.max === undefined ? Number.POSITIVE_INFINITY : (denominator * spec.max) / spec.formula[2];

/** A store of (unit, series, year) -> value. */
const cell = (unit, series, year) => `${unit}\u0000${series}\u0000${year}`;

/** The sizes every formula divides by, for every year from 2020 to 2026. */
function generateSizes(values, p, profile, rng) {
  const pop2023 = POPULATION_2023[p.gso];
  const L = profile.level;
  const villages = Math.round((pop2023 * 1000) / (300 + 2500 * L * L));
  for (const year of ALL_YEARS) {
    const population = round(pop2023 * 1000 * (1 + profile.growth) ** (year - 2023), -2);
    const perCapita = (32 + 130 * L * L) * profile.income * 1.075 ** (year - 2020); // million VND
    const sizes = {
      population,
      households: Math.round(population / (3.9 - 0.8 * L)),
      grdp: round((population * perCapita) / 1000, 1),
      officials: Math.round(population * profile.officialsRate * (1 + 0.01 * normal(rng))),
      information_systems: Math.round(
        (30 + population / 20000) * (0.5 + L) * 1.06 ** (year - 2020),
      ),
      villages,
    };
    for (const [code, v] of Object.entries(sizes)) values.set(cell(p.code, code, year), v);
  }
}

/** Every indicator's series for a province, 2020-2026 (after 2024, as if it had not merged: the
 * merged provinces' values derive from these). A formula indicator is stored as its numerator. */
function generateIndicators(values, p, profile, rng) {
  for (const spec of INDICATORS) {
    for (const year of ALL_YEARS) {
      if (year < (spec.from ?? 2020)) continue;
      const x = clamp(
        profile.level +
          profile.pillar[spec.pillar] +
          profile.indicator[spec.code] +
          profile.drift * (year - 2022),
        0,
        1,
      );
      const v = clamp(
        trajectory(spec, x, year) * (1 + (spec.noise ?? 0.04) * normal(rng)),
        0,
        spec.max ?? Number.POSITIVE_INFINITY,
      );
      if (spec.formula) {
        const [numerator, denominator, factor] = spec.formula;
        const d = values.get(cell(p.code, denominator, year));
        const n = round((v * d) / factor, dpOf(numerator));
        values.set(cell(p.code, numerator, year), Math.min(n, numeratorCap(spec, d)));
      } else {
        values.set(cell(p.code, spec.code, year), round(v, spec.dp ?? 1));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Real figures (reported-figures.csv) as data points
// ---------------------------------------------------------------------------------------------

/**
 * The reported figures the demo holds as data, each derived from one row of reported-figures.csv
 * (checked to be there with that value). Tuyên Quang's 2022 and 2021 shares follow from the
 * note on its 2023 figure; Ninh Bình's GRDP is its reported GRDP per capita times a population set
 * to 1,010,000 for 2023 (synthetic, near the real one), so that grdp / population is exactly 88.03.
 */
const NINH_BINH_POPULATION_2023 = 1010000;
// biome-ignore format: a table, one row per line
const REAL_POINTS = [
  { unit: 'VN-08', series: 'de_grdp_share', period: 2023, figure: ['Tuyên Quang', '2023', 'digital economy share of GRDP (%)'],
    derive: (v) => v, source: 'reported: Tuyên Quang 2023, estimate' },
  { unit: 'VN-08', series: 'de_grdp_share', period: 2022, figure: ['Tuyên Quang', '2023', 'digital economy share of GRDP (%)'],
    derive: (v) => round(v - 0.17, 2), source: 'reported: Tuyên Quang 2023 (6.19, +0.17 points on 2022)' },
  { unit: 'VN-08', series: 'de_grdp_share', period: 2021, figure: ['Tuyên Quang', '2023', 'digital economy share of GRDP (%)'],
    derive: (v) => round(v - 0.35, 2), source: 'reported: Tuyên Quang 2023 (6.19, +0.35 points on 2021)' },
  { unit: 'VN-37', series: 'dt_enterprises', period: 2023, figure: ['Ninh Bình', '2023', 'digital technology enterprises'],
    derive: (v) => v, source: 'reported: Ninh Bình 2023' },
  { unit: 'VN-37', series: 'sme_platform_share', period: 2023, figure: ['Ninh Bình', '2023', 'SMEs using digital platforms (%)'],
    derive: (v) => v, source: 'reported: Ninh Bình 2023' },
  { unit: 'VN-37', series: 'grdp', period: 2023, figure: ['Ninh Bình', '2023', 'GRDP per capita (million VND)'],
    derive: (v) => round((v * NINH_BINH_POPULATION_2023) / 1000, 1),
    source: 'reported: Ninh Bình 2023, GRDP per capita 88.03 million VND times population' },
  { unit: 'VN-46', series: 'shared_data_tables', period: 2024,
    figure: ['Thừa Thiên Huế', '2024', 'sector database tables digitised on the shared platform'],
    derive: (v) => v, source: 'reported: Thừa Thiên Huế 2024, about' },
  { unit: 'VN-40', series: 'online_conference_points', period: 2023,
    figure: ['Nghệ An', '2023', 'conference points connected online'],
    derive: (v) => v, source: 'reported: Nghệ An 2023, districts towns and cities' },
];

/** The real points with their values, each checked against its row of reported-figures.csv. */
function realPoints(reported) {
  return REAL_POINTS.map((point) => {
    const [unit, period, figure] = point.figure;
    const row = reported.find((r) => r.unit === unit && r.period === period && r.figure === figure);
    if (!row) throw new Error(`reported-figures.csv has no "${figure}" for ${unit} ${period}`);
    return { ...point, value: point.derive(Number(row.value)), row };
  });
}

/**
 * Puts real values into a province's synthetic series: the real periods take the real value and
 * the other periods are scaled by the ratio at the nearest real period, so the series keeps its
 * synthetic shape around the real figures instead of jumping to and from them.
 */
function anchorSeries(values, unit, series, points) {
  const factors = points.map((p) => [p.period, p.value / values.get(cell(unit, series, p.period))]);
  for (const year of ALL_YEARS) {
    const v = values.get(cell(unit, series, year));
    if (v === undefined) continue;
    const [, factor] = factors.reduce((best, f) =>
      Math.abs(f[0] - year) < Math.abs(best[0] - year) ? f : best,
    );
    values.set(cell(unit, series, year), round(Math.min(v * factor, maxOf(series)), dpOf(series)));
  }
  for (const p of points) values.set(cell(unit, series, p.period), p.value);
}

function applyRealPoints(values, points) {
  // Ninh Bình's population is set first: its real GRDP is stated per head.
  anchorSeries(values, 'VN-37', 'population', [{ period: 2023, value: NINH_BINH_POPULATION_2023 }]);
  const groups = new Map(); // Map.groupBy is Node 21+; the repository supports Node 20
  for (const p of points) {
    const key = `${p.unit}\u0000${p.series}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const group of groups.values()) anchorSeries(values, group[0].unit, group[0].series, group);
}

/** A few values not reported (about 1%): only of indicators, never of the elements formulas
 * divide by, and never for the units whose plans are tracked (so their targets stay readable). */
function missingCells(rng, units, years, values, keep) {
  const missing = new Set();
  for (const unit of units) {
    for (const year of years) {
      for (const spec of DIRECT) {
        const key = cell(unit, spec.code, year);
        const draw = uniform(rng); // drawn for every cell, so the draws do not depend on `keep`
        if (values.has(key) && !keep.has(unit) && draw < 0.015) missing.add(key);
      }
    }
  }
  return missing;
}

// ---------------------------------------------------------------------------------------------
// Tuyên Quang's ranks: the reported ones, reached with the engine's own computation
// ---------------------------------------------------------------------------------------------

const TUNED_UNIT = 'VN-08';
/** Target ranks of Tuyên Quang (of 63). 2021 and 2022 are reported (DTI 58 then 48; 2022 pillars
 * 47, 54, 19); the other years are a plausible path around them, and synthetic. */
const TUNED_RANKS = {
  2020: { GOV: 61, ECO: 62, SOC: 38, DTI: 60 },
  2021: { GOV: 57, ECO: 58, SOC: 27, DTI: 58 },
  2022: { GOV: 47, ECO: 54, SOC: 19, DTI: 48 },
  2023: { GOV: 42, ECO: 52, SOC: 17, DTI: 43 },
  2024: { GOV: 38, ECO: 49, SOC: 15, DTI: 39 },
};

/** One year's data on the 63 provinces as an engine panel (a missing value is NaN). */
function panelOf(units, values, missing, year) {
  const series = SERIES.map((s) => s.code);
  const data = new Float64Array(series.length * units.length).fill(Number.NaN);
  series.forEach((s, j) => {
    units.forEach((u, k) => {
      const key = cell(u, s, year);
      const v = values.get(key);
      if (v !== undefined && !missing.has(key)) data[j * units.length + k] = v;
    });
  });
  return { units, series, periods: [String(year)], values: data };
}

/** A unit's rank on a node, computed as `dxmon compute` does by default (min-max to [0, 100],
 * arithmetic means, no imputation). */
function rankOf(tree, panel, node, unit) {
  const result = compute({ tree, panel });
  const at = tree.codes.indexOf(node) * panel.units.length + panel.units.indexOf(unit);
  return result.ranks[at];
}

/**
 * The tuned province's raw value of an indicator at quantile q of the other provinces' values
 * that year (q = 1 is the best, whatever the direction), written into the panel. Placing it among
 * the others' values, rather than between their minimum and maximum, keeps its values plausible
 * on skewed indicators.
 */
function placeIndicator(panel, spec, others, q) {
  const nu = panel.units.length;
  const u = panel.units.indexOf(TUNED_UNIT);
  const v = quantileSorted(others, spec.direction === -1 ? 1 - q : q);
  if (!spec.formula) {
    panel.values[panel.series.indexOf(spec.code) * nu + u] = round(v, spec.dp ?? 1);
    return;
  }
  const [numerator, denominator, factor] = spec.formula;
  const d = panel.values[panel.series.indexOf(denominator) * nu + u];
  panel.values[panel.series.indexOf(numerator) * nu + u] = round((v * d) / factor, dpOf(numerator));
}

/** The other provinces' raw values of an indicator in a panel, sorted (formulas evaluated). */
function othersSorted(panel, spec) {
  const nu = panel.units.length;
  const column = (code) =>
    panel.values.subarray(panel.series.indexOf(code) * nu, (panel.series.indexOf(code) + 1) * nu);
  const raw = spec.formula
    ? Array.from(
        column(spec.formula[0]),
        (n, k) => (n / column(spec.formula[1])[k]) * spec.formula[2],
      )
    : Array.from(column(spec.code));
  return raw
    .filter((v, k) => panel.units[k] !== TUNED_UNIT && Number.isFinite(v))
    .sort((a, b) => a - b);
}

/**
 * The middle of the interval of t in [0, 1] on which rankAt(t) is `target`; rankAt must not
 * increase with t (a better level never ranks worse).
 */
function solveRank(rankAt, target, what) {
  const [worst, best] = [rankAt(0), rankAt(1)];
  if (target > worst || target < best) {
    throw new Error(`${what}: rank ${target} is out of reach (ranks ${best} to ${worst})`);
  }
  // The lowest t ranking `goal` or better (t = 0 if even t = 0 does).
  const lowest = (goal) => {
    if (rankAt(0) <= goal) return 0;
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (rankAt(mid) <= goal) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const a = lowest(target);
  const t = target === best ? (a + 1) / 2 : (a + lowest(target - 1)) / 2;
  // Rounded values move in steps: a step can pass two provinces at once, skipping the target.
  return rankAt(t) === target ? t : Number.NaN;
}

/**
 * Replaces the tuned province's synthetic values, year by year, so that the engine ranks it as
 * reported: each pillar's indicators sit at one quantile of the other provinces' values (give or
 * take a fixed offset per indicator), chosen so that the pillar ranks as targeted; the foundations
 * share one quantile, chosen for the index's rank. Its real values are left as they are. Its 2025
 * and 2026 values (which its merged successor derives from) follow the tuned 2024 ones.
 */
function tuneRanks(tree, provinces, values, missing, rng) {
  const fixed = new Set(REAL_POINTS.filter((p) => p.unit === TUNED_UNIT).map((p) => p.series));
  const tuned = INDICATORS.filter((i) => !fixed.has(i.code) && !fixed.has(i.formula?.[0]));
  const offset = new Map(tuned.map((i) => [i.code, 0.2 * (uniform(rng) - 0.5)]));
  const stored = (i) => i.formula?.[0] ?? i.code;
  const before2024 = new Map(tuned.map((i) => [i, values.get(cell(TUNED_UNIT, stored(i), 2024))]));
  const ranks = {};
  for (const year of YEARS_63) {
    const panel = panelOf(provinces, values, missing, year);
    const others = new Map(tuned.map((i) => [i, othersSorted(panel, i)]));
    const place = (specs, jitter) => (t) => {
      for (const i of specs) {
        const q = clamp(t + offset.get(i.code) + (jitter.get(i.code) ?? 0), 0, 1);
        if (others.get(i).length > 0) placeIndicator(panel, i, others.get(i), q);
      }
    };
    const groups = [
      ['GOV', tuned.filter((i) => i.pillar === 'GOV')],
      ['ECO', tuned.filter((i) => i.pillar === 'ECO')],
      ['SOC', tuned.filter((i) => i.pillar === 'SOC')],
      ['DTI', tuned.filter((i) => FOUNDATIONS.has(i.pillar))],
    ];
    for (const [node, specs] of groups) {
      // When a rounding step skips the target rank, the offsets are nudged for this year only.
      let jitter = new Map();
      for (let attempt = 0; ; attempt++) {
        const set = place(specs, jitter);
        const rankAt = (level) => {
          set(level);
          return rankOf(tree, panel, node, TUNED_UNIT);
        };
        const t = solveRank(rankAt, TUNED_RANKS[year][node], `${TUNED_UNIT} ${node} ${year}`);
        if (!Number.isNaN(t)) {
          set(t);
          break;
        }
        if (attempt === 20)
          throw new Error(`${TUNED_UNIT} ${node} ${year}: no level gives the rank`);
        jitter = new Map(specs.map((i) => [i.code, 0.03 * normal(rng)]));
      }
    }
    ranks[year] = Object.fromEntries(
      ['DTI', 'GOV', 'ECO', 'SOC'].map((node) => [node, rankOf(tree, panel, node, TUNED_UNIT)]),
    );
    const u = provinces.indexOf(TUNED_UNIT);
    for (const i of tuned) {
      const v = panel.values[panel.series.indexOf(stored(i)) * provinces.length + u];
      if (!Number.isNaN(v)) values.set(cell(TUNED_UNIT, stored(i), year), v);
    }
  }
  for (const [i, synthetic2024] of before2024) {
    const tuned2024 = values.get(cell(TUNED_UNIT, stored(i), 2024));
    for (const year of YEARS_34) {
      const key = cell(TUNED_UNIT, stored(i), year);
      const v = synthetic2024 > 0 ? (values.get(key) * tuned2024) / synthetic2024 : tuned2024;
      const cap = i.formula
        ? numeratorCap(i, values.get(cell(TUNED_UNIT, i.formula[1], year)))
        : maxOf(i.code);
      values.set(key, round(Math.min(v, cap), dpOf(stored(i))));
    }
  }
  return ranks;
}

// ---------------------------------------------------------------------------------------------
// The 34 provinces of 2025: continuing ones keep their series, merged ones derive theirs
// ---------------------------------------------------------------------------------------------

/** A merged province's value from its predecessors', by the series' aggregation rule. */
function aggregateValue([rule, weightElement], vals, weights) {
  switch (rule) {
    case 'sum':
      return vals.reduce((a, b) => a + b, 0);
    case 'mean':
      return vals.reduce((a, b) => a + b, 0) / vals.length;
    case 'weighted_mean': {
      const total = weights.reduce((a, b) => a + b, 0);
      if (!(total > 0)) throw new Error(`no weight (${weightElement}) to average with`);
      return vals.reduce((a, v, k) => a + v * weights[k], 0) / total;
    }
    case 'min':
      return Math.min(...vals);
    case 'max':
      return Math.max(...vals);
    default:
      throw new Error(`unknown aggregation ${rule}`);
  }
}

/** The 2025 and 2026 values of the merged provinces, from their predecessors' series; averages
 * get a little noise of their own (a merged province is not exactly its parts' mean). */
function mergeProvinces(values, after, rng) {
  for (const p of after.filter((q) => !q.continuing)) {
    for (const year of YEARS_34) {
      for (const s of SERIES) {
        const vals = p.members.map((m) => values.get(cell(m, s.code, year)));
        if (vals.some((v) => v === undefined))
          throw new Error(`${s.code} ${year} missing for a predecessor of ${p.code}`);
        const weights = p.members.map((m) => values.get(cell(m, s.agg[1], year)) ?? 0);
        let v = aggregateValue(s.agg, vals, weights);
        if (s.agg[0] !== 'sum')
          v = clamp(v * (1 + 0.01 * normal(rng)), 0, s.max ?? Number.POSITIVE_INFINITY);
        values.set(cell(p.code, s.code, year), round(v, s.dp ?? 1));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Plans and targets
// ---------------------------------------------------------------------------------------------

const NB_ASSESSED = 2023;
const NB_ACHIEVED = 14;
/** Ninh Bình's 17 targets for 2025: 14 already met in 2023 (their value is set at or below the
 * 2023 value), 3 not (fixed values above it). */
const NB_TARGETS = [
  ...[
    'online_services_share',
    'online_files_share',
    'settlement_days',
    'overdue_files_share',
    'e_documents_share',
    'online_payment_share',
    'digitised_results_share',
    'einvoice_share',
    'mobile_4g5g_coverage',
    'fibre_villages_share',
    'eid_activation_share',
    'cashless_share',
    'smartphone_share',
    'officials_digital_skills_share',
  ].map((indicator) => ({ indicator })),
  { indicator: 'de_grdp_share', value: 20 },
  { indicator: 'sme_platform_share', value: 50 },
  { indicator: 'dt_enterprises', value: 300 },
];

/** The observations of a unit's series up to a year, oldest first (missing ones left out). */
function seriesOf(data, unit, indicator, until) {
  return data
    .filter(
      (r) =>
        r.unit === unit && r.indicator === indicator && Number(r.period) <= until && r.value !== '',
    )
    .map((r) => ({ year: Number(r.period), value: r.value }))
    .sort((a, b) => a.year - b.year);
}

/** A round target between the baseline and the latest value: met, and still a real step up. */
function roundTargetMet(baseline, latest, direction) {
  for (const step of [5, 1, 0.5, 0.1]) {
    const t = direction === 1 ? Math.floor(latest / step) * step : Math.ceil(latest / step) * step;
    if (direction * (t - baseline) > 0) return round(t, 1);
  }
  return latest;
}

function targetName(indicator, value, year) {
  const spec = SERIES_BY_CODE.get(indicator);
  const unit = spec.unit === '%' ? '%' : ` ${spec.unit}`;
  return `${spec.name}: ${spec.direction === -1 ? 'at most' : 'at least'} ${value}${unit} by ${year}`;
}

function ninhBinhTargets(data) {
  return NB_TARGETS.map(({ indicator, value }, k) => {
    const direction = SERIES_BY_CODE.get(indicator).direction ?? 1;
    const obs = seriesOf(data, 'VN-37', indicator, NB_ASSESSED);
    const [baseline, latest] = [obs[0], obs.at(-1)];
    const target = value ?? roundTargetMet(baseline.value, latest.value, direction);
    return {
      id: `NB-${String(k + 1).padStart(2, '0')}`,
      plan: 'NB-DX-2025',
      unit: 'VN-37',
      indicator,
      target_period: '2025',
      target_value: target,
      direction,
      baseline_period: String(baseline.year),
      baseline_value: '',
      name: targetName(indicator, target, 2025),
    };
  });
}

/** Whether a target is met by the latest value up to a year, as `dxmon targets` judges it. */
function achieved(data, t, until) {
  const latest = seriesOf(data, t.unit, t.indicator, Math.min(until, Number(t.target_period))).at(
    -1,
  );
  return latest !== undefined && t.direction * (latest.value - t.target_value) >= 0;
}

// biome-ignore format: a table, one row per line
const PLANS = [
  { id: '48-NQ/TU', unit: 'VN-08', adopted_on: '2021-11-15',
    name: 'Resolution 48-NQ/TU of the Tuyên Quang Provincial Party Committee on digital transformation to 2025, with a vision to 2030' },
  { id: 'NB-DX-2025', unit: 'VN-37', adopted_on: '2021-06-30',
    name: 'Ninh Bình digital transformation plan 2021-2025 (demo)' },
  { id: 'QN-DX-2025', unit: 'VN-22', adopted_on: '2021-08-20',
    name: 'Quảng Ninh digital transformation plan 2021-2025 (demo)' },
  { id: 'HCM-DX-2030', unit: 'VN25-79', adopted_on: '2025-10-01',
    name: 'Hồ Chí Minh City digital transformation plan 2026-2030 after the merger (demo)' },
];

/** [id, unit, indicator, target period, target value, baseline period, name or undefined]. */
// biome-ignore format: a table, one row per line
const OTHER_TARGETS = [
  ['TQ-DE-2025', '48-NQ/TU', 'VN-08', 'de_grdp_share', 2025, 20, '2021', 'Digital economy at 20% of GRDP by 2025'],
  ['TQ-DE-2030', '48-NQ/TU', 'VN-08', 'de_grdp_share', 2030, 30, '2021', 'Digital economy at 30% of GRDP by 2030'],
  ['TQ-ONLINE', '48-NQ/TU', 'VN-08', 'online_services_share', 2025, 80, '2021'],
  ['TQ-FILES', '48-NQ/TU', 'VN-08', 'online_files_share', 2025, 50, '2021'],
  ['TQ-DAYS', '48-NQ/TU', 'VN-08', 'settlement_days', 2025, 3, '2021'],
  ['TQ-EID', '48-NQ/TU', 'VN-08', 'eid_activation_share', 2025, 90, ''],
  ['TQ-CASH', '48-NQ/TU', 'VN-08', 'cashless_share', 2025, 50, '2021'],
  ['TQ-EINV', '48-NQ/TU', 'VN-08', 'einvoice_share', 2025, 100, '2021'],
  ['QN-FILES', 'QN-DX-2025', 'VN-22', 'online_files_share', 2025, 90, '2021'],
  ['QN-DE', 'QN-DX-2025', 'VN-22', 'de_grdp_share', 2025, 25, '2021'],
  ['QN-CASH', 'QN-DX-2025', 'VN-22', 'cashless_share', 2025, 80, '2021'],
  ['QN-SKILLS', 'QN-DX-2025', 'VN-22', 'digital_skills_share', 2025, 70, '2021'],
  ['HCM-DE', 'HCM-DX-2030', 'VN25-79', 'de_grdp_share', 2030, 40, '2025'],
  ['HCM-FILES', 'HCM-DX-2030', 'VN25-79', 'online_files_share', 2030, 95, '2025'],
  ['HCM-DAYS', 'HCM-DX-2030', 'VN25-79', 'settlement_days', 2030, 1.5, '2025'],
];

function targetRows(data) {
  const others = OTHER_TARGETS.map(([id, plan, unit, indicator, year, value, baseline, name]) => ({
    id,
    plan,
    unit,
    indicator,
    target_period: String(year),
    target_value: value,
    direction: SERIES_BY_CODE.get(indicator).direction ?? 1,
    baseline_period: baseline,
    baseline_value: '',
    name: name ?? targetName(indicator, value, year),
  }));
  const rows = [...others.slice(0, 8), ...ninhBinhTargets(data), ...others.slice(8)];
  for (const t of rows) {
    if (seriesOf(data, t.unit, t.indicator, 9999).length < 2)
      throw new Error(`target ${t.id} has too little data`);
  }
  const nb = rows.filter((t) => t.plan === 'NB-DX-2025');
  const met = nb.filter((t) => achieved(data, t, NB_ASSESSED)).length;
  if (nb.length !== 17 || met !== NB_ACHIEVED) {
    throw new Error(
      `Ninh Bình: ${met} of ${nb.length} targets achieved in ${NB_ASSESSED}, expected ${NB_ACHIEVED} of 17`,
    );
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The commune-level model and its data
// ---------------------------------------------------------------------------------------------

/** Criteria of the commune model. A yes/no indicator holds when the commune's latent DX level
 * passes `cut`; a measured one is `centre + slope * level` (slope < 0: lower is better). */
// biome-ignore format: a table, one row per line
const COMMUNE_CRITERIA = [
  { code: 'C01', indicator: 'c_portal', name: 'Commune e-portal in operation', op: '==', value: 1, mandatory: true, unit: 'yes/no', cut: -1.6 },
  { code: 'C02', indicator: 'c_dt_team', name: 'Community digital technology team established', op: '==', value: 1, mandatory: true, unit: 'yes/no', cut: -1.8 },
  { code: 'C03', indicator: 'c_online_files_share', name: 'Administrative files processed online', op: '>=', value: 50, mandatory: true, unit: '%', centre: 66, slope: 10 },
  { code: 'C04', indicator: 'c_eid_share', name: 'Residents with an activated electronic ID', op: '>=', value: 70, mandatory: false, unit: '%', centre: 74, slope: 8 },
  { code: 'C05', indicator: 'c_cashless_share', name: 'Residents using cashless payments', op: '>=', value: 40, mandatory: false, unit: '%', centre: 43, slope: 9 },
  { code: 'C06', indicator: 'c_settlement_days', name: 'Average days to settle an administrative file', op: '<=', value: 5, mandatory: false, unit: 'days', centre: 4.6, slope: -1 },
  { code: 'C07', indicator: 'c_ehr_share', name: 'Residents with an electronic health record', op: '>=', value: 60, mandatory: false, unit: '%', centre: 63, slope: 10 },
  { code: 'C08', indicator: 'c_fibre_villages_share', name: 'Villages with fibre-optic broadband', op: '>=', value: 80, mandatory: false, unit: '%', centre: 84, slope: 8 },
  { code: 'C09', indicator: 'c_officials_trained_share', name: 'Commune officials trained in digital skills', op: '>=', value: 80, mandatory: false, unit: '%', centre: 83, slope: 8 },
  { code: 'C10', indicator: 'c_overdue_files_share', name: 'Administrative files settled late', op: '<', value: 1, mandatory: false, unit: '%', centre: 0.9, slope: -0.4 },
];
const COMMUNE_OPTIONAL_MIN = 4;
const COMMUNE_YEARS = { 2022: -0.6, 2023: 0, 2024: 0.5 }; // the latent level's shift by year
const COMMUNE_TARGET = { year: 2023, meeting: 92 }; // reported: 92 communes (64.3%)

function communeModel() {
  return {
    id: 'commune-dx-model',
    version: '1.0',
    name: 'Commune-level digital transformation model',
    criteria: COMMUNE_CRITERIA.map(({ code, indicator, name, op, value, mandatory }) => ({
      code,
      indicator,
      name,
      op,
      value,
      mandatory,
    })),
    pass: { mandatory: 'all', optional_min: COMMUNE_OPTIONAL_MIN },
  };
}

/** Latent traits of the communes, their yearly noise and the values left unreported: drawn once,
 * so that shifting every commune's level (to calibrate) moves nothing else. */
function communeDraws(rng) {
  return communeCodes.map(() => ({
    level: normal(rng),
    criterion: COMMUNE_CRITERIA.map(() => 0.8 * normal(rng)),
    noise: Object.fromEntries(
      Object.keys(COMMUNE_YEARS).map((y) => [y, COMMUNE_CRITERIA.map(() => normal(rng))]),
    ),
    missing: Object.fromEntries(
      Object.keys(COMMUNE_YEARS).map((y) => [y, COMMUNE_CRITERIA.map(() => uniform(rng) < 0.012)]),
    ),
  }));
}

/** Every commune's value of every criterion's indicator in a year, with all levels shifted by
 * `shift`; undefined where not reported. Values rise with the shift (fall if lower is better). */
function communeValues(draws, year, shift) {
  return draws.map((d) =>
    COMMUNE_CRITERIA.map((c, k) => {
      if (d.missing[year][k]) return undefined;
      const z = d.level + d.criterion[k] + COMMUNE_YEARS[year] + shift;
      if (c.cut !== undefined) return z > c.cut ? 1 : 0;
      const v = c.centre + c.slope * (z + 0.15 * d.noise[year][k]);
      return round(
        clamp(v, c.unit === 'days' ? 0.5 : 0, c.unit === '%' ? 100 : 30),
        c.unit === '%' ? 1 : 2,
      );
    }),
  );
}

const OPS = {
  '>=': (v, t) => v >= t,
  '>': (v, t) => v > t,
  '<=': (v, t) => v <= t,
  '<': (v, t) => v < t,
  '==': (v, t) => v === t,
  '!=': (v, t) => v !== t,
};

/** Communes meeting the model: every mandatory criterion and at least optional_min optional ones
 * hold; a missing value fails its criterion. */
function communesMeeting(rows) {
  return rows.filter((values) => {
    const holds = COMMUNE_CRITERIA.map(
      (c, k) => values[k] !== undefined && OPS[c.op](values[k], c.value),
    );
    const mandatory = COMMUNE_CRITERIA.every((c, k) => !c.mandatory || holds[k]);
    const optional = COMMUNE_CRITERIA.filter((c, k) => !c.mandatory && holds[k]).length;
    return mandatory && optional >= COMMUNE_OPTIONAL_MIN;
  }).length;
}

/** The shift of all communes' levels that makes exactly the reported number meet the model:
 * the middle of the interval of shifts giving that count (the count rises with the shift). */
function calibrateCommunes(draws) {
  const { year, meeting } = COMMUNE_TARGET;
  const count = (shift) => communesMeeting(communeValues(draws, year, shift));
  const lowest = (goal) => {
    let [lo, hi] = [-4, 4];
    for (let i = 0; i < 50; i++) {
      const mid = (lo + hi) / 2;
      if (count(mid) >= goal) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const shift = (lowest(meeting) + lowest(meeting + 1)) / 2;
  const got = count(shift);
  if (got !== meeting)
    throw new Error(`communes meeting the model in ${year}: ${got}, expected ${meeting}`);
  return shift;
}

function communeData(rng) {
  const draws = communeDraws(rng);
  const shift = calibrateCommunes(draws);
  const rows = [];
  const meeting = {};
  for (const year of Object.keys(COMMUNE_YEARS)) {
    const values = communeValues(draws, year, shift);
    meeting[year] = communesMeeting(values);
    values.forEach((vs, i) => {
      COMMUNE_CRITERIA.forEach((c, k) => {
        rows.push({
          unit: communeCodes[i],
          indicator: c.indicator,
          period: year,
          value: vs[k] ?? '',
          source: 'synthetic',
        });
      });
    });
  }
  return { rows, meeting };
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

function elementRows() {
  const measured = SERIES.map((s) => ({
    code: s.code,
    name: s.name,
    unit_of_measure: s.unit,
    aggregation: s.agg[0],
    weight_element: s.agg[1] ?? '',
  }));
  // A merged commune has a portal or a team if any of its parts had one.
  const commune = COMMUNE_CRITERIA.map((c) => ({
    code: c.indicator,
    name: c.name,
    unit_of_measure: c.unit,
    aggregation: c.unit === 'yes/no' ? 'max' : 'mean',
    weight_element: '',
  }));
  return [...measured, ...commune];
}

/** data.csv: the 63 provinces from 2020 to 2024, the 34 in 2025 and 2026. */
function dataRows(before, after, values, missing, sources) {
  const rows = [];
  const add = (unit, years) => {
    for (const year of years) {
      for (const s of SERIES) {
        const key = cell(unit, s.code, year);
        if (!values.has(key)) continue;
        const isMissing = missing.has(key);
        rows.push({
          unit,
          indicator: s.code,
          period: String(year),
          value: isMissing ? '' : values.get(key),
          source: isMissing ? 'not reported' : (sources.get(key) ?? 'synthetic'),
        });
      }
    }
  };
  for (const p of before) add(p.code, YEARS_63);
  for (const p of after) add(p.code, YEARS_34);
  return rows;
}

const csv = (rows, columns) => stringifyCsv(rows, { header: true, columns });

function writeFiles(files) {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
}

/** 1010000 -> "1,010,000", whatever the locale. */
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function readme(facts) {
  const { counts, real, ranks, communes, nbMet } = facts;
  const realLines = real
    .map(
      (p) =>
        `| ${p.unit} | \`${p.series}\` | ${p.period} | ${p.value} | ${p.row.unit} ${p.row.period}: ${p.row.figure} = ${p.row.value}${p.row.note ? ` (${p.row.note})` : ''} |`,
    )
    .join('\n');
  const rankLines = Object.entries(ranks)
    .map(([y, r]) => `| ${y} | ${r.DTI} | ${r.GOV} | ${r.ECO} | ${r.SOC} |`)
    .join('\n');
  return `# Demo data: Viet Nam's provinces, a provincial DX index, targets and a commune model

Generated by \`scripts/generate-demo.mjs\`; do not edit these files by hand. To regenerate
(byte-identical output on every run):

\`\`\`sh
node scripts/generate-demo.mjs            # reads ../shared/data, writes data/demo
node scripts/generate-demo.mjs <shared-data-dir> <output-dir>
\`\`\`

The generator reads \`vn-provinces-2025.csv\` (the 63 -> 34 province mapping) and
\`reported-figures.csv\` (figures that provinces published), both in the shared data folder, and
needs the built engine (\`packages/engine/dist\`). All randomness comes from one seeded generator
(pure-rand's xoroshiro128+, seed ${SEED}); nothing uses \`Math.random\`.

**Most of the data is synthetic.** Real are: the provinces, their names, regions and the 2025
reform (mapping, dates); and the reported figures listed below. Every value in \`data.csv\` says
which it is in its \`source\` column: \`synthetic\`, \`reported: ...\` (with the report it comes
from), or \`not reported\` for an empty value.

## Files

| file | rows | what |
| --- | ---: | --- |
| \`units.csv\` | ${counts.units} | \`code,level,parent,name_en,name_vi,name_ar,region,valid_from,valid_to\`: the country \`VN\`; the 63 provinces of 2008-2025 (\`VN-<GSO code>\`, from 2008-08-01); the 23 provinces created on 2025-07-01 (\`VN25-<GSO code of the 2024 province whose name they took>\`); ${COMMUNE_COUNT} communes of Ninh Bình (\`VN-37-C001\`...) |
| \`lineage.csv\` | ${counts.lineage} | \`event,date,predecessor,successor,note\`: one \`merge\` on 2025-07-01 for each 2024 province that became part of a new 2025 province, the namesake included (\`VN-08\` -> \`VN25-08\`) |
| \`elements.csv\` | ${counts.elements} | \`code,name,unit_of_measure,aggregation,weight_element\`: every series read by the framework, the targets and the commune model, with the rule deriving a merged unit's value from its predecessors' (\`sum\`, \`mean\`, \`weighted_mean\` by \`weight_element\`, \`min\`, \`max\`) |
| \`framework.yaml\` | ${counts.nodes} nodes | \`dti-province\` v1: the provincial DX index (below) |
| \`data.csv\` | ${counts.data} | \`unit,indicator,period,value,source\`: the 63 provinces 2020-2024 and the 34 provinces 2025-2026, ${counts.missing} values empty (not reported) |
| \`plans.csv\` | ${counts.plans} | \`id,name,unit,adopted_on\` |
| \`targets.csv\` | ${counts.targets} | \`id,plan,unit,indicator,target_period,target_value,direction,baseline_period,baseline_value,name\` |
| \`commune-model.yaml\` | ${COMMUNE_CRITERIA.length} criteria | \`commune-dx-model\` v1.0: the commune-level DX model |
| \`commune-data.csv\` | ${counts.communeData} | \`unit,indicator,period,value,source\`: the communes' values for 2022-2024 (all synthetic) |

## Units and the 2025 reform

On 2025-07-01 the 63 provinces became 34 (${REFORM.note}).
A 2025 province made of one 2024 province continues it: it keeps its code and has no end date (11 of them; Thừa Thiên Huế, now
the city of Huế, is one, listed under its 2024 name). The other 23 are new units from
2025-07-01, each coded after the 2024 province whose name it took (Tuyên Quang = Hà Giang +
Tuyên Quang is \`VN25-08\`) and in that province's region; their predecessors end on 2025-06-30.
There are 63 provinces on 2024-12-31 and 34 on 2025-12-31.

English names are the Vietnamese ones without diacritics. **The Arabic names are informal
transliterations into Arabic script** (for the right-to-left interface), not official names.
The ${COMMUNE_COUNT} communes of Ninh Bình are **synthetic** ("Commune 001" / "Xã 001"); their number is
the one implied by Ninh Bình's report (92 communes are 64.3% of ${COMMUNE_COUNT}). Communes too were
reorganised on 2025-07-01, which is why they end on 2025-06-30.

## The index (framework.yaml)

Modelled on Viet Nam's provincial DTI: the index \`DTI\` averages the foundations \`FND\`
(awareness \`AWR\`, institutions \`INS\`, infrastructure, platforms and data \`INF\`, human
resources \`HRS\`, cybersecurity \`SEC\`) and the activities \`ACT\` (digital government \`GOV\`,
weighted 2; digital economy \`ECO\`; digital society \`SOC\`); ${INDICATORS.length} indicators with real-world
definitions, ${INDICATORS.filter((i) => i.direction === -1).length} of them lower-is-better, ${INDICATORS.filter((i) => i.formula).length} computed from data elements (e.g.
\`dt_enterprises_per_10k = dt_enterprises / population * 10000\`). Settings are the defaults:
min-max normalisation, arithmetic means, no imputation. The indicator set, the weights and every
value are the demo's own, not the official DTI's.

## The data (data.csv)

Synthetic values come from a profile per province: a DX level by region, higher for the urban
centres (Đà Nẵng, Quảng Ninh, Hà Nội, Hồ Chí Minh, Thừa Thiên Huế, Bắc Ninh, Hải Phòng, Bình
Dương...) and lower in the northern mountains; each pillar and indicator departs from it by a
fixed amount per province, every series trends upward from 2020 to 2026 with yearly noise, and
sizes (population, GRDP, households...) are plausible orders of magnitude, not statistics. The
electronic ID and community digital technology team series start in 2022, when those programmes
started. About 1% of indicator values are empty (not reported), never those of the elements that
formulas divide by, nor of the units whose plans are tracked.

The 2025 and 2026 values of a new province derive from its predecessors' series by the
aggregation rules of \`elements.csv\`: counts add up (population is the sum), shares are the
weighted mean of the predecessors' (by population, GRDP, officials... as listed) with a little
noise. Continuing provinces carry on their own series.

Tuyên Quang's (\`VN-08\`) synthetic values are tuned so that \`dxmon compute\` (default settings)
ranks it as reported in 2021 and 2022: each pillar's indicators are set at one quantile of the
other provinces' values that year, the quantile found by running the engine's own computation.
The other years follow a synthetic path. Ranks of \`VN-08\` among the 63 provinces:

| year | DTI | digital government | digital economy | digital society |
| --- | ---: | ---: | ---: | ---: |
${rankLines}

Reported (reported-figures.csv): 2022 DTI 48 (up 10 places on 2021's 58), digital government
47, digital economy 54, digital society 19.

### Real data points

| unit | series | period | value | reported figure |
| --- | --- | ---: | ---: | --- |
${realLines}

Their \`source\` in data.csv says "reported: ...". Tuyên Quang's 2022 and 2021 shares follow from
the note on the 2023 figure. Ninh Bình's GRDP is the reported GRDP per capita times its 2023
population, which is set to ${thousands(NINH_BINH_POPULATION_2023)} (synthetic, close to the real one) so that
\`grdp / population\` gives 88.03 million VND exactly. Around each real point the unit's synthetic
series is scaled to meet it.

Reported figures not held as data: the Ninh Sơn (Ninh Thuận) district figures of 2024 (the demo
has no district level; districts were abolished on 2025-07-01) and Ninh Bình's GRDP growth rank.
Two others shape the demo instead of being data points: Ninh Bình's "14 of 17 planned targets
met" (its demo plan below) and "92 communes (64.3%) meet the commune DX model v1.0" (the commune
data below). Tuyên Quang's 20% (2025) and 30% (2030) digital-economy targets are in targets.csv.

## Plans and targets

- \`48-NQ/TU\` (Tuyên Quang, \`VN-08\`, adopted 2021-11-15): the digital economy at 20% of GRDP by
  2025 and 30% by 2030 (real, from the resolution), with a 5.84-6.19% series well below the
  path to 20% (off track); its other targets are synthetic.
- \`NB-DX-2025\` (Ninh Bình, \`VN-37\`): 17 targets for 2025, of which ${nbMet} are achieved as of ${NB_ASSESSED} (the
  latest value up to ${NB_ASSESSED} meets the target), as Ninh Bình reported 14 of 17 socio-economic
  targets met; the plan and its targets are synthetic.
- \`QN-DX-2025\` (Quảng Ninh, \`VN-22\`, a continuing province with data to 2026) and
  \`HCM-DX-2030\` (the merged Hồ Chí Minh City, \`VN25-79\`, with data for 2025-2026 only, so
  assessed as of 2023 its targets have insufficient data): synthetic.

Lower-is-better targets (\`direction\` -1) bear on \`settlement_days\` and \`overdue_files_share\`.
Check: \`npx dxmon targets --data data/demo/data.csv --targets data/demo/targets.csv --as-of 2023 --format text\`.

## The commune model (commune-model.yaml, commune-data.csv)

A commune meets \`commune-dx-model\` v1.0 when all ${COMMUNE_CRITERIA.filter((c) => c.mandatory).length} mandatory criteria hold and at least
${COMMUNE_OPTIONAL_MIN} of the ${COMMUNE_CRITERIA.filter((c) => !c.mandatory).length} optional ones do; a missing value fails its criterion. Indicator codes start
with \`c_\`. The values are synthetic, calibrated so that ${communes[2023]} of ${COMMUNE_COUNT} communes
(${((communes[2023] / COMMUNE_COUNT) * 100).toFixed(1)}%) meet the model in 2023, as Ninh Bình reported; ${communes[2022]} meet it in 2022 and
${communes[2024]} in 2024. A few values are missing (not reported).
Check: \`npx dxmon criteria --model data/demo/commune-model.yaml --data data/demo/commune-data.csv --period 2023\`.
`;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function main() {
  const rng = randomStreams(SEED, ['profiles', 'series', 'missing', 'tuning', 'merge', 'communes']);
  const mapping = readCsv(join(sharedData, 'vn-provinces-2025.csv'));
  const reported = readCsv(join(sharedData, 'reported-figures.csv'));
  const provinces = provincesOf(mapping);
  const { before, after } = provinces;

  const units = unitRows(provinces);
  for (const [day, expected] of [
    ['2024-12-31', 63],
    ['2025-12-31', 34],
  ]) {
    const n = provincesOn(units, day);
    if (n !== expected) throw new Error(`${n} provinces on ${day}, expected ${expected}`);
  }

  const values = new Map();
  const profiles = provinceProfiles(before, rng.profiles);
  for (const p of before) {
    generateSizes(values, p, profiles.get(p.code), rng.series);
    generateIndicators(values, p, profiles.get(p.code), rng.series);
  }
  const real = realPoints(reported);
  applyRealPoints(values, real);
  const sources = new Map(real.map((p) => [cell(p.unit, p.series, p.period), p.source]));

  const planUnits = new Set(PLANS.map((p) => p.unit));
  const codes63 = before.map((p) => p.code);
  const missing = missingCells(rng.missing, codes63, YEARS_63, values, planUnits);

  const framework = frameworkText();
  const tree = frameworkTree(parseFramework(framework).framework);
  const ranks = tuneRanks(tree, codes63, values, missing, rng.tuning);

  mergeProvinces(values, after, rng.merge);
  const codes34 = after.map((p) => p.code);
  for (const key of missingCells(rng.missing, codes34, YEARS_34, values, planUnits))
    missing.add(key);

  const data = dataRows(before, after, values, missing, sources);
  const tq = seriesOf(data, 'VN-08', 'de_grdp_share', 2024);
  const onPath2024 = 5.84 + ((20 - 5.84) * 3) / 4; // straight from 2021 to 20% in 2025
  if (!(tq.at(-1).value < onPath2024))
    throw new Error("Tuyên Quang's digital economy share is on track");

  const targets = targetRows(data);
  const nbMet = targets.filter(
    (t) => t.plan === 'NB-DX-2025' && achieved(data, t, NB_ASSESSED),
  ).length;
  const communes = communeData(rng.communes);
  const elements = elementRows();

  const lineage = lineageRows(provinces);
  const counts = {
    units: units.length,
    lineage: lineage.length,
    elements: elements.length,
    nodes: AGGREGATES.length + INDICATORS.length,
    data: data.length,
    missing: data.filter((r) => r.value === '').length,
    plans: PLANS.length,
    targets: targets.length,
    communeData: communes.rows.length,
  };
  const dataColumns = ['unit', 'indicator', 'period', 'value', 'source'];
  writeFiles({
    'units.csv': csv(units, [
      'code',
      'level',
      'parent',
      'name_en',
      'name_vi',
      'name_ar',
      'region',
      'valid_from',
      'valid_to',
    ]),
    'lineage.csv': csv(lineage, ['event', 'date', 'predecessor', 'successor', 'note']),
    'elements.csv': csv(elements, [
      'code',
      'name',
      'unit_of_measure',
      'aggregation',
      'weight_element',
    ]),
    'framework.yaml': framework,
    'data.csv': csv(data, dataColumns),
    'plans.csv': csv(PLANS, ['id', 'name', 'unit', 'adopted_on']),
    'targets.csv': csv(targets, [
      'id',
      'plan',
      'unit',
      'indicator',
      'target_period',
      'target_value',
      'direction',
      'baseline_period',
      'baseline_value',
      'name',
    ]),
    'commune-model.yaml': `# Generated by scripts/generate-demo.mjs: edit the generator, not this file.\n${stringifyYaml(communeModel(), { lineWidth: 100 })}`,
    'commune-data.csv': csv(communes.rows, dataColumns),
    'README.md': readme({ counts, real, ranks, communes: communes.meeting, nbMet }),
  });
  console.log(
    JSON.stringify(
      {
        out: outDir,
        counts,
        ranks: { [TUNED_UNIT]: ranks },
        ninhBinhTargetsAchieved: `${nbMet} of 17 (${NB_ASSESSED})`,
        communesMeeting: communes.meeting,
      },
      null,
      1,
    ),
  );
}

main();
