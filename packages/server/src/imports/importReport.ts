import type { ImportWarning } from '../services/quality/importChecks.js';

/** One bad row of an import, named by row number, field and the value found. */
export interface ImportProblem {
  row: number;
  field: string;
  value: string;
  message: string;
}

export interface ImportReport {
  /** The stored import record (null when nothing could be recorded). */
  id: number | null;
  /** applied: written; checked: a dry run that found no problem; refused: problems, nothing written. */
  status: 'applied' | 'checked' | 'refused';
  dry_run: boolean;
  layout: 'long' | 'wide' | null;
  /** Data rows read (the header excluded). */
  rows: number;
  /** Values read (one per row in the long format, one per filled cell in the wide). */
  values: number;
  /** New cells, changed cells and cells whose value was already the same. */
  inserted: number;
  updated: number;
  unchanged: number;
  /** The first problems (at most `maxProblems`); `problems_total` counts them all. */
  problems: ImportProblem[];
  problems_total: number;
  /** Rows for units outside the importer's units: the import is then refused as forbidden (403). */
  outside_units?: number;
  /**
   * Data-quality warnings about the values (warning rules broken, outliers), with the rows
   * concerned: the first `maxProblems`; `warnings_total` counts them all. Nothing is refused.
   */
  warnings?: ImportWarning[];
  warnings_total?: number;
  /** False when the import was too large to be checked for outliers (`outlierCheckLimit`). */
  outliers_checked?: boolean;
}

export const maxProblems = 1000;
