import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { CliError } from './cliError.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { computeCommand } from './commands/compute.js';
import { criteriaCommand } from './commands/criteria.js';
import { demoCommand } from './commands/demo.js';
import { explainCommand } from './commands/explain.js';
import { exportCommand } from './commands/exportData.js';
import { forecastCommand } from './commands/forecast.js';
import { importCommand } from './commands/importData.js';
import { migrateCommand } from './commands/migrate.js';
import { reportCommand } from './commands/report.js';
import { serveCommand } from './commands/serve.js';
import { targetsCommand } from './commands/targets.js';
import { uncertaintyCommand } from './commands/uncertainty.js';
import { tokenCommand, userCommand } from './commands/user.js';
import { validateCommand } from './commands/validate.js';

/** At most this many problems are printed; the rest are counted. */
const maxProblemsShown = 100;

export function program(): Command {
  const { version } = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  const cli = new Command('dxmon')
    .description(
      'Measure, monitor and forecast digital transformation: composite indices, rankings and targets.',
    )
    .version(version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ dxmon compute --framework data/examples/worked/framework.yaml --data data/examples/worked/data.csv
  $ dxmon validate --framework data/examples/asem/framework.yaml --data data/examples/asem/data.csv
  $ dxmon targets --data data/examples/targets/data.csv --targets data/examples/targets/targets.csv --format text
  $ dxmon criteria --model data/examples/communes/model.yaml --data data/examples/communes/data.csv --period 2023
  $ dxmon explain --framework data/examples/worked/framework.yaml --data data/examples/worked/data.csv --unit C
  $ dxmon serve --demo
  $ dxmon compute --help`,
    );

  cli
    .command('compute')
    .description(
      "Compute every node's score and rank for every unit: indicator scores (normalised) and every aggregate up to the index.",
    )
    .requiredOption('--framework <file>', 'framework definition (YAML or JSON)')
    .requiredOption('--data <file>', 'data as long CSV: unit,indicator,period,value')
    .option('--period <period>', 'compute one period only (default: every period in the data)')
    .addOption(
      new Option(
        '--normalise <method>',
        'minmax[:L:U] | zscore[:MEAN:SD] | goalposts:LOWER:UPPER | rank (default minmax:0:100)',
      ),
    )
    .addOption(
      new Option(
        '--aggregate <method>',
        'arithmetic | geometric | harmonic | generalised:P (default arithmetic)',
      ),
    )
    .addOption(
      new Option('--impute <method>', 'none | mean | median | group-mean | latest (default none)'),
    )
    .option(
      '--group-by <column>',
      "data column giving each unit's group (e.g. region), for group-mean imputation",
    )
    .addOption(new Option('--outliers <method>', 'none | winsorise (default none)'))
    .addOption(
      new Option(
        '--format <format>',
        'csv | json (default: json if --out ends in .json, else csv)',
      ),
    )
    .option('--out <file>', 'output file, or - for standard output (default -)')
    .option(
      '--with <columns>',
      'extra columns: rank_change (places gained since the previous period), group_rank (rank within the --group-by group)',
    )
    .option(
      '--record <file>',
      "also write the run record (settings, treatments, warnings, correlations, Cronbach's alpha) as JSON",
    )
    .addHelpText(
      'after',
      `
Settings given in the framework for a node (normalise, aggregate, impute, outliers) win over these flags.

Examples:
  $ dxmon compute --framework data/examples/worked/framework.yaml --data data/examples/worked/data.csv
  $ dxmon compute --framework fw.yaml --data data.csv --period 2024 --impute group-mean --group-by region \\
      --outliers winsorise --out results.csv --record run.json
  $ dxmon compute --framework fw.yaml --data data.csv --normalise goalposts:0:100 --aggregate geometric --format json
  $ dxmon compute --framework fw.yaml --data data.csv --period 2024 --group-by region --with rank_change,group_rank

Output: CSV with header unit,code,period,score,rank (a missing score is an empty field), or JSON records
with the same fields. Exit code 1 on bad input, with one message per problem naming file, line and column;
no output file is written then.`,
    )
    .action((flags) => computeCommand(flags, console));

  cli
    .command('validate')
    .description(
      'Check a framework, and optionally data against it, reporting every problem at once.',
    )
    .requiredOption('--framework <file>', 'framework definition (YAML or JSON)')
    .option('--data <file>', 'data as long CSV: unit,indicator,period,value')
    .option('--group-by <column>', "data column giving each unit's group (checked for consistency)")
    .addHelpText(
      'after',
      `
Checks: malformed nodes, duplicate codes, unknown parents, cycles, several roots, non-positive weights,
malformed formulas; with --data also non-numeric values, bad periods, duplicate rows, indicators without
data and data rows for codes the framework does not use.

Examples:
  $ dxmon validate --framework data/examples/worked/framework.yaml
  $ dxmon validate --framework fw.yaml --data data.csv`,
    )
    .action((flags) => validateCommand(flags, console));

  cli.addCommand(targetsCommand());
  cli.addCommand(criteriaCommand());
  cli.addCommand(explainCommand());
  cli.addCommand(forecastCommand());
  cli.addCommand(uncertaintyCommand());
  cli.addCommand(serveCommand());
  cli.addCommand(migrateCommand());
  cli.addCommand(demoCommand());
  cli.addCommand(importCommand());
  cli.addCommand(exportCommand());
  cli.addCommand(reportCommand());
  cli.addCommand(backupCommand());
  cli.addCommand(restoreCommand());
  cli.addCommand(userCommand());
  cli.addCommand(tokenCommand());

  return cli;
}

/** Runs the CLI and returns the exit code; errors become messages, never stack traces. */
export async function run(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      console.error(`dxmon: ${error.message}`);
      for (const line of error.problems.slice(0, maxProblemsShown)) console.error(`  ${line}`);
      const more = error.problems.length - maxProblemsShown;
      if (more > 0) console.error(`  ... and ${more} more problem${more === 1 ? '' : 's'}`);
      return error.exitCode;
    }
    // The server's refusal to run DDL as an application role says what to run: no stack trace.
    if (error instanceof Error && error.name === 'MigrationsPending') {
      console.error(`dxmon: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
