import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Props of LinkInvalid. */
interface LinkInvalidProps {
  message: string;
  /** Where a new link can be asked for, with its button text. */
  renew?: { to: string; label: string };
}

/** A used or expired one-time link: say so plainly and offer a new one. */
export function LinkInvalid({ message, renew }: LinkInvalidProps) {
  const { t } = useTranslation();
  return (
    <Paper maw={480} mx="auto" mt="lg" p="lg" withBorder>
      <Stack gap="md" align="flex-start">
        <Title order={1} size="h2">
          {t('links.invalidTitle')}
        </Title>
        <Text>{message}</Text>
        <Group>
          {renew && (
            <Button component={Link} to={renew.to}>
              {renew.label}
            </Button>
          )}
          <Button component={Link} to="/signin" variant="default">
            {t('links.toSignIn')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
