import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../src/app.js';
import { systemActor } from '../src/auth/actor.js';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { createApiToken } from '../src/services/apiTokens.js';
import { saveFramework } from '../src/services/frameworks.js';
import { remindersCron, startJobs } from '../src/services/jobs.js';
import { createMailer } from '../src/services/notifications/mailer.js';
import { createUser } from '../src/services/users.js';
import { databaseKinds, freshDatabase, onEachDatabase } from './databases.js';
import { adminAuthorization, miniData, miniFramework, seedProvinces } from './fixtures.js';

interface Captured {
  to: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server on a free port, keeping every message it accepts; it refuses the recipients
 * of `refuse` (a mailbox that does not exist) and counts the refusals.
 */
async function smtpCapture(refuse: string[] = []): Promise<{
  url: string;
  mails: Captured[];
  refused: string[];
  close(): Promise<void>;
}> {
  const mails: Captured[] = [];
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, done) {
      if (!refuse.includes(address.address)) return done();
      refused.push(address.address);
      done(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
    },
    onData(stream, session, done) {
      simpleParser(stream).then(
        (mail) => {
          for (const to of session.envelope.rcptTo)
            mails.push({ to: to.address, subject: mail.subject ?? '', text: mail.text ?? '' });
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The app with its job queue, as a server process starts it, e-mailing through `smtpUrl`. */
async function startApp(database: Database, smtpUrl: string | undefined): Promise<FastifyInstance> {
  const jobs = await startJobs(database, {
    workers: true,
    notifications: {
      mailer: createMailer(smtpUrl, 'dxmon <dxmon@dxmon.test>'),
      publicUrl: 'https://dxmon.test',
      reminderDaysBefore: 3,
    },
  });
  const app = await buildApp({ config: loadConfig({ logLevel: 'silent' }, {}), database, jobs });
  app.addHook('onClose', () => jobs.stop());
  return app;
}

const accounts = [
  ['hanoi', 'officer', 'VN-01', 'en'],
  ['north', 'officer', 'VN-08', 'vi'],
  ['national', 'officer', 'VN', 'ar'],
  ['quiet', 'officer', 'VN-02', 'en'],
  ['ministry', 'approver', 'VN', 'vi'],
  ['hanoiApprover', 'approver', 'VN-01', 'en'],
] as const;
const mail = (who: string) => `${who}@notify.test`;

/**
 * Three 2024 provinces (VN-01, VN-02, VN-08) report the mini index; its 2024 round is due on
 * 15 March 2025. Officers of each, one of the whole country (VN), and the ministry's approver.
 */
async function seed(database: Database): Promise<Record<string, Record<string, string>>> {
  await seedProvinces(database);
  await saveFramework(database.db, miniFramework);
  const as: Record<string, Record<string, string>> = {};
  for (const [who, role, unit, language] of accounts) {
    const user = await createUser(
      database,
      { email: mail(who), name: `${who} person`, role, unit, language },
      systemActor,
    );
    const { token } = await createApiToken(database, user.id, 'test', systemActor);
    as[who] = { authorization: `Bearer ${token}` };
  }
  await database.query(`update users set email_notifications = false where email = $1`, [
    mail('quiet'),
  ]);
  as.admin = { authorization: await adminAuthorization(database) };
  return as;
}

async function loadRound(app: FastifyInstance, admin: Record<string, string>): Promise<void> {
  const imported = await app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: { ...admin, 'content-type': 'text/csv' },
    body: miniData,
  });
  assert.equal(imported.statusCode, 200, imported.body);
  await setDue(app, admin, '2025-03-15');
}

async function setDue(app: FastifyInstance, admin: Record<string, string>, due: string) {
  const res = await app.inject({
    method: 'PUT',
    url: '/api/reporting/calendars',
    headers: admin,
    payload: {
      dataset: 'mini',
      period: '2024',
      opens_on: '2025-02-01',
      due_on: due,
      late_until: '2025-04-30',
    },
  });
  assert.equal(res.statusCode, 200, res.body);
}

/** Waits until `mails` holds `n` messages, then a moment more for any that should not come. */
async function settle(mails: Captured[], n: number): Promise<Captured[]> {
  const deadline = Date.now() + 10_000;
  while (mails.length < n && Date.now() < deadline) await sleep(50);
  await sleep(400);
  return mails;
}

/** Waits until the reminder jobs queued (the one at start) have run. */
async function startupRunDone(database: Database): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await database.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = 'reminders' and state <> 'completed'`,
    );
    if (rows[0]?.n === 0) return;
    await sleep(100);
  }
  throw new Error('the reminder job queued at start did not run');
}

const byRecipient = (mails: Captured[]) => [...mails].sort((a, b) => a.to.localeCompare(b.to));

onEachDatabase('reminders and notifications', (database) => {
  let smtp: Awaited<ReturnType<typeof smtpCapture>>;
  let app: FastifyInstance;
  let as: Record<string, Record<string, string>>;
  before(async () => {
    smtp = await smtpCapture();
    as = await seed(database());
    app = await startApp(database(), smtp.url);
    await loadRound(app, as.admin as Record<string, string>);
  });
  after(async () => {
    await app?.close();
    await smtp?.close();
  });

  const notifications = async (who: string, query = '') => {
    const res = await app.inject({ url: `/api/notifications${query}`, headers: as[who] });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as {
      items: {
        id: number;
        kind: string;
        stage?: string;
        units_total: number;
        email: string;
        link: string;
        read_at: string | null;
      }[];
      unread: number;
      total: number;
    };
  };

  test('the reminder job is scheduled with pg-boss, every 15 minutes', async () => {
    const { rows } = await database().query<{ name: string; cron: string }>(
      'select name, cron from pgboss.schedule',
    );
    assert.deepEqual(rows, [{ name: 'reminders', cron: remindersCron }]);
    assert.equal(remindersCron, '*/15 * * * *');
  });

  test('three days before the due date each officer with units to submit gets one e-mail, in their language', async () => {
    const run = await app.jobs.remind('2025-03-12');
    assert.equal(run.rounds, 1);
    // hanoi (VN-01), north (VN-08), national (all three), quiet (VN-02, in-app only).
    assert.equal(run.created, 4);
    const mails = byRecipient(await settle(smtp.mails, 3));
    assert.deepEqual(
      mails.map((m) => m.to),
      [mail('hanoi'), mail('national'), mail('north')],
    );
    const [hanoi, national, north] = mails as [Captured, Captured, Captured];
    assert.equal(hanoi.subject, 'Reminder: Mini DX index 2024 is due on 15 March 2025');
    assert.match(
      hanoi.text,
      /1 unit\(s\) you report for have not submitted Mini DX index for 2024: Ha Noi\./,
    );
    assert.match(
      hanoi.text,
      /https:\/\/dxmon\.test\/entry\?dataset=mini&period=2024&unit=VN-01&lang=en/,
    );
    assert.match(
      north.subject,
      /^Nhắc nhở: hạn nộp Mini DX index kỳ 2024 là ngày 15 tháng 3, 2025$/,
    );
    assert.match(north.text, /Tuyen Quang/);
    assert.match(national.subject, /^تذكير: موعد تسليم Mini DX index للفترة 2024/);
    // The national officer's three provinces, counted and named.
    assert.match(national.text, /لم تُسلِّم 3 من الوحدات/);
    for (const name of ['Ha Noi', 'Ha Giang', 'Tuyen Quang'])
      assert.ok(national.text.includes(name), name);
    assert.match(
      national.text,
      /https:\/\/dxmon\.test\/reporting\?dataset=mini&period=2024&lang=ar/,
    );

    const quiet = await notifications('quiet');
    assert.equal(quiet.unread, 1);
    assert.equal(quiet.items[0]?.kind, 'reminder');
    assert.equal(quiet.items[0]?.email, 'skipped');
    assert.equal((await notifications('hanoi')).items[0]?.email, 'sent');
  });

  test('running the job again, that day or the next, sends nothing more', async () => {
    const before = smtp.mails.length;
    assert.equal((await app.jobs.remind('2025-03-12')).created, 0);
    assert.equal((await app.jobs.remind('2025-03-13')).created, 0);
    await settle(smtp.mails, before);
    assert.equal(smtp.mails.length, before);
    assert.equal((await notifications('national')).total, 1);
  });

  test('after a restart on the same database, still nothing more', async () => {
    const before = smtp.mails.length;
    await app.close();
    app = await startApp(database(), smtp.url);
    // The new process's own start-up run (today's date) and an explicit one on the round's day.
    assert.equal((await app.jobs.remind('2025-03-12')).created, 0);
    await settle(smtp.mails, before);
    assert.equal(smtp.mails.length, before);
  });

  test("a submission notifies the approvers above the unit, by e-mail in the approver's language", async () => {
    const before = smtp.mails.length;
    const res = await app.inject({
      method: 'POST',
      url: '/api/workflow/submit',
      headers: as.hanoi,
      payload: { unit: 'VN-01', dataset: 'mini', period: '2024' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const mails = (await settle(smtp.mails, before + 1)).slice(before);
    // The ministry (an approver of VN); not Ha Noi's own approver, who cannot approve Ha Noi.
    assert.deepEqual(
      mails.map((m) => m.to),
      [mail('ministry')],
    );
    assert.match(
      mails[0]?.subject ?? '',
      /^Ha Noi đã nộp Mini DX index kỳ 2024, chờ bạn phê duyệt$/,
    );
    assert.match(mails[0]?.text ?? '', /hanoi person đã nộp/);
    assert.match(mails[0]?.text ?? '', /https:\/\/dxmon\.test\/approvals\?lang=vi/);
    const ministry = await notifications('ministry');
    assert.equal(ministry.unread, 1);
    assert.equal(ministry.items[0]?.kind, 'submitted');
    assert.equal((await notifications('hanoiApprover')).total, 0);
  });

  test('on the due day the officers of units still to submit are reminded again, once', async () => {
    const before = smtp.mails.length;
    const run = await app.jobs.remind('2025-03-15');
    // north (VN-08), national (VN-02 and VN-08), quiet (in-app); not hanoi, submitted.
    assert.equal(run.created, 3);
    const mails = byRecipient((await settle(smtp.mails, before + 2)).slice(before));
    assert.deepEqual(
      mails.map((m) => m.to),
      [mail('national'), mail('north')],
    );
    assert.match(mails[1]?.subject ?? '', /^Đến hạn: Mini DX index kỳ 2024/);
    assert.match(mails[0]?.text ?? '', /لم تُسلِّم 2 من الوحدات/);
    assert.ok(!mails[0]?.text.includes('Ha Noi'));
    assert.equal((await app.jobs.remind('2025-03-20')).created, 0);
    await settle(smtp.mails, before + 2);
    assert.equal(smtp.mails.length, before + 2);
  });

  test('a user reads and marks notifications; e-mail off stays in the app', async () => {
    const quiet = await notifications('quiet');
    assert.equal(quiet.unread, 2);
    assert.deepEqual(
      quiet.items.map((i) => [i.stage, i.email]),
      [
        ['due', 'skipped'],
        ['before', 'skipped'],
      ],
    );
    const read = await app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: as.quiet,
      payload: { ids: [quiet.items[0]?.id] },
    });
    assert.equal(read.statusCode, 200, read.body);
    assert.deepEqual(read.json(), { marked: 1, unread: 1 });
    assert.equal((await notifications('quiet', '?unread=true')).items.length, 1);
    // Another user's notification is not theirs to mark.
    const other = await app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: as.hanoi,
      payload: { ids: [quiet.items[1]?.id] },
    });
    assert.deepEqual(other.json(), { marked: 0, unread: 1 });
    const all = await app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: as.quiet,
      payload: { all: true },
    });
    assert.deepEqual(all.json(), { marked: 1, unread: 0 });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: as.quiet,
      payload: {},
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().fields[0].field, 'body.ids');
    assert.equal((await app.inject({ url: '/api/notifications' })).statusCode, 401);
  });

  test('the preference switches e-mail on and off', async () => {
    const get = await app.inject({ url: '/api/me/preferences', headers: as.north });
    assert.deepEqual(get.json(), {
      email_notifications: true,
      email: mail('north'),
      language: 'vi',
    });
    const off = await app.inject({
      method: 'PUT',
      url: '/api/me/preferences',
      headers: as.north,
      payload: { email_notifications: false },
    });
    assert.equal(off.json().email_notifications, false);
    const badLanguage = await app.inject({
      method: 'PUT',
      url: '/api/me/preferences',
      headers: as.north,
      payload: { language: 'fr' },
    });
    assert.equal(badLanguage.statusCode, 400);
    // The round's due date moves: new reminders, in-app only for north now.
    const before = smtp.mails.length;
    await setDue(app, as.admin as Record<string, string>, '2025-03-25');
    const run = await app.jobs.remind('2025-03-22');
    assert.equal(run.created, 3);
    const mails = (await settle(smtp.mails, before + 1)).slice(before);
    assert.deepEqual(
      mails.map((m) => m.to),
      [mail('national')],
    );
    assert.equal((await notifications('north')).items[0]?.email, 'skipped');
  });

  test('approving settles the notice of the submission', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/workflow/approve',
      headers: as.ministry,
      payload: { unit: 'VN-01', dataset: 'mini', period: '2024' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await notifications('ministry')).unread, 0);
  });

  test('without SMTP_URL, reminders are made in the app only', async () => {
    const before = smtp.mails.length;
    await app.close();
    app = await startApp(database(), undefined);
    await setDue(app, as.admin as Record<string, string>, '2025-04-01');
    const run = await app.jobs.remind('2025-03-29');
    assert.equal(run.created, 3);
    assert.equal(run.sent, 0);
    await settle(smtp.mails, before);
    assert.equal(smtp.mails.length, before);
    const national = await notifications('national');
    assert.equal(national.items[0]?.email, 'skipped');
    assert.equal(national.unread, 4);
  });
});

// A mail the SMTP server refuses is tried again at the next runs, three times in all, then given
// up; the others go once.
onEachDatabase('reminders whose e-mail fails', (database) => {
  let smtp: Awaited<ReturnType<typeof smtpCapture>>;
  let app: FastifyInstance;
  before(async () => {
    smtp = await smtpCapture([mail('north')]);
    const as = await seed(database());
    app = await startApp(database(), smtp.url);
    await loadRound(app, as.admin as Record<string, string>);
    // The start-up run is over, so that only the runs below try the mails.
    await startupRunDone(database());
  });
  after(async () => {
    await app?.close();
    await smtp?.close();
  });

  const north = async () =>
    (
      await database().query<{ state: string; attempts: number; error: string | null }>(
        `select n.email_state as state, n.email_attempts as attempts, n.email_error as error
           from notifications n join users u on u.id = n.user_id where u.email = $1`,
        [mail('north')],
      )
    ).rows;

  test('three attempts, then failed; the others sent once', async () => {
    const first = await app.jobs.remind('2025-03-12');
    assert.equal(first.created, 4);
    await settle(smtp.mails, 2);
    assert.deepEqual(
      (await north()).map((r) => [r.state, r.attempts]),
      [['pending', 1]],
    );
    assert.match((await north())[0]?.error ?? '', /550/);
    await app.jobs.remind('2025-03-12');
    assert.equal((await north())[0]?.state, 'pending');
    await app.jobs.remind('2025-03-12');
    assert.deepEqual(
      (await north()).map((r) => [r.state, r.attempts]),
      [['failed', 3]],
    );
    await app.jobs.remind('2025-03-13');
    await settle(smtp.mails, 2);
    assert.deepEqual(
      (await north()).map((r) => [r.state, r.attempts]),
      [['failed', 3]],
    );
    assert.equal(smtp.refused.length, 3);
    assert.deepEqual(
      byRecipient(smtp.mails).map((m) => m.to),
      [mail('hanoi'), mail('national')],
    );
  });
});

// Two server processes (two pools on one PostgreSQL database, each with its job queue) run the
// reminder job at the same moment: every reminder is made and e-mailed once.
if (databaseKinds().includes('postgres')) {
  describe('reminders from two processes at once [postgres]', () => {
    let smtp: Awaited<ReturnType<typeof smtpCapture>>;
    let fresh: Awaited<ReturnType<typeof freshDatabase>>;
    let second: Database;
    let apps: FastifyInstance[] = [];
    before(async () => {
      smtp = await smtpCapture();
      fresh = await freshDatabase('postgres');
      const as = await seed(fresh.database);
      second = await openDatabase({ databaseUrl: fresh.url });
      apps = [await startApp(fresh.database, smtp.url), await startApp(second, smtp.url)];
      await loadRound(apps[0] as FastifyInstance, as.admin as Record<string, string>);
    });
    after(async () => {
      for (const app of apps) await app.close();
      await second?.close();
      await fresh?.database.close();
      await fresh?.drop();
      await smtp?.close();
    });

    test('each reminder is sent once', async () => {
      const runs = await Promise.all(
        [...apps, ...apps].map((app) => app.jobs.remind('2025-03-12')),
      );
      assert.equal(
        runs.reduce((n, r) => n + r.created, 0),
        4,
      );
      const mails = byRecipient(await settle(smtp.mails, 3));
      assert.deepEqual(
        mails.map((m) => m.to),
        [mail('hanoi'), mail('national'), mail('north')],
      );
      const { rows } = await fresh.database.query<{ state: string; n: number }>(
        `select email_state as state, count(*)::int as n from notifications
          group by email_state order by email_state`,
      );
      assert.deepEqual(rows, [
        { state: 'sent', n: 3 },
        { state: 'skipped', n: 1 },
      ]);
    });
  });
}
