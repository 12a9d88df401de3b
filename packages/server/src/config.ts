import { z } from 'zod';

/** The server's configuration: one validated object built at start, passed down. */
export const serverConfigSchema = z.object({
  /** PGlite's folder when no database URL is given. */
  dataDir: z.string().min(1).default('./dxmon-data'),
  /** PostgreSQL connection string; PGlite when absent. */
  databaseUrl: z.string().url().optional(),
  /**
   * PostgreSQL: the connection string of the role that owns the schema. Migrations run with it,
   * and `databaseUrl`'s role (the application role) then runs no DDL at all.
   */
  migrationUrl: z.string().url().optional(),
  /** PostgreSQL: the application role `dxmon migrate` grants its privileges to. */
  appRole: z.string().min(1).optional(),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest request body (imports), in bytes. */
  bodyLimit: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /** Run the job queue's workers in this process. */
  workers: z.boolean().default(true),
  /**
   * Behind a reverse proxy: whose `X-Forwarded-For` and `X-Forwarded-Proto` to believe (`true`
   * for any, or the proxies' addresses or CIDR ranges, comma-separated); none by default.
   */
  trustProxy: z
    .string()
    .optional()
    .transform((v) =>
      v === undefined || v === '' || v === 'false'
        ? false
        : v === 'true'
          ? true
          : v.split(',').map((a) => a.trim()),
    ),
  /** The SMTP server of e-mail notifications (`smtp://user:pass@host:587`); in-app only when absent. */
  smtpUrl: z.string().url().optional(),
  /** The sender of e-mail notifications. */
  mailFrom: z.string().min(3).default('dxmon <dxmon@localhost>'),
  /** The address people open dxmon at: links in e-mails start with it. */
  publicUrl: z.string().url().optional(),
  /** Officers are reminded this many days before a round's due date (and on it). */
  reminderDaysBefore: z.coerce.number().int().min(0).max(60).default(3),
});

export type ServerConfig = z.output<typeof serverConfigSchema>;

/**
 * Builds the configuration from command-line flags and the environment (flags win). Only
 * `DATABASE_URL`, `DATABASE_MIGRATION_URL`, `DATABASE_APP_ROLE`, `DXMON_DATA_DIR`, `PORT`, `HOST`,
 * `LOG_LEVEL`, `TRUST_PROXY`, `SMTP_URL`, `MAIL_FROM`, `PUBLIC_URL` and `REMINDER_DAYS_BEFORE` are read, here and nowhere else.
 */
export function loadConfig(
  flags: Partial<Record<keyof ServerConfig, unknown>> = {},
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const defined = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  return serverConfigSchema.parse({
    dataDir: env.DXMON_DATA_DIR,
    databaseUrl: env.DATABASE_URL || undefined,
    migrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    appRole: env.DATABASE_APP_ROLE || undefined,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    reminderDaysBefore: env.REMINDER_DAYS_BEFORE || undefined,
    ...defined,
  });
}
