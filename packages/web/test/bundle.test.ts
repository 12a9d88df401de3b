// The web app's production build: no chunk is over Vite's 500 kB warning (ECharts is split into
// its core and the parts of each kind of chart), and a map loads no axes nor axes a map.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build, type Rolldown } from 'vite';

const webRoot = new URL('../', import.meta.url).pathname;

async function chunks(): Promise<Rolldown.OutputChunk[]> {
  const output = await build({
    root: webRoot,
    configFile: `${webRoot}vite.config.ts`,
    logLevel: 'silent',
    build: { write: false, sourcemap: false },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  return outputs
    .flatMap((o) => o.output)
    .filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
}

test('no chunk of the build is over 500 kB, and each kind of chart loads its own parts', async () => {
  const built = await chunks();
  // Vite warns over build.chunkSizeWarningLimit (500) kB of minified code.
  const large = built
    .filter((c) => c.code.length > 500_000)
    .map((c) => `${c.fileName} ${Math.round(c.code.length / 1000)} kB`);
  assert.deepEqual(large, []);
  const modulesOf = (name: string) => {
    const chunk = built.find((c) => c.name === name);
    assert.ok(chunk, `a chunk named ${name}`);
    return chunk.moduleIds.map((id) => id.replace(/.*node_modules\//, ''));
  };
  const map = modulesOf('mapParts');
  const axes = modulesOf('axesParts');
  assert.ok(map.some((id) => id.startsWith('echarts/lib/chart/map/')));
  assert.ok(!map.some((id) => id.startsWith('echarts/lib/chart/line/')));
  assert.ok(axes.some((id) => id.startsWith('echarts/lib/chart/line/')));
  assert.ok(!axes.some((id) => id.startsWith('echarts/lib/chart/map/')));
});
