import {
  Anchor,
  AppShell,
  Button,
  Group,
  NativeSelect,
  Text,
  Title,
  useDirection,
} from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate, useSearchParams } from 'react-router';
import { directionOf, isLanguage, languages } from '../i18n.js';
import { useMe, useSignOut } from '../session.js';

/** The page frame: title, language switch (kept in the address as `lang`), content. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { setDirection } = useDirection();
  const me = useMe();
  const signOut = useSignOut();
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

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Anchor
              component={Link}
              to={{ pathname: '/', search: params.toString() }}
              underline="never"
            >
              <Title order={1} size="h3">
                {t('app.title')}
              </Title>
            </Anchor>
            <Text c="dimmed" size="sm" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Anchor component={Link} to={{ pathname: '/plans', search: keepLanguage }} size="sm">
              {t('nav.plans')}
            </Anchor>
            <Anchor component={Link} to={{ pathname: '/criteria', search: keepLanguage }} size="sm">
              {t('nav.criteria')}
            </Anchor>
            <Anchor component={Link} to={{ pathname: '/entry', search: keepLanguage }} size="sm">
              {t('nav.entry')}
            </Anchor>
            <Anchor component={Link} to={{ pathname: '/import', search: keepLanguage }} size="sm">
              {t('nav.import')}
            </Anchor>
            {me.data && ['admin', 'analyst'].includes(me.data.role) && (
              <Anchor component={Link} to={{ pathname: '/admin', search: keepLanguage }} size="sm">
                {t('nav.admin')}
              </Anchor>
            )}
            {me.data ? (
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" data-testid="signed-in">
                  {me.data.name}
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={async () => {
                    await signOut();
                    navigate({ pathname: '/', search: keepLanguage });
                  }}
                >
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
            <Anchor href="/api/docs" size="sm" visibleFrom="sm">
              {t('app.apiDocs')}
            </Anchor>
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
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
