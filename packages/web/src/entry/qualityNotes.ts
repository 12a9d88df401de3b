import type { TFunction } from 'i18next';
import { formatNumber } from '../format.js';

type Messages = { en: string | null; vi: string | null; ar: string | null };

/**
 * A data-quality warning about a form's values (POST /api/data-values `warnings`): a warning rule
 * broken, or an outlier against the period's peers or the unit's previous value.
 */
export type QualityWarning = { fields: string[] } & QualityIssue;

/** A rule broken or an outlier, as data entry, imports and the data-quality run report them. */
export type QualityIssue = { unit: string; period: string } & (
  | {
      kind: 'rule';
      severity: 'warning' | 'blocking';
      rule: string;
      expression: string;
      message: Messages;
      left: number;
      right: number;
      /** The elements the rule reads and their values (as a run reports them). */
      values?: Record<string, number | null>;
    }
  | {
      kind: 'outlier';
      severity: 'warning';
      element: string;
      value: number;
      test: 'peers' | 'history';
      score?: number;
      median?: number;
      previous_period?: string;
      previous_value?: number;
      ratio?: number;
    }
);

/** What to show next to a field: the warnings and refusals about its value, in words. */
export type QualityNotes = Record<string, { blocking: boolean; text: string }[]>;

/** The form's value index of a field `body.values[3].value`. */
const indexOf = (field: string) => {
  const m = /^body\.values\[(\d+)\]\.value$/.exec(field);
  return m ? Number(m[1]) : undefined;
};

/** A data-quality warning in words, in the reader's language. */
export function warningText(w: QualityIssue, t: TFunction, language: string): string {
  const n = (x: number | undefined) => formatNumber(x, language);
  if (w.kind === 'rule') {
    const own = language === 'vi' ? w.message.vi : language === 'ar' ? w.message.ar : null;
    return t('quality.rule', {
      message: own ?? w.message.en ?? w.expression,
      expression: w.expression,
      left: n(w.left),
      right: n(w.right),
    });
  }
  if (w.test === 'peers')
    return t('quality.peers', { value: n(w.value), median: n(w.median), score: n(w.score) });
  return t('quality.history', {
    value: n(w.value),
    previous_period: w.previous_period,
    previous_value: n(w.previous_value),
    ratio: n(w.ratio),
  });
}

/** The warnings in words, by the element code of each field they concern (`codes[i]`). */
export function warningNotes(
  warnings: readonly QualityWarning[],
  codes: readonly string[],
  t: TFunction,
  language: string,
): QualityNotes {
  const notes: QualityNotes = {};
  for (const w of warnings) {
    const text = warningText(w, t, language);
    for (const field of w.fields) {
      const code = codes[indexOf(field) ?? -1];
      if (code === undefined) continue;
      notes[code] = [...(notes[code] ?? []), { blocking: false, text }];
    }
  }
  return notes;
}

/**
 * The data-quality issues of the values as stored (GET /api/quality/run for one unit), by element
 * code: a rule's issue beside each element it reads, an outlier beside its element.
 */
export function issueNotes(
  issues: readonly QualityIssue[],
  t: TFunction,
  language: string,
): QualityNotes {
  const notes: QualityNotes = {};
  for (const issue of issues) {
    const text = warningText(issue, t, language);
    const blocking = issue.severity === 'blocking';
    const codes = issue.kind === 'rule' ? Object.keys(issue.values ?? {}) : [issue.element];
    for (const code of codes) notes[code] = [...(notes[code] ?? []), { blocking, text }];
  }
  return notes;
}

/**
 * A form refused by a blocking data-quality rule (an ApiError 422 naming `body.values[i].value`), by
 * element code; null for any other refusal.
 */
export function refusalNotes(
  error: unknown,
  codes: readonly string[],
  t: TFunction,
): QualityNotes | null {
  // An ApiError (api.ts), read by its shape: this module stays free of the browser's globals.
  const refusal = error as { status?: unknown; fields?: { field: string; message: string }[] };
  if (refusal?.status !== 422 || !Array.isArray(refusal.fields)) return null;
  const notes: QualityNotes = {};
  for (const f of refusal.fields) {
    const code = codes[indexOf(f.field) ?? -1];
    if (code === undefined || !/rule/.test(f.message)) continue;
    notes[code] = [
      ...(notes[code] ?? []),
      { blocking: true, text: t('quality.blocking', { message: f.message }) },
    ];
  }
  return Object.keys(notes).length > 0 ? notes : null;
}
