import { request as httpRequest } from 'node:http';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError } from '../cliError.js';

type ServerModule = typeof import('@dxmon/server');

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path and query, e.g. `/api/users`. */
  url: string;
  /** JSON (an object) or a file's bytes (a stream, with `contentType`). */
  body?: object | Readable;
  contentType?: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

/** The API of the database that `dxmon serve` uses, for the commands that read or write it. */
export interface LocalApi {
  request(request: ApiRequest): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface LocalApiOptions {
  /**
   * When this process opens the database itself, run the job queue's workers in it too, for a
   * command that waits for a job (a batch of reports): on PGlite no other process can.
   */
  workers?: boolean;
}

/**
 * Reaches the database as the API does, with the command line's full rights (local access).
 * On PGlite, if a server (or another command) holds the data directory, requests go to it through
 * the directory's socket: a second process must never open the same files. Otherwise this
 * process opens the database itself, and holds the directory until `close`.
 */
export async function openLocalApi(
  dataDir: string | undefined,
  holder: string,
  options: LocalApiOptions = {},
): Promise<LocalApi> {
  const server = await import('@dxmon/server');
  const config = server.loadConfig({
    dataDir,
    logLevel: 'silent',
    workers: options.workers ?? false,
  });
  if (config.databaseUrl) return inProcess(server, await server.createServer(config, { holder }));
  // Two commands may find the directory free at once: the one that loses serves through the other.
  for (let attempt = 0; ; attempt += 1) {
    if (await server.dataDirHeld(config.dataDir)) {
      return throughSocket(server.dataDirSocket(config.dataDir), server);
    }
    try {
      return inProcess(server, await server.createServer(config, { holder }));
    } catch (error) {
      if (!(error instanceof server.DataDirInUse) || attempt >= 3) throw error;
    }
  }
}

const localUser = () => process.env.USER ?? process.env.USERNAME ?? 'cli';

function inProcess(
  server: ServerModule,
  running: Awaited<ReturnType<ServerModule['createServer']>>,
): LocalApi {
  const { app } = running;
  return {
    request: async (request) => {
      const { headers, payload } = encode(request, server);
      const response = await app.inject({
        method: request.method,
        url: request.url,
        headers: { ...headers, [server.localHeader]: app.localSecret },
        ...(payload !== undefined ? { payload } : {}),
      });
      return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
    },
    close: () => running.close(),
  };
}

function throughSocket(socketPath: string, server: ServerModule): LocalApi {
  let ready: Promise<void> | undefined;
  const send = (apiRequest: ApiRequest) =>
    new Promise<ApiResponse>((resolve, reject) => {
      const { headers, payload } = encode(apiRequest, server);
      const request = httpRequest(
        { socketPath, method: apiRequest.method, path: apiRequest.url, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', (error) =>
        reject(new CliError(`the server holding the database stopped answering: ${error.message}`)),
      );
      if (typeof payload === 'object') payload.pipe(request);
      else request.end(payload);
    });
  return {
    request: async (request) => {
      // A server still starting (migrations, loading the demo) answers 503: wait for it, before
      // sending a file that could not be sent twice.
      ready ??= waitUntilReady(send);
      await ready;
      return send(request);
    },
    close: async () => {},
  };
}

async function waitUntilReady(send: (request: ApiRequest) => Promise<ApiResponse>): Promise<void> {
  const deadline = Date.now() + 120_000;
  let told = false;
  for (;;) {
    const response = await send({ method: 'GET', url: '/api/health' });
    if (response.status !== 503) return;
    // "dxmon is starting" (migrations, the demo) or "dxmon is stopping".
    const { message } = problemError(response);
    if (Date.now() > deadline) throw new CliError(`the server holding the database: ${message}`);
    if (!told)
      process.stderr.write(`dxmon: waiting: the server holding the database: ${message}\n`);
    told = true;
    await sleep(500);
  }
}

/** A request's headers (who runs the command, the body's type) and its body as sent. */
function encode(
  { body, contentType }: ApiRequest,
  server: ServerModule,
): {
  headers: Record<string, string>;
  payload: string | Readable | undefined;
} {
  const headers = { [server.localUserHeader]: localUser() };
  if (body === undefined) return { headers, payload: undefined };
  if (typeof (body as Readable).pipe === 'function') {
    const type = contentType ?? 'application/octet-stream';
    return { headers: { ...headers, 'content-type': type }, payload: body as Readable };
  }
  return {
    headers: { ...headers, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  };
}

/** A problem response (RFC 9457) as a CLI error: its detail, then one line per field. */
export function problemError(response: ApiResponse): CliError {
  let problem: {
    title?: string;
    detail?: string;
    fields?: { field: string; message: string; value?: unknown }[];
  };
  try {
    problem = JSON.parse(response.body.toString('utf8'));
  } catch {
    return new CliError(`the server answered ${response.status}`);
  }
  return new CliError(
    problem.detail ?? problem.title ?? `the server answered ${response.status}`,
    (problem.fields ?? []).map(
      (f) =>
        `${f.field}: ${f.message}${f.value !== undefined ? ` (got ${JSON.stringify(f.value)})` : ''}`,
    ),
  );
}

/** The JSON body of a successful response; a problem becomes a CLI error. */
export function jsonOf<T>(response: ApiResponse): T {
  if (response.status >= 400) throw problemError(response);
  return JSON.parse(response.body.toString('utf8')) as T;
}

/** Runs `work` with the local API, closing it after. */
export async function withLocalApi<T>(
  dataDir: string | undefined,
  holder: string,
  work: (api: LocalApi) => Promise<T>,
  options: LocalApiOptions = {},
): Promise<T> {
  const api = await openLocalApi(dataDir, holder, options);
  try {
    return await work(api);
  } finally {
    await api.close();
  }
}
