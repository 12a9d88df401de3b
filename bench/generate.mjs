// Deterministic synthetic inputs for the benchmarks: a three-level framework (index -> 5 pillars ->
// 20 sub-pillars -> indicators) and long-format data with about 3% missing values and a skewed
// indicator every tenth, so imputation and outlier treatment have work to do.
import { mkdirSync, writeFileSync } from 'node:fs';

/** Park-Miller minimal standard generator: deterministic, seedable, dependency-free. */
function generator(seed) {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

export function framework(indicators) {
  const lines = ['id: bench', 'name: Benchmark index', 'nodes:', '  - {code: INDEX, name: Index}'];
  for (let p = 0; p < 5; p++) lines.push(`  - {code: P${p}, parent: INDEX}`);
  for (let s = 0; s < 20; s++) lines.push(`  - {code: S${s}, parent: P${s % 5}}`);
  for (let i = 0; i < indicators; i++) {
    lines.push(`  - {code: I${i}, parent: S${i % 20}, direction: ${i % 7 === 0 ? -1 : 1}}`);
  }
  return `${lines.join('\n')}\n`;
}

export function dataCsv(units, indicators, periods, seed = 1) {
  const random = generator(seed);
  const rows = ['unit,indicator,period,value,region'];
  for (let p = 0; p < periods; p++) {
    const period = 2020 + p;
    for (let u = 0; u < units; u++) {
      const unit = `U${String(u).padStart(5, '0')}`;
      const region = `R${u % 8}`;
      for (let i = 0; i < indicators; i++) {
        const r = random();
        let value = '';
        if (r > 0.03) {
          const x = random() * 100;
          value = (i % 10 === 0 ? x ** 3 / 1e4 : x).toFixed(3);
        }
        rows.push(`${unit},I${i},${period},${value},${region}`);
      }
    }
  }
  return `${rows.join('\n')}\n`;
}

export function writeInputs(dir, units, indicators, periods) {
  mkdirSync(dir, { recursive: true });
  const fw = `${dir}/framework-${indicators}.yaml`;
  const data = `${dir}/data-${units}x${indicators}x${periods}.csv`;
  writeFileSync(fw, framework(indicators));
  writeFileSync(data, dataCsv(units, indicators, periods));
  return { framework: fw, data };
}
