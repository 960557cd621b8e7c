import { Avatar, Button, Menu, Text, UnstyledButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account } from '../../shared/contracts/auth.js';

/** Props of ProfileMenu. */
interface ProfileMenuProps {
  /** The signed-in person, or null for a guest (then a "Sign in" button is shown). */
  user: Account | null;
  onSignOut: () => void;
  signingOut: boolean;
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => word.charAt(0).toUpperCase());
  return letters.join('') || '?';
}

/** The header's profile menu: Профиль, Настройки, Выход — or a sign-in button for guests. */
export function ProfileMenu({ user, onSignOut, signingOut }: ProfileMenuProps) {
  const { t } = useTranslation();
  if (!user) {
    return (
      <Button component={Link} to="/signin" size="sm">
        {t('profile.signIn')}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('profile.menu', { name: user.displayName })}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
          p={4}
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size="sm" aria-hidden>
              {initialsOf(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {user.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email ?? user.phone ?? user.personalCode}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          {t('profile.profile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/settings">
          {t('profile.settings')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={onSignOut} disabled={signingOut}>
          {t('profile.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
