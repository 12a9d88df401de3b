import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** No Chromium to print with: says how to install one or where to point dxmon. */
export class ChromiumMissing extends Error {
  constructor(detail: string) {
    super(
      `PDF reports need Chromium, and ${detail}. Install it with \`apt-get install -y chromium\` (Debian, Ubuntu), or set DXMON_CHROMIUM to a Chromium or Chrome binary.`,
    );
    this.name = 'ChromiumMissing';
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with: DXMON_CHROMIUM, else Debian's /usr/bin/chromium, else the PATH's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.DXMON_CHROMIUM;
  if (configured) {
    if (!executable(configured)) {
      throw new ChromiumMissing(`DXMON_CHROMIUM (${configured}) is not an executable file`);
    }
    return configured;
  }
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  throw new ChromiumMissing('none was found (neither /usr/bin/chromium nor chromium on the PATH)');
}
