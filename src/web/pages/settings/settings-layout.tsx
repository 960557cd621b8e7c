import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

/** The settings sections, each its own address so it can be linked and bookmarked. */
const SECTIONS = ['profile', 'security', 'devices', 'history', 'notifications'] as const;

/** Settings: profile, password, devices, sign-in history — one tab per section. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = SECTIONS.find((section) => pathname.startsWith(`/settings/${section}`)) ?? null;
  return (
    <Stack gap="md">
      <Title order={1}>{t('profile.settings')}</Title>
      <Tabs
        value={active}
        onChange={(value) => {
          if (value) void navigate(`/settings/${value}`);
        }}
        keepMounted={false}
      >
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {SECTIONS.map((section) => (
            <Tabs.Tab key={section} value={section}>
              {t(`settings.${section}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}
