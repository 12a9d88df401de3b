import type { Language } from '../translations.js';

/**
 * The words of a report's spreadsheet (sheet names, column headers, row labels, states) in en, vi
 * and ar. Sheet names stay within Excel's 31 characters, avoid : \ / ? * [ ] and are not
 * "History" (Excel reserves it).
 */
const labels = {
  // Sheets
  summary: ['Summary', 'Tóm tắt', 'ملخص'],
  pillars: ['Pillars', 'Trụ cột', 'الركائز'],
  history: ['Score history', 'Diễn biến', 'التطور'],
  peers: ['Peers', 'Cùng vùng', 'النظراء'],
  whatLifts: ['What lifts', 'Cải thiện', 'ما يرفع الترتيب'],
  targets: ['Targets', 'Chỉ tiêu', 'الأهداف'],
  criteria: ['Criteria', 'Tiêu chí', 'المعايير'],
  children: ['Children', 'Đơn vị trực thuộc', 'الوحدات التابعة'],
  annex: ['Data annex', 'Phụ lục số liệu', 'ملحق البيانات'],
  methodology: ['Methodology', 'Phương pháp', 'المنهجية'],
  observations: ['Observations', 'Số liệu theo kỳ', 'المشاهدات'],
  // Summary and methodology rows
  item: ['Item', 'Mục', 'البند'],
  value: ['Value', 'Giá trị', 'القيمة'],
  unit: ['Unit', 'Đơn vị', 'الوحدة'],
  code: ['Code', 'Mã', 'الرمز'],
  level: ['Level', 'Cấp', 'المستوى'],
  framework: ['Framework', 'Bộ chỉ số', 'الإطار'],
  version: ['Version', 'Phiên bản', 'الإصدار'],
  period: ['Period', 'Kỳ', 'الفترة'],
  score: ['Score', 'Điểm', 'الدرجة'],
  rank: ['Rank', 'Xếp hạng', 'الترتيب'],
  units: ['Units ranked', 'Số đơn vị xếp hạng', 'عدد الوحدات المرتبة'],
  previousPeriod: ['Previous period', 'Kỳ trước', 'الفترة السابقة'],
  scoreChange: ['Score change', 'Thay đổi điểm', 'تغير الدرجة'],
  rankChange: ['Places gained', 'Số bậc tăng', 'المراتب المكتسبة'],
  rankP05: ['Rank, 5th percentile', 'Hạng, phân vị 5', 'الترتيب، المئين الخامس'],
  rankMedian: ['Rank, median', 'Hạng, trung vị', 'الترتيب، الوسيط'],
  rankP95: ['Rank, 95th percentile', 'Hạng, phân vị 95', 'الترتيب، المئين 95'],
  derived: ['Derived from predecessors', 'Tính từ đơn vị tiền thân', 'مشتقة من الوحدات السابقة'],
  dataRevision: ['Data revision', 'Phiên bản dữ liệu', 'مراجعة البيانات'],
  producedAt: ['Data as of', 'Dữ liệu tính đến', 'البيانات حتى'],
  draftMarker: ['DRAFT', 'DỰ THẢO', 'مسودة'],
  yes: ['yes', 'có', 'نعم'],
  no: ['no', 'không', 'لا'],
  // Pillars, peers, history
  pillar: ['Pillar', 'Trụ cột', 'الركيزة'],
  change: ['Change', 'Thay đổi', 'التغير'],
  regionMean: ['Region mean', 'Trung bình vùng', 'متوسط المنطقة'],
  nationalMean: ['National mean', 'Trung bình cả nước', 'المتوسط الوطني'],
  region: ['Region', 'Vùng', 'المنطقة'],
  self: ['This unit', 'Đơn vị này', 'هذه الوحدة'],
  // What lifts
  indicator: ['Indicator', 'Chỉ số', 'المؤشر'],
  assumedValue: ['Value assumed', 'Giá trị giả định', 'القيمة المفترضة'],
  scoreGain: ['Score gained', 'Điểm tăng thêm', 'الدرجة المكتسبة'],
  rankAfter: ['Rank after', 'Hạng sau cải thiện', 'الترتيب بعد التحسين'],
  // Plans and targets
  plan: ['Plan', 'Kế hoạch', 'الخطة'],
  adoptedOn: ['Adopted on', 'Ngày ban hành', 'تاريخ الاعتماد'],
  asOf: ['Assessed as of', 'Đánh giá đến kỳ', 'التقييم حتى'],
  target: ['Target', 'Chỉ tiêu', 'الهدف'],
  measure: ['Unit of measure', 'Đơn vị tính', 'وحدة القياس'],
  direction: ['Direction', 'Chiều', 'الاتجاه'],
  baselinePeriod: ['Baseline period', 'Kỳ gốc', 'فترة الأساس'],
  baseline: ['Baseline', 'Giá trị gốc', 'قيمة الأساس'],
  latestPeriod: ['Latest period', 'Kỳ gần nhất', 'آخر فترة'],
  latest: ['Latest value', 'Giá trị gần nhất', 'آخر قيمة'],
  targetPeriod: ['Target period', 'Kỳ mục tiêu', 'فترة الهدف'],
  targetValue: ['Target value', 'Giá trị mục tiêu', 'القيمة المستهدفة'],
  projection: ['Projection', 'Dự báo', 'الإسقاط'],
  requiredGrowth: ['Required growth a year', 'Tăng trưởng cần/năm', 'النمو السنوي المطلوب'],
  observedGrowth: ['Observed growth a year', 'Tăng trưởng thực tế/năm', 'النمو السنوي المحقق'],
  status: ['Status', 'Tình trạng', 'الحالة'],
  grade: ['Grade', 'Mức', 'التصنيف'],
  total: ['Targets', 'Số chỉ tiêu', 'عدد الأهداف'],
  shareAchieved: ['Share achieved', 'Tỷ lệ đạt', 'نسبة المحقق'],
  // Target states (the engine's statuses and grades)
  achieved: ['achieved', 'đã đạt', 'محقق'],
  'on-track': ['on track', 'đúng tiến độ', 'على المسار'],
  'off-track': ['off track', 'chậm tiến độ', 'خارج المسار'],
  regressing: ['regressing', 'đi xuống', 'متراجع'],
  'insufficient-data': ['insufficient data', 'thiếu số liệu', 'بيانات غير كافية'],
  'acceleration-needed': ['acceleration needed', 'cần tăng tốc', 'يلزم التسريع'],
  limited: ['limited progress', 'tiến bộ hạn chế', 'تقدم محدود'],
  // Children and criteria
  model: ['Criteria model', 'Bộ tiêu chí', 'نموذج المعايير'],
  met: ['Units meeting it', 'Số đơn vị đạt', 'الوحدات المستوفية'],
  share: ['Share', 'Tỷ lệ', 'النسبة'],
  // Annex
  element: ['Data element', 'Chỉ tiêu dữ liệu', 'عنصر البيانات'],
  source: ['Source', 'Nguồn', 'المصدر'],
  evidence: ['Evidence', 'Minh chứng', 'الدليل'],
  state: ['State', 'Trạng thái', 'الحالة'],
  updatedAt: ['Updated at', 'Cập nhật lúc', 'تاريخ التحديث'],
  draft: ['draft', 'nháp', 'مسودة'],
  approved: ['approved', 'đã duyệt', 'معتمد'],
  submitted: ['submitted', 'đã gửi', 'مقدم'],
  reopened: ['reopened', 'mở lại', 'أعيد فتحه'],
  // Methodology
  normalisation: ['Normalisation', 'Chuẩn hoá', 'التطبيع'],
  normalisationRange: ['Normalised range', 'Khoảng chuẩn hoá', 'نطاق التطبيع'],
  aggregation: ['Aggregation', 'Tổng hợp', 'التجميع'],
  dataThreshold: ['Data threshold', 'Ngưỡng dữ liệu', 'عتبة البيانات'],
  weight: ['Weight', 'Trọng số', 'الوزن'],
  uncertaintyRuns: ['Uncertainty runs', 'Số lần mô phỏng', 'عدد عمليات المحاكاة'],
  uncertaintySeed: ['Random seed', 'Hạt giống ngẫu nhiên', 'البذرة العشوائية'],
  weightsSpread: ['Weights varied by', 'Biên độ trọng số', 'تفاوت الأوزان'],
  uncertaintyNormalise: ['Normalisations tried', 'Các cách chuẩn hoá thử', 'طرق التطبيع المجربة'],
  uncertaintyAggregate: ['Aggregations tried', 'Các cách tổng hợp thử', 'طرق التجميع المجربة'],
} satisfies Record<string, [string, string, string]>;

export type LabelKey = keyof typeof labels;

const column: Record<Language, 0 | 1 | 2> = { en: 0, vi: 1, ar: 2 };

/** The label in `lang`. */
export function label(key: LabelKey, lang: Language): string {
  return labels[key][column[lang]];
}

/** A state, status or grade in `lang` (the engine's word itself when it has no label). */
export function stateLabel(state: string, lang: Language): string {
  return state in labels ? label(state as LabelKey, lang) : state;
}
