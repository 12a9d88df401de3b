import type { Actor } from '../auth/actor.js';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { enterValues } from '../services/dataEntry.js';
import { putRule, type RuleRequest } from '../services/quality/rules.js';
import type { User } from '../services/users.js';

/** The demo's validation rules for the provincial index, with their real element codes. */
export const demoRules: (RuleRequest & { id: string })[] = [
  {
    id: 'online-services-share-max',
    dataset: 'dti-province',
    expression: 'online_services_share <= 100',
    severity: 'blocking',
    message: {
      en: 'A share of public services cannot exceed 100%',
      vi: 'Tỷ lệ dịch vụ công trực tuyến không thể vượt quá 100%',
      ar: 'لا يمكن أن تتجاوز نسبة الخدمات العامة 100%',
    },
  },
  {
    id: 'ehr-people-within-population',
    dataset: 'dti-province',
    expression: 'ehr_people <= population',
    severity: 'blocking',
    message: {
      en: 'More residents with a health record than residents',
      vi: 'Số người có hồ sơ sức khỏe điện tử vượt quá dân số',
      ar: 'عدد السكان الذين لديهم سجل صحي أكبر من عدد السكان',
    },
  },
  {
    id: 'ict-staff-within-officials',
    dataset: 'dti-province',
    expression: 'ict_staff <= officials',
    severity: 'warning',
    message: {
      en: 'More ICT staff than officials and public employees',
      vi: 'Số cán bộ CNTT nhiều hơn tổng số cán bộ, công chức',
      ar: 'عدد موظفي تقنية المعلومات أكبر من عدد الموظفين',
    },
  },
];

/**
 * The planted outlier: Tuyen Quang's officer types 44 days to settle a file for 2026 where 4.4 was
 * meant (a slipped decimal point). Its peers are 2 to 4 days and it had 4.7 in 2025, so the
 * data-quality run, the officer's form and the approver's queue (the 2026 submission waits) flag
 * it. A draft: the published figures keep the approved 4.4.
 */
export const demoOutlier = {
  by: 'officer.tuyenquang@demo.dxmon.org',
  unit: 'VN25-08',
  indicator: 'settlement_days',
  period: '2026',
  value: 44,
} as const;

/**
 * Sets the demo's rules (as the system) and enters the planted outlier as its officer would,
 * through the form's path, before the officer submits the data set. Skipped when the demo folder
 * lacks the framework, the unit or the officer.
 */
export async function loadDemoQuality(database: Database, users: User[]): Promise<void> {
  const { rows } = await database.query<{ version: number }>(
    `select version from data_values d
      where d.unit = $1 and d.element = $2 and d.period = $3
        and exists (select 1 from frameworks where id = 'dti-province')`,
    [demoOutlier.unit, demoOutlier.indicator, demoOutlier.period],
  );
  const cell = rows[0];
  if (!cell) return;
  for (const { id, ...rule } of demoRules) await putRule(database, systemActor, id, rule);
  const user = users.find((u) => u.email === demoOutlier.by);
  if (!user) return;
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    unit: user.unit,
    via: 'system',
  };
  const { by: _, ...value } = demoOutlier;
  await enterValues(database, actor, [{ ...value, version: cell.version }]);
}
