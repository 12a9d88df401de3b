import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useMe } from '../../session.js';
import { FrameworkWeights } from './FrameworkWeights.js';
import { NamesAdmin } from './NamesAdmin.js';
import { PlansAdmin } from './PlansAdmin.js';
import { UnitsAdmin } from './UnitsAdmin.js';
import { UsersAdmin } from './UsersAdmin.js';

/**
 * Administration for admins and analysts: frameworks and weights, units and lineage, plans and
 * targets, names in three languages, users.
 */
export function Admin() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'frameworks';
  if (me.isLoading) return null;
  if (!me.data)
    return <Navigate to={{ pathname: '/sign-in', search: `next=/admin&${params.toString()}` }} />;
  if (!['admin', 'analyst'].includes(me.data.role))
    return <Alert color="yellow">{t('admin.forbidden')}</Alert>;
  return (
    <Stack gap="md">
      <Title order={2}>{t('nav.admin')}</Title>
      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params);
          next.set('tab', v ?? 'frameworks');
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="frameworks">{t('admin.frameworks')}</Tabs.Tab>
          <Tabs.Tab value="units">{t('admin.units')}</Tabs.Tab>
          <Tabs.Tab value="plans">{t('admin.plans')}</Tabs.Tab>
          <Tabs.Tab value="names">{t('admin.names')}</Tabs.Tab>
          {me.data.role === 'admin' && <Tabs.Tab value="users">{t('admin.users')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="frameworks" pt="md">
          <FrameworkWeights canSave={me.data.role === 'admin'} />
        </Tabs.Panel>
        <Tabs.Panel value="units" pt="md">
          <UnitsAdmin canEdit={me.data.role === 'admin'} />
        </Tabs.Panel>
        <Tabs.Panel value="plans" pt="md">
          <PlansAdmin />
        </Tabs.Panel>
        <Tabs.Panel value="names" pt="md">
          <NamesAdmin />
        </Tabs.Panel>
        <Tabs.Panel value="users" pt="md">
          <UsersAdmin />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
