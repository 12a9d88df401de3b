import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Divider,
  Group,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../api.js';
import { formatDate, formatInstant, formatNumber, nameIn } from '../format.js';
import {
  type Notification,
  useMarkRead,
  useNotifications,
  usePreferences,
  useSetEmail,
} from './notificationsApi.js';

/** Notifications shown at first; "show more" adds as many again. */
const pageSize = 10;

/** A bell's outline: the bell and its clapper. */
function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The bell in the header of a signed-in user: the unread count on it (said in its name to screen
 * readers), and a panel listing the reminders and notices with links to where to act, marking
 * them read, and the switch for e-mail.
 */
export function NotificationBell({ me, language }: { me: Me; language: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(pageSize);
  const page = useNotifications(me, limit);
  const markRead = useMarkRead();
  const unread = page.data?.unread ?? 0;
  const n = formatNumber(unread, language);
  const label =
    unread === 0 ? t('notifications.bellNone') : t('notifications.bell', { count: unread, n });

  return (
    <Popover
      opened={open}
      onChange={setOpen}
      width={360}
      position="bottom-end"
      shadow="md"
      trapFocus
      returnFocus
    >
      <Box pos="relative">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={label}
            onClick={() => setOpen((o) => !o)}
            data-testid="bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        {unread > 0 && (
          <Badge
            size="xs"
            color="red.9"
            circle={unread < 10}
            pos="absolute"
            top={-4}
            right={-6}
            style={{ pointerEvents: 'none' }}
            aria-hidden
            data-testid="bell-count"
          >
            {n}
          </Badge>
        )}
      </Box>
      <Popover.Dropdown
        p="sm"
        maw="calc(100vw - 16px)"
        role="dialog"
        aria-label={t('notifications.title')}
        data-testid="notifications"
      >
        <Group justify="space-between" wrap="nowrap" mb="xs">
          <Text fw={700}>{t('notifications.title')}</Text>
          <Button
            size="compact-sm"
            variant="subtle"
            disabled={unread === 0 || markRead.isPending}
            onClick={() => markRead.mutate('all')}
            data-testid="mark-all-read"
          >
            {t('notifications.markAll')}
          </Button>
        </Group>
        {page.isError ? (
          <Alert color="red" variant="light">
            {t('notifications.error')}
          </Alert>
        ) : page.isPending ? (
          <Loader size="sm" />
        ) : page.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {page.data.items.map((item, i) => (
                <li key={item.id}>
                  {i > 0 && <Divider my={6} />}
                  <NotificationItem
                    item={item}
                    language={language}
                    onOpen={() => {
                      setOpen(false);
                      if (!item.read_at) markRead.mutate([item.id]);
                    }}
                    onRead={() => markRead.mutate([item.id])}
                  />
                </li>
              ))}
            </Stack>
            {page.data.total > page.data.items.length && (
              <Button
                size="compact-sm"
                variant="subtle"
                mt="xs"
                onClick={() => setLimit((l) => l + pageSize)}
              >
                {t('notifications.loadMore')}
              </Button>
            )}
          </ScrollArea.Autosize>
        )}
        <Divider my="sm" />
        <EmailSwitch me={me} open={open} />
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationItem({
  item,
  language,
  onOpen,
  onRead,
}: {
  item: Notification;
  language: string;
  onOpen: () => void;
  onRead: () => void;
}) {
  const { t } = useTranslation();
  const names = item.units.map((u) => nameIn(u, language));
  const separator = language === 'ar' ? '، ' : ', ';
  const more = item.units_total - names.length;
  const units =
    more > 0
      ? t('notifications.andMore', {
          list: names.join(separator),
          count: more,
          n: formatNumber(more, language),
        })
      : names.join(separator);
  const text =
    item.kind === 'submitted'
      ? t('notifications.submitted', {
          unit: units,
          dataset: item.dataset_name,
          period: item.period,
          who: item.submitted_by ?? '',
        })
      : t(item.stage === 'before' ? 'notifications.reminderBefore' : 'notifications.reminderDue', {
          dataset: item.dataset_name,
          period: item.period,
          date: formatDate(item.due_on, language),
          units,
        });
  const [path, query] = item.link.split('?');
  const search = new URLSearchParams(query);
  search.set('lang', language);
  const unread = item.read_at === null;
  return (
    <Stack gap={2} data-testid="notification" data-unread={unread}>
      <Anchor
        component={Link}
        to={{ pathname: path, search: search.toString() }}
        onClick={onOpen}
        size="sm"
        fw={unread ? 700 : 400}
      >
        {text}
      </Anchor>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {formatInstant(item.created_at, language)}
        </Text>
        {unread ? (
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="red.9" fw={700}>
              {t('notifications.unread')}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={onRead}>
              {t('notifications.markRead')}
            </Button>
          </Group>
        ) : null}
      </Group>
    </Stack>
  );
}

/** E-mail on or off: reminders and notices always show under the bell. */
function EmailSwitch({ me, open }: { me: Me; open: boolean }) {
  const { t } = useTranslation();
  const preferences = usePreferences(me, open);
  const setEmail = useSetEmail(me);
  return (
    <Switch
      size="sm"
      label={t('notifications.email')}
      description={
        preferences.data
          ? t('notifications.emailHint', { email: preferences.data.email })
          : undefined
      }
      checked={preferences.data?.email_notifications ?? false}
      disabled={!preferences.data || setEmail.isPending}
      onChange={(event) => setEmail.mutate(event.currentTarget.checked)}
      data-testid="email-switch"
    />
  );
}
