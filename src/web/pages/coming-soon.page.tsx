import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/use-page-title.js';

/** Props of ComingSoonPage. */
interface ComingSoonPageProps {
  /** The section's name, already translated. */
  title: string;
}

/** An honest placeholder for sections built in later issues — no made-up data. */
export function ComingSoonPage({ title }: ComingSoonPageProps) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Stack gap="sm">
      <Title order={1}>{title}</Title>
      <Text>{t('comingSoon.text')}</Text>
    </Stack>
  );
}
