import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { CliError } from '../cliError.js';
import { jsonOf, withLocalApi } from '../local/localApi.js';

interface Account {
  email: string;
  name: string;
  role: string;
  unit: string | null;
  language: string;
  active: boolean;
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
        const created = await withLocalApi(flags.dataDir, 'dxmon user add', async (api) =>
          jsonOf<Account>(
            await api.request({
              method: 'POST',
              url: '/api/users',
              body: {
                email: flags.email,
                name: flags.name,
                role: flags.role,
                unit: flags.unit,
                language: flags.language,
                password,
              },
            }),
          ),
        );
        process.stdout.write(
          `created ${created.email} (${created.role}${created.unit ? ` of ${created.unit}` : ''})${password ? '' : '; no password: it signs in with API tokens only'}\n`,
        );
      },
    );
  user
    .command('list')
    .description('List the accounts.')
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .action(async (flags: { dataDir?: string }) => {
      const { items: users } = await withLocalApi(flags.dataDir, 'dxmon user list', async (api) =>
        jsonOf<{ items: Account[] }>(await api.request({ method: 'GET', url: '/api/users' })),
      );
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
      const created = await withLocalApi(flags.dataDir, 'dxmon token create', async (api) =>
        jsonOf<{ id: number; name: string; token: string }>(
          await api.request({
            method: 'POST',
            url: '/api/tokens',
            body: { name: flags.name, email: flags.email },
          }),
        ),
      );
      process.stderr.write(
        `token ${created.id} "${created.name}" for ${flags.email.trim().toLowerCase()}:\n`,
      );
      process.stdout.write(`${created.token}\n`);
    });
  return token;
}
