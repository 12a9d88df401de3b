import type { TargetGrade, TargetStatus } from '@dxmon/engine';
import type { Language } from '../translations.js';
import { pluralOf } from './format.js';

export * from './format.js';

/**
 * Every piece of interface text a report shows, in English, Vietnamese and Arabic, for the HTML
 * and PDF renderers and the XLSX sheets alike. The statuses, column names and sentences the web
 * app also shows use its wording (packages/web/src/locales). Sentences are functions of figures
 * already formatted (format.ts), so that each language orders them its own way; a count that
 * decides a plural form comes as a number.
 */
export interface ReportLabels {
  lang: Language;
  dir: 'ltr' | 'rtl';
  document: {
    unitReport: string;
    planReport: string;
    contents: string;
    /** The watermark's word. */
    draft: string;
    /** The page header's mark of a draft: says DRAFT in every language. */
    draftMark: string;
    draftNotice: string;
    pageOf(page: string, pages: string): string;
    dataRevision(revision: string): string;
    producedWith: string;
  };
  sections: {
    headline: string;
    pillars: string;
    history: string;
    peers: string;
    whatLifts: string;
    plans: string;
    children: string;
    annex: string;
    methodology: string;
    provenance: string;
    statusCounts: string;
    targets: string;
    assessment: string;
  };
  /** Table headers, also the XLSX sheets' column headers. */
  columns: {
    period: string;
    score: string;
    rank: string;
    change: string;
    rankChange: string;
    unitsRanked: string;
    unit: string;
    code: string;
    level: string;
    region: string;
    framework: string;
    pillar: string;
    regionMean: string;
    nationalMean: string;
    indicator: string;
    now: string;
    assumedValue: string;
    scoreGain: string;
    newRank: string;
    plan: string;
    target: string;
    status: string;
    grade: string;
    baseline: string;
    latest: string;
    projected: string;
    targetValue: string;
    targetPeriod: string;
    requiredGrowth: string;
    observedGrowth: string;
    /** The forecast's probability of meeting the target by its period. */
    chance: string;
    direction: string;
    element: string;
    value: string;
    unitOfMeasure: string;
    source: string;
    evidence: string;
    state: string;
    updated: string;
    count: string;
    share: string;
    model: string;
    units: string;
    met: string;
    weight: string;
    derived: string;
    dataRevision: string;
    producedOn: string;
    adoptedOn: string;
    asOf: string;
  };
  status: Record<TargetStatus, string>;
  grade: Record<TargetGrade, string>;
  /** A status with its grade when it has one ("Off track: acceleration needed"). */
  statusWithGrade(status: TargetStatus, grade: TargetGrade | null): string;
  /** The approval state of a value. */
  state: Record<'draft' | 'submitted' | 'approved' | 'reopened', string>;
  direction: { higherBetter: string; lowerBetter: string };
  /** A level's name for `count` units of it ("communes", "xã, phường"); the code if unknown. */
  levelName(level: string, count: number): string;
  headline: {
    outOf(units: string): string;
    summary(unit: string, rank: string, units: string, framework: string, period: string): string;
    notRanked: string;
    since(period: string): string;
    /** Places gained (positive: up) since the previous period. */
    places(change: number, formatted: string): string;
    noPrevious: string;
    rankInterval: string;
    intervalNote(median: string, runs: string): string;
    noInterval: string;
    derived(period: string, units: string): string;
    formedFrom(date: string, units: string): string;
  };
  pillars: { chart: string; none: string };
  history: { chart: string; derivedNote: string; none: string };
  peers: {
    allUnits: string;
    position(place: string, count: string, region: string): string;
    chart: string;
  };
  whatLifts: { intro: string; none: string };
  plans: {
    none: string;
    noTargets: string;
    adopted(date: string): string;
    scorecard(achieved: number, total: number, format: (n: number) => string): string;
    growthNote: string;
  };
  children: {
    criteriaMet(
      met: string,
      units: string,
      count: number,
      share: string,
      level: string,
      model: string,
    ): string;
    noCriteria: string;
    ranking(level: string): string;
    noRanking: string;
  };
  annex: { intro(period: string): string; none: string };
  methodology: {
    intro(framework: string, version: string): string;
    normalisationName: Record<string, string>;
    aggregationName: Record<string, string>;
    normalisation(method: string, low: string, high: string): string;
    aggregation(method: string): string;
    minmaxFormula: string;
    minmaxWhere(low: string, high: string): string;
    meanFormula: string;
    meanWhere: string;
    weights: string;
    dataThreshold(share: string | null): string;
    ranking: string;
    uncertainty(
      runs: string,
      seed: string,
      spread: string,
      normalise: string,
      aggregate: string,
    ): string;
    noUncertainty: string;
  };
  provenance: {
    revision(revision: string, date: string): string;
    approvedOnly: string;
    draftValues: string;
    produced: string;
  };
  plan: {
    asOf(period: string): string;
    noAssessment: string;
    total: string;
    assessment: string;
    observed: string;
    projection: string;
    target: string;
    chart(name: string): string;
    /** The forecast's median line and its 80% and 95% intervals on the target's chart. */
    forecast: string;
    band80: string;
    band95: string;
    /** Why a target has no probability: too few observations, or a period not after the data. */
    tooFew(count: number): string;
    pastPeriod: string;
    noForecast: string;
    forecastNote: string;
  };
}

const listSeparator: Record<Language, string> = { en: ', ', vi: ', ', ar: '، ' };

/** Names joined the reader's way ("A, B", "A، B"). */
export function joinNames(names: readonly string[], lang: Language): string {
  return names.join(listSeparator[lang]);
}

const levelsEn: Record<string, [string, string]> = {
  country: ['country', 'countries'],
  province: ['province', 'provinces'],
  district: ['district', 'districts'],
  commune: ['commune', 'communes'],
};
const levelsVi: Record<string, string> = {
  country: 'quốc gia',
  province: 'tỉnh, thành phố',
  district: 'quận, huyện',
  commune: 'xã, phường',
};
/** Arabic levels: one ("مقاطعة"), and the definite plural ("البلديات") the sentences use. */
const levelsAr: Record<string, [string, string]> = {
  country: ['دولة', 'الدول'],
  province: ['مقاطعة', 'المقاطعات'],
  district: ['منطقة', 'المناطق'],
  commune: ['بلدية', 'البلديات'],
};

const normalisationEn: Record<string, string> = {
  minmax: 'min–max',
  zscore: 'z-scores',
  goalposts: 'goalposts',
  rank: 'ranks',
  'distance-to-target': 'distance to target',
  threshold: 'threshold',
};
const normalisationVi: Record<string, string> = {
  minmax: 'min–max',
  zscore: 'điểm chuẩn z',
  goalposts: 'ngưỡng cố định (goalposts)',
  rank: 'thứ hạng',
  'distance-to-target': 'khoảng cách tới mục tiêu',
  threshold: 'ngưỡng đạt',
};
const normalisationAr: Record<string, string> = {
  minmax: 'الحد الأدنى والأقصى (min–max)',
  zscore: 'الدرجات المعيارية (z)',
  goalposts: 'الحدود المرجعية الثابتة',
  rank: 'الرتب',
  'distance-to-target': 'المسافة إلى الهدف',
  threshold: 'العتبة',
};
const aggregationEn: Record<string, string> = {
  arithmetic: 'weighted arithmetic mean',
  geometric: 'weighted geometric mean',
  harmonic: 'weighted harmonic mean',
  generalised: 'weighted generalised mean',
};
const aggregationVi: Record<string, string> = {
  arithmetic: 'trung bình cộng có trọng số',
  geometric: 'trung bình nhân có trọng số',
  harmonic: 'trung bình điều hòa có trọng số',
  generalised: 'trung bình tổng quát có trọng số',
};
const aggregationAr: Record<string, string> = {
  arithmetic: 'الوسط الحسابي المرجّح',
  geometric: 'الوسط الهندسي المرجّح',
  harmonic: 'الوسط التوافقي المرجّح',
  generalised: 'الوسط المعمّم المرجّح',
};

/** "Off track: acceleration needed", from a language's statuses and grades. */
function withGrade(
  status: Record<TargetStatus, string>,
  grade: Record<TargetGrade, string>,
): (s: TargetStatus, g: TargetGrade | null) => string {
  return (s, g) => (g ? `${status[s]}: ${grade[g]}` : status[s]);
}

const statusEn: Record<TargetStatus, string> = {
  achieved: 'Achieved',
  'on-track': 'On track',
  'off-track': 'Off track',
  regressing: 'Regressing',
  'insufficient-data': 'Insufficient data',
};
const gradeEn: Record<TargetGrade, string> = {
  'acceleration-needed': 'acceleration needed',
  limited: 'limited progress',
};

const statusVi: Record<TargetStatus, string> = {
  achieved: 'Đã đạt',
  'on-track': 'Đúng tiến độ',
  'off-track': 'Chậm tiến độ',
  regressing: 'Đi xuống',
  'insufficient-data': 'Thiếu dữ liệu',
};
const gradeVi: Record<TargetGrade, string> = {
  'acceleration-needed': 'cần tăng tốc',
  limited: 'tiến triển hạn chế',
};

const statusAr: Record<TargetStatus, string> = {
  achieved: 'تحقق',
  'on-track': 'على المسار',
  'off-track': 'خارج المسار',
  regressing: 'في تراجع',
  'insufficient-data': 'بيانات غير كافية',
};
const gradeAr: Record<TargetGrade, string> = {
  'acceleration-needed': 'يلزم التسريع',
  limited: 'تقدم محدود',
};

const en: ReportLabels = {
  lang: 'en',
  dir: 'ltr',
  document: {
    unitReport: 'Digital transformation report',
    planReport: 'Plan review report',
    contents: 'Contents',
    draft: 'DRAFT',
    draftMark: 'DRAFT',
    draftNotice:
      'Draft: this document includes values that are not yet approved. It is not for publication.',
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    dataRevision: (revision) => `Data revision ${revision}`,
    producedWith: 'Produced with dxmon',
  },
  sections: {
    headline: 'Summary',
    pillars: 'Pillars',
    history: 'Score and rank over time',
    peers: 'Among the units of the region',
    whatLifts: 'What lifts this unit most',
    plans: 'Plans and targets',
    children: 'Units below',
    annex: 'Data annex',
    methodology: 'Methodology',
    provenance: 'Data revision and production',
    statusCounts: 'Targets by status',
    targets: 'Targets',
    assessment: 'How targets are assessed',
  },
  columns: {
    period: 'Period',
    score: 'Score',
    rank: 'Rank',
    change: 'Change',
    rankChange: 'Rank change',
    unitsRanked: 'Units ranked',
    unit: 'Unit',
    code: 'Code',
    level: 'Level',
    region: 'Region',
    framework: 'Framework',
    pillar: 'Pillar',
    regionMean: 'Region mean',
    nationalMean: 'National mean',
    indicator: 'Indicator',
    now: 'Now',
    assumedValue: 'Assumed value',
    scoreGain: 'Score gain',
    newRank: 'New rank',
    plan: 'Plan',
    target: 'Target',
    status: 'Status',
    grade: 'Grade',
    baseline: 'Baseline',
    latest: 'Latest',
    projected: 'Projected',
    targetValue: 'Target value',
    targetPeriod: 'Target period',
    requiredGrowth: 'Required growth a year',
    observedGrowth: 'Observed growth a year',
    chance: 'Chance of meeting',
    direction: 'Direction',
    element: 'Data element',
    value: 'Value',
    unitOfMeasure: 'Unit of measure',
    source: 'Source',
    evidence: 'Evidence link',
    state: 'Approval',
    updated: 'Updated',
    count: 'Targets',
    share: 'Share',
    model: 'Criteria model',
    units: 'Units',
    met: 'Met',
    weight: 'Weight',
    derived: 'Derived',
    dataRevision: 'Data revision',
    producedOn: 'Produced on',
    adoptedOn: 'Adopted on',
    asOf: 'Assessed as of',
  },
  status: statusEn,
  grade: gradeEn,
  statusWithGrade: withGrade(statusEn, gradeEn),
  state: { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', reopened: 'Reopened' },
  direction: { higherBetter: 'higher is better', lowerBetter: 'lower is better' },
  levelName: (level, count) => {
    const names = levelsEn[level];
    if (!names) return level;
    return count === 1 ? names[0] : names[1];
  },
  headline: {
    outOf: (units) => `of ${units}`,
    summary: (unit, rank, units, framework, period) =>
      `${unit} ranks ${rank} of ${units} in the ${framework} for ${period}.`,
    notRanked: 'not ranked',
    since: (period) => `since ${period}`,
    places: (change, n) =>
      change === 0
        ? 'the same rank'
        : `${change > 0 ? 'up' : 'down'} ${n} ${Math.abs(change) === 1 ? 'place' : 'places'}`,
    noPrevious: 'no earlier period to compare with',
    rankInterval: 'Rank interval',
    intervalNote: (median, runs) => `5th to 95th percentile of ${runs} runs; median ${median}`,
    noInterval: 'not computed for this period',
    derived: (period, units) =>
      `The figures of ${period} are combined from the units this unit was formed from (${units}).`,
    formedFrom: (date, units) => `Formed on ${date} from ${units}.`,
  },
  pillars: {
    chart: 'Pillar scores against the region and national means',
    none: 'The framework has no pillars with scores in this period.',
  },
  history: {
    chart:
      'Score (above) and rank (below, 1 at the top) by period; shaded periods are derived from predecessors',
    derivedNote:
      'Derived from predecessors: the unit did not exist yet; its figures combine those of the units it was formed from.',
    none: 'No scores in any period.',
  },
  peers: {
    allUnits: 'all units',
    position: (place, count, region) => `Within ${region}: place ${place} of ${count}.`,
    chart: "Scores of the region's units; national rank beside each name",
  },
  whatLifts: {
    intro:
      "Each row moves one indicator from its current value to the assumed one, closing part of the gap to the best performer, and recomputes the whole index (every unit's scores, normalisation bounds included).",
    none: 'No single indicator would raise the score.',
  },
  plans: {
    none: 'No plan covers this unit.',
    noTargets: 'This plan has no targets.',
    adopted: (date) => `adopted ${date}`,
    scorecard: (achieved, total, n) =>
      `${n(achieved)} of ${n(total)} ${total === 1 ? 'target' : 'targets'} achieved`,
    growthNote:
      'Growth rates are a year: required is what the target needs from the baseline to be reached on time; observed is the growth from the baseline to the latest value.',
  },
  children: {
    criteriaMet: (met, units, count, share, level, model) =>
      `${met} of ${units} ${level} (${share}) ${count === 1 ? 'meets' : 'meet'} ${model}.`,
    noCriteria: 'No criteria model applies to these units.',
    ranking: (level) => `Ranking of the ${level}`,
    noRanking: 'These units are not ranked in this framework and period.',
  },
  annex: {
    intro: (period) =>
      `Each raw value behind the figures of ${period}, with its source, evidence and approval state.`,
    none: 'No values recorded.',
  },
  methodology: {
    intro: (framework, version) =>
      `The ${framework} (version ${version}) is a composite index: its indicators are normalised to a common scale, then combined with weights, pillar by pillar, up to the index.`,
    normalisationName: normalisationEn,
    aggregationName: aggregationEn,
    normalisation: (method, low, high) =>
      method === 'minmax'
        ? `Normalisation: min–max, to the range ${low}–${high}. For indicators where lower is better the scale is reversed, so that a higher score is always better.`
        : `Normalisation: ${normalisationEn[method] ?? method}.`,
    aggregation: (method) =>
      `Aggregation: each pillar's score and the index are the ${aggregationEn[method] ?? method} of their components' scores.`,
    minmaxFormula: 'Min–max normalisation',
    minmaxWhere: (low, high) =>
      `where y is a unit's score on the indicator, x its value, min and max the lowest and highest values among the units in the period, and ${low} and ${high} the bounds of the range.`,
    meanFormula: 'Weighted arithmetic mean',
    meanWhere: "where xᵢ are the components' scores and wᵢ their weights.",
    weights: "Weights of the index's components:",
    dataThreshold: (share) =>
      share === null
        ? 'A missing component is left out of the mean and the remaining weights are rescaled.'
        : `A score is computed only when at least ${share} of its components have a score; otherwise it is missing. A missing component is left out of the mean and the remaining weights are rescaled.`,
    ranking: 'Units are ranked by score, 1 being the highest; equal scores share a rank.',
    uncertainty: (runs, seed, spread, normalise, aggregate) =>
      `The rank interval comes from ${runs} runs of the index in which every weight varies by up to ±${spread} and the normalisation (${normalise}) and aggregation (${aggregate}) methods vary (random seed ${seed}). It runs from the 5th to the 95th percentile of the unit's ranks.`,
    noUncertainty: 'No uncertainty analysis was run for this period, so the rank has no interval.',
  },
  provenance: {
    revision: (revision, date) => `The figures come from data revision ${revision} of ${date}.`,
    approvedOnly: 'Only approved values are used.',
    draftValues: "This draft also includes the requesting user's values that are not yet approved.",
    produced:
      'Produced by dxmon from these figures; the same data revision always gives the same document.',
  },
  plan: {
    asOf: (period) => `Targets assessed with the data up to ${period}.`,
    noAssessment: 'No data yet to assess the targets with.',
    total: 'Total',
    assessment:
      'Required growth is the annual growth needed from the baseline to reach the target on time; observed growth is the annual growth from the baseline to the latest value; the projection continues the observed growth to the target period. Their ratio, observed over required, sets the status: achieved when the latest value reaches the target; on track at 95% or more; off track from 0 to 95% (acceleration needed from 60%, limited progress below); regressing when moving away from the target; insufficient data without a baseline and a later value.',
    observed: 'Observed',
    projection: 'Projection',
    target: 'Target',
    chart: (name) => `Progress chart of the target: ${name}`,
    forecast: 'Forecast',
    band80: '80% interval',
    band95: '95% interval',
    tooFew: (count) =>
      `too little data to forecast (${count} observation${count === 1 ? '' : 's'}; at least 3 needed)`,
    pastPeriod: 'no forecast: the target period is not after the latest data',
    noForecast: 'no forecast',
    forecastNote:
      "The chance of meeting each target comes from dxmon's forecast: four trend models (compound growth, a line, a line on logarithms, a damped trend) fitted to the unit's own series, weighted by how well each forecast its later years, with 80% and 95% prediction intervals (the bands on each chart). It stands beside Open SDG's status, which projects the observed growth without saying how sure it is.",
  },
};

const vi: ReportLabels = {
  lang: 'vi',
  dir: 'ltr',
  document: {
    unitReport: 'Báo cáo chuyển đổi số',
    planReport: 'Báo cáo đánh giá kế hoạch',
    contents: 'Mục lục',
    draft: 'BẢN NHÁP',
    draftMark: 'BẢN NHÁP (DRAFT)',
    draftNotice: 'Bản nháp: tài liệu này có số liệu chưa được phê duyệt, không dùng để công bố.',
    pageOf: (page, pages) => `Trang ${page}/${pages}`,
    dataRevision: (revision) => `Phiên bản dữ liệu ${revision}`,
    producedWith: 'Lập bằng dxmon',
  },
  sections: {
    headline: 'Tóm tắt',
    pillars: 'Các trụ cột',
    history: 'Điểm và thứ hạng qua các năm',
    peers: 'So với các đơn vị trong vùng',
    whatLifts: 'Điều gì nâng hạng đơn vị này nhiều nhất',
    plans: 'Kế hoạch và mục tiêu',
    children: 'Các đơn vị cấp dưới',
    annex: 'Phụ lục số liệu',
    methodology: 'Phương pháp tính',
    provenance: 'Phiên bản dữ liệu và thời điểm lập',
    statusCounts: 'Mục tiêu theo tình trạng',
    targets: 'Các mục tiêu',
    assessment: 'Cách đánh giá mục tiêu',
  },
  columns: {
    period: 'Kỳ',
    score: 'Điểm',
    rank: 'Hạng',
    change: 'Thay đổi',
    rankChange: 'Thay đổi hạng',
    unitsRanked: 'Số đơn vị xếp hạng',
    unit: 'Đơn vị',
    code: 'Mã',
    level: 'Cấp',
    region: 'Vùng',
    framework: 'Bộ chỉ số',
    pillar: 'Trụ cột',
    regionMean: 'Trung bình vùng',
    nationalMean: 'Trung bình cả nước',
    indicator: 'Chỉ tiêu',
    now: 'Hiện tại',
    assumedValue: 'Giá trị giả định',
    scoreGain: 'Điểm tăng thêm',
    newRank: 'Hạng mới',
    plan: 'Kế hoạch',
    target: 'Mục tiêu',
    status: 'Tình trạng',
    grade: 'Mức độ',
    baseline: 'Giá trị gốc',
    latest: 'Mới nhất',
    projected: 'Dự báo',
    targetValue: 'Giá trị mục tiêu',
    targetPeriod: 'Kỳ mục tiêu',
    requiredGrowth: 'Tăng trưởng cần đạt mỗi năm',
    observedGrowth: 'Tăng trưởng thực tế mỗi năm',
    chance: 'Khả năng đạt',
    direction: 'Chiều',
    element: 'Dữ liệu thành phần',
    value: 'Giá trị',
    unitOfMeasure: 'Đơn vị tính',
    source: 'Nguồn',
    evidence: 'Đường dẫn minh chứng',
    state: 'Phê duyệt',
    updated: 'Cập nhật',
    count: 'Số mục tiêu',
    share: 'Tỷ lệ',
    model: 'Bộ tiêu chí',
    units: 'Số đơn vị',
    met: 'Đạt',
    weight: 'Trọng số',
    derived: 'Tính từ đơn vị trước',
    dataRevision: 'Phiên bản dữ liệu',
    producedOn: 'Ngày lập',
    adoptedOn: 'Ngày ban hành',
    asOf: 'Đánh giá đến kỳ',
  },
  status: statusVi,
  grade: gradeVi,
  statusWithGrade: withGrade(statusVi, gradeVi),
  state: { draft: 'Nháp', submitted: 'Đã gửi', approved: 'Đã duyệt', reopened: 'Đã mở lại' },
  direction: { higherBetter: 'càng cao càng tốt', lowerBetter: 'càng thấp càng tốt' },
  levelName: (level) => levelsVi[level] ?? level,
  headline: {
    outOf: (units) => `trên ${units}`,
    summary: (unit, rank, units, framework, period) =>
      `${unit} xếp hạng ${rank}/${units} theo ${framework} kỳ ${period}.`,
    notRanked: 'không xếp hạng',
    since: (period) => `so với ${period}`,
    places: (change, n) =>
      change === 0 ? 'giữ nguyên thứ hạng' : `${change > 0 ? 'tăng' : 'giảm'} ${n} bậc`,
    noPrevious: 'không có kỳ trước để so sánh',
    rankInterval: 'Khoảng thứ hạng',
    intervalNote: (median, runs) =>
      `bách phân vị thứ 5 đến thứ 95 của ${runs} lần tính; trung vị ${median}`,
    noInterval: 'chưa tính cho kỳ này',
    derived: (period, units) =>
      `Số liệu kỳ ${period} được tổng hợp từ các đơn vị hợp thành đơn vị này (${units}).`,
    formedFrom: (date, units) => `Thành lập ngày ${date} từ ${units}.`,
  },
  pillars: {
    chart: 'Điểm các trụ cột so với trung bình vùng và cả nước',
    none: 'Bộ chỉ số không có trụ cột nào có điểm trong kỳ này.',
  },
  history: {
    chart:
      'Điểm (phía trên) và thứ hạng (phía dưới, hạng 1 ở trên cùng) theo kỳ; các kỳ tô nền được tính từ các đơn vị trước hợp nhất',
    derivedNote:
      'Tính từ các đơn vị trước hợp nhất: khi đó đơn vị chưa được thành lập; số liệu tổng hợp từ các đơn vị hợp thành.',
    none: 'Chưa có điểm ở kỳ nào.',
  },
  peers: {
    allUnits: 'tất cả các đơn vị',
    position: (place, count, region) => `Trong ${region}: vị trí ${place}/${count}.`,
    chart: 'Điểm của các đơn vị trong vùng; thứ hạng cả nước bên cạnh tên',
  },
  whatLifts: {
    intro:
      'Mỗi dòng đưa một chỉ tiêu từ giá trị hiện tại lên giá trị giả định, thu hẹp một phần khoảng cách tới đơn vị tốt nhất, rồi tính lại toàn bộ chỉ số (điểm của mọi đơn vị, kể cả các ngưỡng chuẩn hóa).',
    none: 'Không có chỉ tiêu riêng lẻ nào làm tăng điểm.',
  },
  plans: {
    none: 'Chưa có kế hoạch nào áp dụng cho đơn vị này.',
    noTargets: 'Kế hoạch này chưa có mục tiêu.',
    adopted: (date) => `ban hành ${date}`,
    scorecard: (achieved, total, n) => `Đạt ${n(achieved)}/${n(total)} mục tiêu`,
    growthNote:
      'Tốc độ tăng trưởng tính theo năm: mức cần đạt là mức mục tiêu đòi hỏi từ năm gốc để về đích đúng hạn; mức thực tế là tăng trưởng từ năm gốc đến giá trị mới nhất.',
  },
  children: {
    criteriaMet: (met, units, _count, share, level, model) =>
      `${met}/${units} ${level} (${share}) đạt ${model}.`,
    noCriteria: 'Không có bộ tiêu chí nào áp dụng cho các đơn vị này.',
    ranking: (level) => `Xếp hạng các ${level}`,
    noRanking: 'Các đơn vị này không được xếp hạng theo bộ chỉ số và kỳ này.',
  },
  annex: {
    intro: (period) =>
      `Từng số liệu gốc dùng để tính kỳ ${period}, kèm nguồn, minh chứng và trạng thái phê duyệt.`,
    none: 'Chưa có số liệu.',
  },
  methodology: {
    intro: (framework, version) =>
      `${framework} (phiên bản ${version}) là chỉ số tổng hợp: các chỉ tiêu được chuẩn hóa về cùng một thang đo, rồi tổng hợp có trọng số theo từng trụ cột lên đến chỉ số chung.`,
    normalisationName: normalisationVi,
    aggregationName: aggregationVi,
    normalisation: (method, low, high) =>
      method === 'minmax'
        ? `Chuẩn hóa: phương pháp min–max, về thang ${low}–${high}. Với chỉ tiêu càng thấp càng tốt, thang đo được đảo ngược để điểm cao hơn luôn là tốt hơn.`
        : `Chuẩn hóa: phương pháp ${normalisationVi[method] ?? method}.`,
    aggregation: (method) =>
      `Tổng hợp: điểm của mỗi trụ cột và của chỉ số là ${aggregationVi[method] ?? method} điểm các thành phần.`,
    minmaxFormula: 'Chuẩn hóa min–max',
    minmaxWhere: (low, high) =>
      `trong đó y là điểm của đơn vị ở chỉ tiêu, x là giá trị chỉ tiêu của đơn vị, min và max là giá trị nhỏ nhất và lớn nhất trong các đơn vị của kỳ, ${low} và ${high} là hai đầu của thang đo.`,
    meanFormula: 'Trung bình cộng có trọng số',
    meanWhere: 'trong đó xᵢ là điểm các thành phần và wᵢ là trọng số của chúng.',
    weights: 'Trọng số các thành phần của chỉ số:',
    dataThreshold: (share) =>
      share === null
        ? 'Thành phần thiếu điểm được bỏ qua khi tính trung bình và các trọng số còn lại được chia lại theo tỷ lệ.'
        : `Điểm chỉ được tính khi ít nhất ${share} số thành phần có điểm; nếu không, điểm để trống. Thành phần thiếu điểm được bỏ qua khi tính trung bình và các trọng số còn lại được chia lại theo tỷ lệ.`,
    ranking:
      'Các đơn vị được xếp hạng theo điểm, hạng 1 là điểm cao nhất; điểm bằng nhau thì cùng hạng.',
    uncertainty: (runs, seed, spread, normalise, aggregate) =>
      `Khoảng thứ hạng có được từ ${runs} lần tính lại chỉ số, trong đó mỗi trọng số thay đổi tới ±${spread}, phương pháp chuẩn hóa (${normalise}) và phương pháp tổng hợp (${aggregate}) cũng thay đổi (hạt giống ngẫu nhiên ${seed}). Khoảng này đi từ bách phân vị thứ 5 đến thứ 95 của các thứ hạng của đơn vị.`,
    noUncertainty: 'Kỳ này chưa chạy phân tích độ bất định nên thứ hạng không có khoảng tin cậy.',
  },
  provenance: {
    revision: (revision, date) => `Số liệu lấy từ phiên bản dữ liệu ${revision} ngày ${date}.`,
    approvedOnly: 'Chỉ dùng số liệu đã được phê duyệt.',
    draftValues: 'Bản nháp này có cả số liệu chưa được phê duyệt của người yêu cầu.',
    produced:
      'Báo cáo do dxmon lập từ các số liệu này; cùng một phiên bản dữ liệu luôn cho cùng một tài liệu.',
  },
  plan: {
    asOf: (period) => `Các mục tiêu được đánh giá với số liệu đến kỳ ${period}.`,
    noAssessment: 'Chưa có số liệu để đánh giá các mục tiêu.',
    total: 'Tổng',
    assessment:
      'Tăng trưởng cần đạt là mức tăng trưởng hằng năm cần có từ năm gốc để đạt mục tiêu đúng hạn; tăng trưởng thực tế là mức tăng trưởng hằng năm từ năm gốc đến giá trị mới nhất; dự báo kéo dài tăng trưởng thực tế đến kỳ mục tiêu. Tỷ số giữa tăng trưởng thực tế và tăng trưởng cần đạt quyết định tình trạng: đã đạt khi giá trị mới nhất đạt mục tiêu; đúng tiến độ khi tỷ số từ 95% trở lên; chậm tiến độ khi từ 0 đến dưới 95% (cần tăng tốc từ 60%, tiến triển hạn chế dưới 60%); đi xuống khi xa dần mục tiêu; thiếu dữ liệu khi không có giá trị gốc và giá trị sau đó.',
    observed: 'Thực tế',
    projection: 'Dự báo',
    target: 'Mục tiêu',
    chart: (name) => `Biểu đồ tiến độ mục tiêu: ${name}`,
    forecast: 'Dự báo xác suất',
    band80: 'Khoảng 80%',
    band95: 'Khoảng 95%',
    tooFew: (count) => `quá ít dữ liệu để dự báo (${count} quan sát; cần ít nhất 3)`,
    pastPeriod: 'không dự báo: kỳ mục tiêu không sau kỳ có dữ liệu mới nhất',
    noForecast: 'không có dự báo',
    forecastNote:
      'Khả năng đạt từng mục tiêu lấy từ dự báo của dxmon: bốn mô hình xu hướng (tăng trưởng kép, tuyến tính, tuyến tính trên logarit, xu hướng tắt dần) khớp với chuỗi số liệu của chính đơn vị, có trọng số theo mức dự báo đúng các năm sau, với khoảng dự báo 80% và 95% (các dải trên mỗi biểu đồ). Khả năng này đặt cạnh tình trạng theo Open SDG, vốn kéo dài tăng trưởng thực tế mà không cho biết độ chắc chắn.',
  },
};

/** Arabic counted forms, as the web app writes them (rankUp_* in its locales). */
function arPlaces(change: number, n: string): string {
  if (change === 0) return 'المرتبة نفسها';
  const verb = change > 0 ? 'صعود' : 'هبوط';
  switch (pluralOf(Math.abs(change), 'ar')) {
    case 'one':
      return `${verb} مرتبة واحدة`;
    case 'two':
      return `${verb} مرتبتين`;
    case 'few':
      return `${verb} ${n} مراتب`;
    default:
      return `${verb} ${n} مرتبة`;
  }
}

const ar: ReportLabels = {
  lang: 'ar',
  dir: 'rtl',
  document: {
    unitReport: 'تقرير التحول الرقمي',
    planReport: 'تقرير مراجعة الخطة',
    contents: 'المحتويات',
    draft: 'مسودة',
    draftMark: 'مسودة (DRAFT)',
    draftNotice: 'مسودة: تتضمن هذه الوثيقة قيمًا لم تُعتمد بعد، وهي ليست للنشر.',
    pageOf: (page, pages) => `صفحة ${page} من ${pages}`,
    dataRevision: (revision) => `إصدار البيانات ${revision}`,
    producedWith: 'أُعدّ باستخدام dxmon',
  },
  sections: {
    headline: 'الملخص',
    pillars: 'الركائز',
    history: 'الدرجة والترتيب عبر الزمن',
    peers: 'مقارنة بوحدات المنطقة',
    whatLifts: 'ما الذي يرفع هذه الوحدة أكثر',
    plans: 'الخطط والأهداف',
    children: 'الوحدات التابعة',
    annex: 'ملحق البيانات',
    methodology: 'المنهجية',
    provenance: 'إصدار البيانات وتاريخ الإعداد',
    statusCounts: 'الأهداف حسب الحالة',
    targets: 'الأهداف',
    assessment: 'كيف تُقيَّم الأهداف',
  },
  columns: {
    period: 'الفترة',
    score: 'الدرجة',
    rank: 'الترتيب',
    change: 'التغير',
    rankChange: 'تغير الترتيب',
    unitsRanked: 'الوحدات المرتّبة',
    unit: 'الوحدة',
    code: 'الرمز',
    level: 'المستوى',
    region: 'المنطقة',
    framework: 'الإطار',
    pillar: 'الركيزة',
    regionMean: 'متوسط المنطقة',
    nationalMean: 'المتوسط الوطني',
    indicator: 'المؤشر',
    now: 'الآن',
    assumedValue: 'القيمة المفترضة',
    scoreGain: 'الزيادة في الدرجة',
    newRank: 'المرتبة الجديدة',
    plan: 'الخطة',
    target: 'الهدف',
    status: 'الحالة',
    grade: 'التصنيف',
    baseline: 'خط الأساس',
    latest: 'الأحدث',
    projected: 'المتوقع',
    targetValue: 'القيمة المستهدفة',
    targetPeriod: 'فترة الهدف',
    requiredGrowth: 'النمو السنوي المطلوب',
    observedGrowth: 'النمو السنوي المرصود',
    chance: 'احتمال البلوغ',
    direction: 'الاتجاه',
    element: 'عنصر البيانات',
    value: 'القيمة',
    unitOfMeasure: 'وحدة القياس',
    source: 'المصدر',
    evidence: 'رابط الدليل',
    state: 'الاعتماد',
    updated: 'آخر تحديث',
    count: 'عدد الأهداف',
    share: 'النسبة',
    model: 'نموذج المعايير',
    units: 'الوحدات',
    met: 'مستوفى',
    weight: 'الوزن',
    derived: 'محسوبة من السابقة',
    dataRevision: 'إصدار البيانات',
    producedOn: 'تاريخ الإعداد',
    adoptedOn: 'تاريخ الاعتماد',
    asOf: 'التقييم حتى',
  },
  status: statusAr,
  grade: gradeAr,
  statusWithGrade: withGrade(statusAr, gradeAr),
  state: { draft: 'مسودة', submitted: 'مُرسلة', approved: 'معتمدة', reopened: 'أعيد فتحها' },
  direction: { higherBetter: 'الأعلى أفضل', lowerBetter: 'الأقل أفضل' },
  levelName: (level, count) => {
    const names = levelsAr[level];
    if (!names) return level;
    return count === 1 ? names[0] : names[1];
  },
  headline: {
    outOf: (units) => `من ${units}`,
    summary: (unit, rank, units, framework, period) =>
      `تحتل ${unit} المرتبة ${rank} من ${units} في ${framework} للفترة ${period}.`,
    notRanked: 'غير مرتّبة',
    since: (period) => `منذ ${period}`,
    places: arPlaces,
    noPrevious: 'لا توجد فترة سابقة للمقارنة',
    rankInterval: 'مجال المرتبة',
    intervalNote: (median, runs) =>
      `من المئين الخامس إلى المئين الخامس والتسعين في ${runs} عملية حساب؛ الوسيط ${median}`,
    noInterval: 'غير محسوب لهذه الفترة',
    derived: (period, units) =>
      `أرقام الفترة ${period} مجمّعة من الوحدات التي تكوّنت منها هذه الوحدة (${units}).`,
    formedFrom: (date, units) => `تأسست في ${date} من ${units}.`,
  },
  pillars: {
    chart: 'درجات الركائز مقارنة بمتوسط المنطقة والمتوسط الوطني',
    none: 'لا توجد في الإطار ركائز لها درجات في هذه الفترة.',
  },
  history: {
    chart:
      'الدرجة (في الأعلى) والمرتبة (في الأسفل، المرتبة 1 في الأعلى) حسب الفترة؛ الفترات المظللة محسوبة من الوحدات السابقة',
    derivedNote:
      'محسوبة من الوحدات السابقة: لم تكن الوحدة قائمة بعد، وأرقامها تجمع أرقام الوحدات التي تكوّنت منها.',
    none: 'لا توجد درجات في أي فترة.',
  },
  peers: {
    allUnits: 'كل الوحدات',
    position: (place, count, region) => `ضمن ${region}: المركز ${place} من ${count}.`,
    chart: 'درجات وحدات المنطقة، والمرتبة الوطنية بجانب كل اسم',
  },
  whatLifts: {
    intro:
      'ينقل كل صف مؤشرًا واحدًا من قيمته الحالية إلى القيمة المفترضة، فيسد جزءًا من الفجوة مع الأفضل أداءً، ثم يعيد حساب المؤشر كله (درجات كل الوحدات، بما في ذلك حدود التطبيع).',
    none: 'لا يوجد مؤشر منفرد يرفع الدرجة.',
  },
  plans: {
    none: 'لا توجد خطة تشمل هذه الوحدة.',
    noTargets: 'لا أهداف لهذه الخطة.',
    adopted: (date) => `اعتمدت في ${date}`,
    scorecard: (achieved, total, n) => `تحقق ${n(achieved)} من ${n(total)} أهداف`,
    growthNote:
      'معدلات النمو سنوية: المطلوب هو ما يحتاجه الهدف من خط الأساس لبلوغه في موعده؛ والمرصود هو النمو من خط الأساس حتى أحدث قيمة.',
  },
  children: {
    criteriaMet: (met, units, _count, share, level, model) =>
      `عدد ${level} التي تستوفي ${model}: ${met} من ${units} (${share}).`,
    noCriteria: 'لا ينطبق أي نموذج معايير على هذه الوحدات.',
    ranking: (level) => `ترتيب ${level}`,
    noRanking: 'هذه الوحدات غير مرتّبة في هذا الإطار وهذه الفترة.',
  },
  annex: {
    intro: (period) =>
      `كل قيمة خام تستند إليها أرقام الفترة ${period}، مع مصدرها ودليلها وحالة اعتمادها.`,
    none: 'لا توجد قيم مسجلة.',
  },
  methodology: {
    intro: (framework, version) =>
      `${framework} (الإصدار ${version}) مؤشر مركّب: تُطبَّع مؤشراته إلى مقياس مشترك، ثم تُجمَّع بأوزان، ركيزةً ركيزة، حتى المؤشر العام.`,
    normalisationName: normalisationAr,
    aggregationName: aggregationAr,
    normalisation: (method, low, high) =>
      method === 'minmax'
        ? `التطبيع: بطريقة الحد الأدنى والأقصى (min–max) إلى النطاق ${low}–${high}. وفي المؤشرات التي تكون فيها القيمة الأقل أفضل يُعكس المقياس، لتبقى الدرجة الأعلى أفضل دائمًا.`
        : `التطبيع: بطريقة ${normalisationAr[method] ?? method}.`,
    aggregation: (method) =>
      `التجميع: درجة كل ركيزة ودرجة المؤشر هي ${aggregationAr[method] ?? method} لدرجات مكوناتها.`,
    minmaxFormula: 'التطبيع بطريقة الحد الأدنى والأقصى',
    minmaxWhere: (low, high) =>
      `حيث y درجة الوحدة في المؤشر، وx قيمة المؤشر للوحدة، وmin وmax أدنى قيمة وأعلى قيمة بين الوحدات في الفترة، و${low} و${high} حدّا النطاق.`,
    meanFormula: 'الوسط الحسابي المرجّح',
    meanWhere: 'حيث xᵢ درجات المكونات وwᵢ أوزانها.',
    weights: 'أوزان مكونات المؤشر:',
    dataThreshold: (share) =>
      share === null
        ? 'يُستبعد المكوّن المفقود من المتوسط ويُعاد توزيع الأوزان الباقية بالتناسب.'
        : `لا تُحسب الدرجة إلا إذا توفرت درجات لـ ${share} على الأقل من مكوناتها، وإلا تبقى مفقودة. ويُستبعد المكوّن المفقود من المتوسط ويُعاد توزيع الأوزان الباقية بالتناسب.`,
    ranking: 'تُرتَّب الوحدات حسب الدرجة، والمرتبة 1 للأعلى؛ وتتشارك الدرجات المتساوية المرتبة نفسها.',
    uncertainty: (runs, seed, spread, normalise, aggregate) =>
      `يأتي مجال المرتبة من ${runs} عملية حساب للمؤشر يتغير فيها كل وزن بما يصل إلى ±${spread}، وتتغير طرق التطبيع (${normalise}) والتجميع (${aggregate}) (البذرة العشوائية ${seed}). ويمتد المجال من المئين الخامس إلى المئين الخامس والتسعين لمراتب الوحدة.`,
    noUncertainty: 'لم يُجرَ تحليل عدم اليقين لهذه الفترة، لذلك لا مجال للمرتبة.',
  },
  provenance: {
    revision: (revision, date) => `الأرقام مأخوذة من إصدار البيانات ${revision} بتاريخ ${date}.`,
    approvedOnly: 'لا تُستخدم إلا القيم المعتمدة.',
    draftValues: 'تتضمن هذه المسودة أيضًا قيم المستخدم الطالب التي لم تُعتمد بعد.',
    produced:
      'أعدّ dxmon هذا التقرير من هذه الأرقام؛ ويعطي إصدار البيانات نفسه الوثيقة نفسها دائمًا.',
  },
  plan: {
    asOf: (period) => `قُيّمت الأهداف بالبيانات حتى الفترة ${period}.`,
    noAssessment: 'لا توجد بيانات بعد لتقييم الأهداف.',
    total: 'المجموع',
    assessment:
      'النمو المطلوب هو النمو السنوي اللازم من خط الأساس لبلوغ الهدف في موعده؛ والنمو المرصود هو النمو السنوي من خط الأساس حتى أحدث قيمة؛ ويمدّ الإسقاط النمو المرصود حتى فترة الهدف. وتحدد نسبة النمو المرصود إلى النمو المطلوب الحالة: تحقق عندما تبلغ أحدث قيمة الهدف؛ على المسار عند 95% فأكثر؛ خارج المسار من 0 إلى أقل من 95% (يلزم التسريع من 60%، وتقدم محدود دون ذلك)؛ في تراجع عند الابتعاد عن الهدف؛ بيانات غير كافية في غياب قيمة أساس وقيمة لاحقة.',
    observed: 'المرصود',
    projection: 'الإسقاط',
    target: 'الهدف',
    chart: (name) => `مخطط التقدم نحو الهدف: ${name}`,
    forecast: 'التوقع',
    band80: 'نطاق 80%',
    band95: 'نطاق 95%',
    tooFew: (count) =>
      `البيانات أقل من أن يُبنى عليها توقع (عدد المشاهدات ${count}؛ يلزم 3 على الأقل)`,
    pastPeriod: 'لا توقع: فترة الهدف ليست بعد أحدث البيانات',
    noForecast: 'لا يوجد توقع',
    forecastNote:
      'يأتي احتمال بلوغ كل هدف من توقع dxmon: أربعة نماذج اتجاه (النمو المركب، والخط المستقيم، والخط على اللوغاريتمات، والاتجاه المتخامد) تُطابَق على سلسلة الوحدة نفسها، وتُرجَّح بحسب دقة توقعها لسنواتها اللاحقة، مع نطاقي تنبؤ 80% و95% (الأشرطة في كل مخطط). ويُعرض إلى جانب حالة Open SDG التي تمدّ النمو المرصود دون أن تبيّن مدى اليقين.',
  },
};

export const reportLabels: Record<Language, ReportLabels> = { en, vi, ar };

/** The labels of a report's language. */
export function labelsFor(lang: Language): ReportLabels {
  return reportLabels[lang];
}
