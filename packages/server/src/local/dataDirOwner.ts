import {
  chmodSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { join, relative } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * One process owns a PGlite data directory: PGlite is PostgreSQL in this process's memory, and a
 * second process opening the same files destroys them. The owner listens on a Unix socket in the
 * directory. The kernel holds that socket for exactly as long as the process lives (a crash or
 * `kill -9` releases it, however long the process was busy), so "someone answers on the socket"
 * is the lock; and the socket is also how other `dxmon` commands reach the owner's API.
 */

/** Who holds a data directory, as the holder wrote it down (`owner.json`). */
export interface DataDirHolder {
  pid: number;
  /** What it is: `dxmon serve`, `dxmon import`... */
  command: string;
  /** The address it serves the API on, once it listens. */
  url?: string | undefined;
  started: string;
}

/** Opening a data directory that another process holds. */
export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirHolder | undefined,
  ) {
    super(
      `${dataDir} is in use by ${holder ? `${holder.command} (PID ${holder.pid}${holder.url ? `, serving ${holder.url}` : ''})` : 'another process'}`,
    );
    this.name = 'DataDirInUse';
  }
}

/** This process's hold on a data directory. */
export interface DataDirClaim {
  dataDir: string;
  socketPath: string;
  /** Hands the socket's requests to `handler` (until then they get a 503 "starting"). */
  serve(handler: (request: IncomingMessage, response: ServerResponse) => void): void;
  /** Records the address this process serves the API on, for the messages others see. */
  announce(url: string): void;
  /** Answers new requests 503 and resolves once those under way are answered. */
  drain(): Promise<void>;
  /** Stops listening and removes the socket and the owner file. */
  release(): Promise<void>;
}

const socketName = 'dxmon.sock';
const holderName = 'owner.json';
/** A Unix socket's path is at most 107 bytes on Linux (104 on macOS). */
const maxSocketPath = 100;

/** The socket of a data directory (it may not exist, or be stale). */
export function dataDirSocket(dataDir: string): string {
  return socketPathFor(dataDir);
}

/** What `owner.json` says, or undefined (no holder, or a half-written file). */
export function readDataDirHolder(dataDir: string): DataDirHolder | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, holderName), 'utf8')) as DataDirHolder;
  } catch {
    return undefined;
  }
}

/** Whether a live process answers on the data directory's socket. */
export function dataDirHeld(dataDir: string): Promise<boolean> {
  const path = socketPathFor(dataDir);
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    // ENOENT: nobody ever listened; ECONNREFUSED: the holder died and left its socket file.
    socket.once('error', () => resolve(false));
  });
}

/**
 * Takes a data directory for this process, or throws `DataDirInUse` naming the holder. The check
 * and the take-over of a dead holder's socket happen under a short lock (proper-lockfile, which
 * recovers its own stale locks), so two processes starting at once cannot both win.
 */
export async function claimDataDir(dataDir: string, command: string): Promise<DataDirClaim> {
  mkdirSync(dataDir, { recursive: true });
  const socketPath = socketPathFor(dataDir);
  const release = await lockfile.lock(dataDir, {
    lockfilePath: join(dataDir, 'dxmon.lock'),
    stale: 10_000,
    retries: { retries: 50, minTimeout: 20, maxTimeout: 200 },
  });
  let server: Server;
  try {
    if (await dataDirHeld(dataDir)) throw new DataDirInUse(dataDir, readDataDirHolder(dataDir));
    rmSync(socketPath, { force: true });
    server = await listenOn(socketPath);
    // Only the directory's owner (and root) may connect: the socket speaks for the owner.
    chmodSync(socketPath, 0o600);
    writeHolder(dataDir, { pid: process.pid, command, started: new Date().toISOString() });
  } finally {
    await release();
  }
  let handler = unavailable('dxmon is starting: try again in a moment');
  // Requests under way, so that stopping can wait for them before the database closes.
  let active = 0;
  let idle: (() => void) | undefined;
  server.on('request', (request, response) => {
    active += 1;
    response.once('close', () => {
      active -= 1;
      if (active === 0) idle?.();
    });
    handler(request, response);
  });
  return {
    dataDir,
    socketPath,
    serve: (h) => {
      handler = h;
    },
    announce: (url) => {
      const holder = readDataDirHolder(dataDir);
      if (holder?.pid === process.pid) writeHolder(dataDir, { ...holder, url });
    },
    drain: async () => {
      handler = unavailable('dxmon is stopping');
      if (active > 0) await new Promise<void>((resolve) => (idle = resolve));
    },
    release: async () => {
      if (readDataDirHolder(dataDir)?.pid === process.pid) {
        rmSync(join(dataDir, holderName), { force: true });
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function socketPathFor(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const absolute = join(realpathSync(dataDir), socketName);
  if (absolute.length <= maxSocketPath) return absolute;
  // A deep folder: a path relative to the working directory may still fit.
  const fromHere = relative(process.cwd(), absolute);
  if (fromHere.length <= maxSocketPath) return fromHere;
  throw new Error(
    `${dataDir}: the path of its socket (${absolute.length} characters) is too long for a Unix socket: use a data directory with a shorter path`,
  );
}

function listenOn(path: string): Promise<Server> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path }, () => {
      server.off('error', reject);
      server.unref();
      resolve(server);
    });
  });
}

function writeHolder(dataDir: string, holder: DataDirHolder): void {
  // Written whole, then renamed: a reader never sees half a file.
  const path = join(dataDir, holderName);
  writeFileSync(`${path}.${process.pid}`, `${JSON.stringify(holder)}\n`);
  renameSync(`${path}.${process.pid}`, path);
}

/** A handler answering 503 with `detail`, while starting or stopping. */
function unavailable(detail: string) {
  return (_request: IncomingMessage, response: ServerResponse): void => {
    response.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' });
    response.end(
      JSON.stringify({
        type: 'about:blank',
        status: 503,
        title: 'Service unavailable',
        detail,
        fields: [],
      }),
    );
  };
}
