import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { systemActor } from '../src/auth/actor.js';
import { subtreeOf } from '../src/auth/unitScope.js';
import { type ImportOptions, importData } from '../src/imports/importData.js';
import type { TableRow } from '../src/imports/tableRows.js';
import { lockDataWrites } from '../src/services/dataWriteLock.js';
import { createUnit, recordLineage, updateUnit } from '../src/services/unitAdmin.js';
import { onEachDatabase } from './databases.js';
import { seedProvinces } from './fixtures.js';

// The importer checks the file before its transaction, against the units as they were then; what
// an admin or a merge changes meanwhile (under the data-write lock) must hold when it writes.

/**
 * The lines of a CSV as table rows (row 1 the header), running `during` after row `after` has
 * been handed over: by then the importer has read the units and is reading the file.
 */
async function* rowsOf(
  lines: string[],
  during?: { after: number; run: () => Promise<unknown> },
): AsyncGenerator<TableRow> {
  for (const [i, line] of lines.entries()) {
    yield { row: i + 1, cells: line.split(',') };
    if (during && i + 1 === during.after) await during.run();
  }
}

const options: ImportOptions = { format: 'csv', dryRun: false, author: 'test' };

onEachDatabase('imports against units changed while the file is read', (database, kind) => {
  before(async () => {
    await seedProvinces(database());
  });

  const unit = (code: string, validFrom = '2020-01-01', parent = 'VN') =>
    createUnit(
      database(),
      { code, level: 'province', parent, names: { en: code }, valid_from: validFrom },
      systemActor,
    );
  const valuesOf = async (code: string) =>
    Number(
      (
        await database().query<{ n: string }>(
          'select count(*) as n from data_values where unit = $1',
          [code],
        )
      ).rows[0]?.n,
    );
  const problemsOf = (report: { problems: { row: number; field: string; value: string }[] }) =>
    report.problems.map((p) => [p.row, p.field, p.value]);

  test('after a unit is closed, values past its new last day are refused naming the row', async () => {
    await unit('T-CLOSED');
    await updateUnit(database(), 'T-CLOSED', { valid_to: '2024-06-30' }, systemActor);
    const report = await importData(
      database(),
      rowsOf([
        'unit,indicator,period,value',
        'T-CLOSED,days,2024,1',
        'T-CLOSED,days,2024Q3,2',
        'T-CLOSED,days,2025,3',
      ]),
      options,
    );
    assert.equal(report.status, 'refused');
    assert.deepEqual(problemsOf(report), [
      [3, 'period', '2024Q3'],
      [4, 'period', '2025'],
    ]);
    assert.equal(
      report.problems[0]?.message,
      'unit "T-CLOSED" did not exist in 2024Q3 (it existed from 2020-01-01 to 2024-06-30)',
    );
    assert.equal(await valuesOf('T-CLOSED'), 0);
    // Within its lifetime the unit still takes values.
    const ok = await importData(
      database(),
      rowsOf(['unit,indicator,period,value', 'T-CLOSED,days,2024,1']),
      options,
    );
    assert.equal(ok.status, 'applied');
    assert.equal(await valuesOf('T-CLOSED'), 1);
  });

  test('a unit closed (PATCH valid_to) while the file is read takes no values past its new last day', async () => {
    await unit('T-PATCHED');
    await unit('T-PATCHED-GOOD');
    const lines = [
      'unit,indicator,period,value',
      'T-PATCHED,days,2025,1',
      'T-PATCHED-GOOD,days,2025,2',
      'T-PATCHED,days,2024,3',
      'T-PATCHED,population,2025-03,4',
    ];
    for (const dryRun of [true, false]) {
      await updateUnit(database(), 'T-PATCHED', { valid_to: null }, systemActor);
      const report = await importData(
        database(),
        rowsOf(lines, {
          after: 2,
          // The closing is allowed: the import has written nothing yet.
          run: () => updateUnit(database(), 'T-PATCHED', { valid_to: '2024-12-31' }, systemActor),
        }),
        { ...options, dryRun },
      );
      assert.equal(report.status, 'refused', `dry run ${dryRun}`);
      assert.deepEqual(problemsOf(report), [
        [2, 'period', '2025'],
        [5, 'period', '2025-03'],
      ]);
      assert.equal(report.problems_total, 2);
      assert.equal(
        report.problems[0]?.message,
        'unit "T-PATCHED" did not exist in 2025 (it existed from 2020-01-01 to 2024-12-31)',
      );
    }
    assert.equal(await valuesOf('T-PATCHED'), 0);
    assert.equal(await valuesOf('T-PATCHED-GOOD'), 0, 'all or nothing: no row is written');
    const { rows } = await database().query<{ valid_to: string }>(
      `select valid_to::text from units where code = 'T-PATCHED'`,
    );
    assert.equal(rows[0]?.valid_to, '2024-12-31');
    const { rows: imports } = await database().query<{ status: string; problems: unknown[] }>(
      'select status, problems from imports order by id desc limit 1',
    );
    assert.equal(imports[0]?.status, 'refused');
    assert.equal(imports[0]?.problems.length, 2);
  });

  test('the predecessors a merge closes while the file is read take no values after it', async () => {
    await unit('T-MERGE-A');
    await unit('T-MERGE-B');
    await unit('T-MERGED', '2025-01-01');
    const report = await importData(
      database(),
      rowsOf(
        [
          'unit,period,days,population',
          'T-MERGE-A,2024,1,10',
          'T-MERGE-B,2025,2,20',
          'T-MERGE-A,2025Q1,3,',
          'T-MERGED,2025,4,40',
        ],
        {
          after: 1,
          run: () =>
            recordLineage(
              database(),
              {
                event: 'merge',
                date: '2025-01-01',
                predecessors: ['T-MERGE-A', 'T-MERGE-B'],
                successors: ['T-MERGED'],
              },
              systemActor,
            ),
        },
      ),
      options,
    );
    assert.equal(report.status, 'refused');
    // Wide format: one problem per row, however many of its cells.
    assert.deepEqual(problemsOf(report), [
      [3, 'period', '2025'],
      [4, 'period', '2025Q1'],
    ]);
    for (const code of ['T-MERGE-A', 'T-MERGE-B', 'T-MERGED'])
      assert.equal(await valuesOf(code), 0);
  });

  test("a unit moved out of the importer's units while the file is read is refused as outside them", async () => {
    await unit('T-SCOPE', '2020-01-01', 'VN-01');
    await unit('T-SCOPE-KEPT', '2020-01-01', 'VN-01');
    const report = await importData(
      database(),
      rowsOf(['unit,indicator,period,value', 'T-SCOPE-KEPT,days,2024,1', 'T-SCOPE,days,2024,2'], {
        after: 1,
        run: () => updateUnit(database(), 'T-SCOPE', { parent: 'VN' }, systemActor),
      }),
      { ...options, allowedUnits: (sql) => subtreeOf(sql, 'VN-01') },
    );
    assert.equal(report.status, 'refused');
    assert.deepEqual(problemsOf(report), [[3, 'unit', 'T-SCOPE']]);
    assert.equal(report.outside_units, 1);
    assert.equal(await valuesOf('T-SCOPE-KEPT'), 0);
  });

  test('a data element gone while the file is read is refused naming the rows', async () => {
    // No writer removes data elements today; were one to, the importer would not write orphans.
    await database().query(`insert into data_elements (code, name) values ('t_gone', 'Gone')`);
    await unit('T-ELEMENT');
    const report = await importData(
      database(),
      rowsOf(
        [
          'unit,indicator,period,value',
          'T-ELEMENT,days,2024,1',
          'T-ELEMENT,t_gone,2024,2',
          'T-ELEMENT,t_gone,2025,3',
        ],
        {
          after: 1,
          run: () => database().query(`delete from data_elements where code = 't_gone'`),
        },
      ),
      options,
    );
    assert.equal(report.status, 'refused');
    assert.deepEqual(problemsOf(report), [
      [3, 'indicator', 't_gone'],
      [4, 'indicator', 't_gone'],
    ]);
    assert.equal(await valuesOf('T-ELEMENT'), 0);
  });

  test('an import waiting for the lock while a unit is closed is refused once it gets the lock', {
    skip:
      kind === 'pglite' &&
      "PGlite has one connection: an import's first read waits for the open transaction, so it cannot start while the lock is held (the tests above interleave through the file instead)",
  }, async () => {
    await unit('T-WAITED');
    await unit('T-WAITED-GOOD');
    let importing: ReturnType<typeof importData> | undefined;
    await database().transaction(async (sql) => {
      await lockDataWrites(sql);
      let writing = false;
      importing = importData(
        database(),
        rowsOf([
          'unit,indicator,period,value',
          'T-WAITED,days,2025,1',
          'T-WAITED-GOOD,days,2025,1',
        ]),
        { ...options, onWriting: () => (writing = true) },
      );
      // The importer has read the units and checked the rows, and waits for the lock.
      for (let waited = 0; ; waited += 10) {
        const { rows } = await database().query<{ n: number }>(
          `select count(*)::int as n from pg_locks
              where locktype = 'advisory' and objid = 7312025 and not granted`,
        );
        if (writing && rows[0]?.n === 1) break;
        assert.ok(waited < 20_000, 'the import never waited for the lock');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await sql.query(`update units set valid_to = '2024-12-31' where code = 'T-WAITED'`);
    });
    const report = await (importing as ReturnType<typeof importData>);
    assert.equal(report.status, 'refused');
    assert.deepEqual(problemsOf(report), [[2, 'period', '2025']]);
    assert.equal(await valuesOf('T-WAITED'), 0);
    assert.equal(await valuesOf('T-WAITED-GOOD'), 0);
  });
});
