import { loadInputs } from '../packages/cli/dist/commands/loadInputs.js';
import { compute, frameworkTree } from '@dxmon/engine';
import { writeResults } from '../packages/cli/dist/output/writeResults.js';
import { outputTarget } from '../packages/cli/dist/output/outputTarget.js';
let t=performance.now(); const lap=(n)=>{const x=performance.now(); console.log(n, (x-t).toFixed(0)); t=x;};
const inputs = loadInputs('bench/out/framework-100.yaml','bench/out/data-10600x100x1.csv'); lap('load');
const tree=frameworkTree(inputs.framework);
const r=compute({tree, panel: inputs.data.panel}); lap('compute');
for (let i=0;i<3;i++){ const o=outputTarget('/tmp/r2.csv'); writeResults(r,'csv',o); o.commit(); lap('write');}
let n=0; for (let i=0;i<3;i++){ writeResults(r,'csv',{write:(c)=>{n+=c.length}}); lap('write-nosink');}
