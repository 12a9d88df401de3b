import { getJson, send } from '../api.js';

/** A batch of unit reports (POST /api/reports/batch): its progress and, when done, its ZIP. */
export interface ReportBatch {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  level: string;
  framework: string;
  period: string;
  lang: string;
  format: 'pdf' | 'xlsx';
  done: number;
  total: number;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface BatchRequest {
  level: string;
  framework: string;
  period: string;
  lang: string;
  format: 'pdf' | 'xlsx';
}

export const startBatch = (request: BatchRequest) =>
  send<ReportBatch>('POST', '/api/reports/batch', request);

export const listBatches = (signal?: AbortSignal) =>
  getJson<{ items: ReportBatch[] }>('/api/reports/batch', signal);

export const batchZipUrl = (batch: Pick<ReportBatch, 'id'>) => `/api/reports/batch/${batch.id}.zip`;
