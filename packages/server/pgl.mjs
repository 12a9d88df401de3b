import { PGlite } from '@electric-sql/pglite';

let t0 = performance.now();
let c = await PGlite.create('/tmp/pgl-test');
console.log('reopen ms', performance.now() - t0);
await c.close();
t0 = performance.now();
c = await PGlite.create();
console.log('memory ms', performance.now() - t0);
await c.exec('create table t(a int); insert into t values (1)');
t0 = performance.now();
const d = await c.clone();
console.log('clone ms', performance.now() - t0, (await d.query('select * from t')).rows);
t0 = performance.now();
const dump = await c.dumpDataDir('none');
const e = await PGlite.create({ loadDataDir: dump });
console.log('load dump ms', performance.now() - t0, (await e.query('select * from t')).rows);
