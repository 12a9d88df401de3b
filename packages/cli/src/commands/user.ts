import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { CliError } from '../cliError.js';

type Server = typeof import('@dxmon/server');

/** Opens the database `dxmon serve` uses, runs `work`, and turns the server's problems into messages. */
export async function withDatabase<T>(
  dataDir: string | undefined,
  work: (server: Server, database: Awaited<ReturnType<Server['openDatabase']>>) => Promise<T>,
): Promise<T> {
  const server = await import('@dxmon/server');
  const database = await server.openDatabase(server.loadConfig({ dataDir }));
  try {
    return await work(server, database);
  } catch (error) {
    if (error instanceof server.ApiProblem) {
      throw new CliError(
        error.message,
        error.fields.map(
          (f) =>
            `${f.field}: ${f.message}${f.value !== undefined ? ` (got ${JSON.stringify(f.value)})` : ''}`,
        ),
      );
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** The first line of standard input: a password piped in, never typed on the command line. */
function passwordFromStdin(): string {
  const text = readFileSync(0, 'utf8');
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new CliError('--password-stdin: standard input is empty');
  return line;
}

/** `dxmon user add` and `dxmon user list`. */
export function userCommand(): Command {
  const user = new Command('user').description('Manage accounts: add one, list them.');
  user
    .command('add')
    .description('Create an account.')
    .requiredOption('--email <email>', 'email address (the sign-in name)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', 'admin | analyst | officer | approver | viewer')
    .option('--unit <code>', 'the unit the account acts for (officers, approvers, viewers)')
    .option('--language <lang>', 'en | vi | ar (default en)')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .addHelpText(
      'after',
      `
Roles: admin (everything); analyst (national: frameworks, runs, imports anywhere); officer (enters,
imports and submits data for --unit and the units below it); approver (approves and reopens the
submissions of the units below --unit); viewer (reads the non-public data of --unit's subtree).
Without --password-stdin the account can only use API tokens (dxmon token create).

Examples:
  $ echo 'a long passphrase' | dxmon user add --email lan@ninhbinh.gov.vn --name "Nguyen Lan" --role officer --unit VN-37 --password-stdin
  $ dxmon user add --email bot@example.org --name "Nightly loader" --role analyst`,
    )
    .action(
      async (flags: {
        email: string;
        name: string;
        role: string;
        unit?: string;
        language?: string;
        passwordStdin?: boolean;
        dataDir?: string;
      }) => {
        const password = flags.passwordStdin ? passwordFromStdin() : undefined;
        await withDatabase(flags.dataDir, async (server, database) => {
          const created = await server.createUser(
            database,
            {
              email: flags.email,
              name: flags.name,
              role: flags.role,
              unit: flags.unit,
              language: flags.language,
              password,
            },
            server.cliActor(),
          );
          process.stdout.write(
            `created ${created.email} (${created.role}${created.unit ? ` of ${created.unit}` : ''})${password ? '' : '; no password: it signs in with API tokens only'}\n`,
          );
        });
      },
    );
  user
    .command('list')
    .description('List the accounts.')
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .action(async (flags: { dataDir?: string }) => {
      await withDatabase(flags.dataDir, async (server, database) => {
        const users = await server.listUsers(database);
        const rows = [
          ['email', 'name', 'role', 'unit', 'language', 'active'],
          ...users.map((u) => [
            u.email,
            u.name,
            u.role,
            u.unit ?? '',
            u.language,
            u.active ? 'yes' : 'no',
          ]),
        ];
        const widths =
          rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
        for (const r of rows) {
          process.stdout.write(
            `${r
              .map((c, i) => c.padEnd(widths[i] ?? 0))
              .join('  ')
              .trimEnd()}\n`,
          );
        }
      });
    });
  return user;
}

/** `dxmon token create`: a personal API token for scripts. */
export function tokenCommand(): Command {
  const token = new Command('token').description('Manage API tokens.');
  token
    .command('create')
    .description('Create an API token for an account; the secret is printed once.')
    .requiredOption('--email <email>', 'the account')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .addHelpText(
      'after',
      `
The token acts with the account's role and units: send it as "Authorization: Bearer <token>".
Only its hash is stored: keep it safe; revoke it with DELETE /api/tokens/:id.

Example:
  $ dxmon token create --email bot@example.org --name nightly-import`,
    )
    .action(async (flags: { email: string; name: string; dataDir?: string }) => {
      await withDatabase(flags.dataDir, async (server, database) => {
        const user = await server.findUser(database, flags.email);
        if (!user) throw new CliError(`there is no account ${flags.email}`);
        const created = await server.createApiToken(
          database,
          user.id,
          flags.name,
          server.cliActor(),
        );
        process.stderr.write(`token ${created.id} "${created.name}" for ${user.email}:\n`);
        process.stdout.write(`${created.token}\n`);
      });
    });
  return token;
}
