import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/use-page-title.js';

/** The staff console's start page: what each tool is for. */
export function ConsolePage() {
  const { t } = useTranslation();
  usePageTitle(t('console.title'));
  const tools = [
    { to: '/console/outbox', title: t('nav.outbox'), text: t('console.outboxText') },
    { to: '/console/jobs', title: t('nav.jobs'), text: t('console.jobsText') },
    { to: '/console/audit', title: t('audit.title'), text: t('console.auditText') },
  ];
  return (
    <Stack gap="md">
      <Title order={1}>{t('console.title')}</Title>
      <Text>{t('console.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {tools.map((tool) => (
          <Paper key={tool.to} withBorder p="md">
            <Title order={2} size="h3" mb="xs">
              <Anchor component={Link} to={tool.to}>
                {tool.title}
              </Anchor>
            </Title>
            <Text size="sm">{tool.text}</Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
