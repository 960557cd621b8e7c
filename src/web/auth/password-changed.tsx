import { Alert, Button, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Props of PasswordChanged. */
interface PasswordChangedProps {
  title: string;
  text: string;
  /** Pre-fills the sign-in form. */
  login?: string | undefined;
}

/** After a reset or activation: no automatic sign-in, the person signs in with the new password. */
export function PasswordChanged({ title, text, login }: PasswordChangedProps) {
  const { t } = useTranslation();
  return (
    <Paper maw={480} mx="auto" mt="lg" p="lg" withBorder>
      <Stack gap="md" align="flex-start">
        <Title order={1} size="h2">
          {title}
        </Title>
        <Alert color="teal" variant="light" role="status" w="100%">
          {text}
        </Alert>
        <Button component={Link} to="/signin" state={login ? { login } : undefined}>
          {t('links.toSignIn')}
        </Button>
      </Stack>
    </Paper>
  );
}
