import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  PasswordInput,
  Switch,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson, send } from '../../api.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

interface User {
  id: number;
  email: string;
  name: string;
  language: string;
  role: string;
  unit: string | null;
  active: boolean;
  created_at: string;
}

const roles = ['admin', 'analyst', 'officer', 'approver', 'viewer'];

/** Accounts: who they are, their role and unit, active or not; create and change them. */
export function UsersAdmin() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => getJson<{ items: User[] }>('/api/users', signal),
  });
  const [draft, setDraft] = useState({
    email: '',
    name: '',
    role: 'officer',
    unit: '',
    password: '',
  });
  const create = useMutation({
    mutationFn: () =>
      send<User>('POST', '/api/users', {
        ...draft,
        unit: draft.unit || null,
        password: draft.password || undefined,
      }),
    onSuccess: () => {
      setDraft({ email: '', name: '', role: 'officer', unit: '', password: '' });
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const change = useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Partial<User> }) =>
      send<User>('PATCH', `/api/users/${id}`, patch),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
  const problem = create.error ?? change.error;

  return (
    <>
      <ProblemAlert error={problem} testId="user-problem" />
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.role')}</Table.Th>
              <Table.Th>{t('admin.unit')}</Table.Th>
              <Table.Th>{t('admin.active')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('admin.roleOf', { email: u.email })}
                    size="xs"
                    value={u.role}
                    onChange={(e) =>
                      change.mutate({ id: u.id, patch: { role: e.currentTarget.value } })
                    }
                    data={roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
                  />
                </Table.Td>
                <Table.Td>{u.unit ?? ''}</Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('admin.activeOf', { email: u.email })}
                    checked={u.active}
                    onChange={(e) =>
                      change.mutate({ id: u.id, patch: { active: e.currentTarget.checked } })
                    }
                  />{' '}
                  {!u.active && (
                    <Badge size="xs" color="gray">
                      {t('admin.inactive')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Paper withBorder p="md" mt="md" maw={900}>
        <Title order={4} mb="sm">
          {t('admin.newUser')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Group align="end" wrap="wrap">
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              value={draft.email}
              onChange={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
            />
            <TextInput
              label={t('admin.name')}
              required
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('admin.role')}
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value })}
              data={roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
            />
            <TextInput
              label={t('admin.unit')}
              placeholder="VN-37"
              value={draft.unit}
              onChange={(e) => setDraft({ ...draft, unit: e.currentTarget.value })}
            />
            <PasswordInput
              label={t('auth.password')}
              value={draft.password}
              onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
            />
            <Button type="submit" loading={create.isPending}>
              {t('admin.create')}
            </Button>
          </Group>
        </form>
      </Paper>
    </>
  );
}
