import type { Mail } from './mailer.js';

export type Language = 'en' | 'vi' | 'ar';
type Names = { en: string; vi: string | null; ar: string | null };

/** What a notification says, whatever the language: the row's columns and its details. */
export interface NotificationContent {
  kind: 'reminder' | 'submitted';
  dataset: string;
  dataset_name: string;
  period: string;
  /** A reminder: 'before' the due date, or 'due' (on it or after). */
  stage?: 'before' | 'due';
  due_on?: string;
  /** A reminder: the units not submitted (at most a few named); a notice: the unit submitted. */
  units: Names[];
  units_total: number;
  /** A notice: who submitted, and when. */
  submitted_by?: string;
  submitted_at?: string;
  /** Where to act, an address in the web app (`/entry?...`, `/approvals`). */
  link: string;
}

const locales: Record<Language, string> = { en: 'en-GB', vi: 'vi-VN', ar: 'ar' };

export function languageOf(language: string | null | undefined): Language {
  return language === 'vi' || language === 'ar' ? language : 'en';
}

/** A calendar day (`YYYY-MM-DD`) as the language writes it, not shifted by time zones. */
function day(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

/** A moment in Vietnam's time, where the reporting rounds run. */
function moment(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

function count(n: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(n);
}

function nameIn(names: Names, language: Language): string {
  return (language === 'en' ? names.en : names[language]) ?? names.en;
}

/** The units named, with "and N more" beyond those listed. */
function unitList(c: NotificationContent, language: Language): string {
  const listed = c.units.map((u) => nameIn(u, language));
  const more = c.units_total - listed.length;
  const separator = language === 'ar' ? '، ' : ', ';
  if (more <= 0) return listed.join(separator);
  const rest = {
    en: `and ${count(more, 'en')} more`,
    vi: `và ${count(more, 'vi')} đơn vị khác`,
    ar: `و${count(more, 'ar')} غيرها`,
  };
  return `${listed.join(separator)}${separator}${rest[language]}`;
}

type Words = (
  c: NotificationContent,
  l: Language,
  link: string,
) => { subject: string; text: string };

const reminder: Record<Language, Words> = {
  en: (c, l, link) => ({
    subject:
      c.stage === 'before'
        ? `Reminder: ${c.dataset_name} ${c.period} is due on ${day(c.due_on ?? '', l)}`
        : `Due: ${c.dataset_name} ${c.period} was due on ${day(c.due_on ?? '', l)}`,
    text: `${count(c.units_total, l)} unit(s) you report for have not submitted ${c.dataset_name} for ${c.period}: ${unitList(c, l)}.\nThe due date is ${day(c.due_on ?? '', l)}.\n\nEnter and submit the data: ${link}`,
  }),
  vi: (c, l, link) => ({
    subject:
      c.stage === 'before'
        ? `Nhắc nhở: hạn nộp ${c.dataset_name} kỳ ${c.period} là ngày ${day(c.due_on ?? '', l)}`
        : `Đến hạn: ${c.dataset_name} kỳ ${c.period} có hạn nộp ngày ${day(c.due_on ?? '', l)}`,
    text: `${count(c.units_total, l)} đơn vị do bạn phụ trách chưa nộp ${c.dataset_name} kỳ ${c.period}: ${unitList(c, l)}.\nHạn nộp: ${day(c.due_on ?? '', l)}.\n\nNhập và nộp số liệu tại: ${link}`,
  }),
  ar: (c, l, link) => ({
    subject:
      c.stage === 'before'
        ? `تذكير: موعد تسليم ${c.dataset_name} للفترة ${c.period} هو ${day(c.due_on ?? '', l)}`
        : `حان الموعد: كان موعد تسليم ${c.dataset_name} للفترة ${c.period} في ${day(c.due_on ?? '', l)}`,
    text: `لم تُسلِّم ${count(c.units_total, l)} من الوحدات التي تتولاها بيانات ${c.dataset_name} للفترة ${c.period}: ${unitList(c, l)}.\nموعد التسليم: ${day(c.due_on ?? '', l)}.\n\nأدخل البيانات وسلّمها هنا: ${link}`,
  }),
};

const submitted: Record<Language, Words> = {
  en: (c, l, link) => ({
    subject: `${unitList(c, l)} submitted ${c.dataset_name} ${c.period} for your approval`,
    text: `${c.submitted_by} submitted ${c.dataset_name} for ${c.period} of ${unitList(c, l)} on ${moment(c.submitted_at ?? '', l)}.\n\nReview it: ${link}`,
  }),
  vi: (c, l, link) => ({
    subject: `${unitList(c, l)} đã nộp ${c.dataset_name} kỳ ${c.period}, chờ bạn phê duyệt`,
    text: `${c.submitted_by} đã nộp ${c.dataset_name} kỳ ${c.period} của ${unitList(c, l)} lúc ${moment(c.submitted_at ?? '', l)}.\n\nXem xét tại: ${link}`,
  }),
  ar: (c, l, link) => ({
    subject: `سلّمت ${unitList(c, l)} بيانات ${c.dataset_name} للفترة ${c.period} وهي بانتظار موافقتك`,
    text: `سلّم ${c.submitted_by} بيانات ${c.dataset_name} للفترة ${c.period} عن ${unitList(c, l)} في ${moment(c.submitted_at ?? '', l)}.\n\nراجعها هنا: ${link}`,
  }),
};

const footer: Record<Language, string> = {
  en: 'You receive this because e-mail notifications are on in dxmon; turn them off under the bell at the top of any page.',
  vi: 'Bạn nhận thư này vì đã bật thông báo qua thư điện tử trong dxmon; có thể tắt tại biểu tượng chuông ở đầu mỗi trang.',
  ar: 'تصلك هذه الرسالة لأن إشعارات البريد الإلكتروني مفعّلة في dxmon؛ يمكنك إيقافها من أيقونة الجرس أعلى أي صفحة.',
};

/**
 * The e-mail of a notification in the reader's language: unit names in that language, dates as
 * its locale writes them, the link to the page where to act (with the language).
 */
export function mailOf(
  c: NotificationContent,
  to: string,
  language: Language,
  publicUrl: string,
): Mail {
  const url = new URL(c.link, publicUrl);
  url.searchParams.set('lang', language);
  const words = (c.kind === 'reminder' ? reminder : submitted)[language](
    c,
    language,
    url.toString(),
  );
  return { to, subject: words.subject, text: `${words.text}\n\n--\n${footer[language]}\n` };
}
