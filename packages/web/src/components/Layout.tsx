import {
  Anchor,
  AppShell,
  Badge,
  Burger,
  Button,
  Divider,
  Group,
  NativeSelect,
  NavLink,
  Stack,
  Text,
  Title,
  useDirection,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { approves, useApprovalQueue } from '../entry/approvalQueue.js';
import { formatNumber } from '../format.js';
import { directionOf, isLanguage, languages } from '../i18n.js';
import { NotificationBell } from '../notifications/NotificationBell.js';
import { useMe, useSignOut } from '../session.js';

/**
 * Below this width the page links fold into a menu behind a button (a burger), so the header
 * keeps only the title, the button and the language selector, on one line in every language.
 */
const menuBelow = 'lg';

/**
 * The page frame: title, links to the pages (in the header on wide screens, in a menu on phones
 * and tablets), the account, the language switch (kept in the address as `lang`, always in the
 * header), content.
 */
export function Layout() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { setDirection } = useDirection();
  const { pathname } = useLocation();
  // The menu is open on the page where it was opened: opening another page closes it.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;
  const closeMenu = () => setMenuOpenOn(null);
  const me = useMe();
  const signOut = useSignOut();
  // How many submissions wait for the approver's (or admin's) approval: a badge on the page link.
  const waiting = useApprovalQueue(me.data, 1).data?.total ?? 0;
  const navigate = useNavigate();
  const keepLanguage = params.get('lang') ? `lang=${params.get('lang')}` : '';
  const requested = params.get('lang');
  const language = isLanguage(requested) ? requested : 'en';

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the language changes only (i18n and setDirection change identity with it).
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    const dir = directionOf(language);
    document.documentElement.lang = language;
    document.documentElement.dir = dir;
    setDirection(dir);
  }, [language]);
  useEffect(() => {
    document.title = `${t('app.title')}: ${t('app.tagline')}`;
  }, [t]);

  const pages: { key: string; path: string; label: string; count?: number }[] = [
    { key: 'dashboard', path: '/dashboard', label: t('nav.dashboard') },
    { key: 'plans', path: '/plans', label: t('nav.plans') },
    { key: 'criteria', path: '/criteria', label: t('nav.criteria') },
    { key: 'entry', path: '/entry', label: t('nav.entry') },
    ...(approves(me.data)
      ? [{ key: 'approvals', path: '/approvals', label: t('nav.approvals'), count: waiting }]
      : []),
    { key: 'import', path: '/import', label: t('nav.import') },
    ...(me.data ? [{ key: 'reporting', path: '/reporting', label: t('nav.reporting') }] : []),
    ...(me.data && ['admin', 'analyst'].includes(me.data.role)
      ? [
          { key: 'reports', path: '/reports', label: t('nav.reports') },
          { key: 'admin', path: '/admin', label: t('nav.admin') },
        ]
      : []),
  ];
  /** The number on a page's link (said in words to screen readers), when there is one. */
  const countBadge = (count: number | undefined, testId: string) =>
    count ? (
      <>
        <Badge size="sm" color="red.9" ms={6} aria-hidden data-testid={testId}>
          {formatNumber(count, language)}
        </Badge>
        <VisuallyHidden>
          {`, ${t('approvals.count', { count, n: formatNumber(count, language) })}`}
        </VisuallyHidden>
      </>
    ) : null;
  const leave = async () => {
    closeMenu();
    await signOut();
    navigate({ pathname: '/', search: keepLanguage });
  };

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{
        width: 300,
        breakpoint: menuBelow,
        collapsed: { mobile: !menuOpen, desktop: true },
      }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={menuOpen}
              onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
              hiddenFrom={menuBelow}
              size="sm"
              aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={menuOpen}
              data-testid="menu-toggle"
            />
            <Anchor
              component={Link}
              to={{ pathname: '/', search: params.toString() }}
              underline="never"
              onClick={closeMenu}
            >
              <Title order={1} size="h3">
                {t('app.title')}
              </Title>
            </Anchor>
            <Text c="dimmed" size="sm" visibleFrom="xl" truncate>
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Group gap="md" wrap="nowrap" visibleFrom={menuBelow}>
              {pages.map((page) => (
                <Anchor
                  key={page.key}
                  component={Link}
                  to={{ pathname: page.path, search: keepLanguage }}
                  size="sm"
                >
                  {page.label}
                  {countBadge(page.count, `${page.key}-count`)}
                </Anchor>
              ))}
              {me.data ? (
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" data-testid="signed-in">
                    {me.data.name}
                  </Text>
                  <Button size="xs" variant="subtle" onClick={leave}>
                    {t('auth.signOut')}
                  </Button>
                </Group>
              ) : (
                <Anchor
                  component={Link}
                  to={{ pathname: '/sign-in', search: keepLanguage }}
                  size="sm"
                >
                  {t('auth.signIn')}
                </Anchor>
              )}
              <Anchor href="/api/docs" size="sm">
                {t('app.apiDocs')}
              </Anchor>
            </Group>
            {/* Outside the folding links: the bell stays in the header on phones too. */}
            {me.data && <NotificationBell me={me.data} language={language} />}
            <NativeSelect
              aria-label={t('app.language')}
              value={language}
              onChange={(event) => {
                const next = new URLSearchParams(params);
                next.set('lang', event.currentTarget.value);
                setParams(next);
              }}
              data={languages.map((l) => ({ value: l.code, label: l.label }))}
              data-testid="language"
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" hiddenFrom={menuBelow} aria-label={t('nav.menu')}>
        {/* Rendered only while open, so that its links are not in the page twice. */}
        {menuOpen && (
          <Stack gap={4} data-testid="menu">
            {[{ key: 'ranking', path: '/', label: t('nav.ranking') }, ...pages].map((page) => (
              <NavLink
                key={page.key}
                component={Link}
                to={{ pathname: page.path, search: keepLanguage }}
                label={page.label}
                rightSection={countBadge(page.count, `menu-${page.key}-count`)}
                active={pathname === page.path}
                onClick={closeMenu}
                data-testid={`nav-${page.key}`}
              />
            ))}
            <NavLink href="/api/docs" label={t('app.apiDocs')} />
            <Divider my="sm" />
            {me.data ? (
              <Group justify="space-between" wrap="nowrap" px="sm">
                <Text size="sm" data-testid="signed-in">
                  {me.data.name}
                </Text>
                <Button size="xs" variant="light" onClick={leave} data-testid="sign-out">
                  {t('auth.signOut')}
                </Button>
              </Group>
            ) : (
              <NavLink
                component={Link}
                to={{ pathname: '/sign-in', search: keepLanguage }}
                label={t('auth.signIn')}
                onClick={closeMenu}
                data-testid="nav-sign-in"
              />
            )}
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
