import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useKbStats } from '../../../api/kb.js';
import { QueryState } from '../../../components/query-state.js';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

/** Views, votes, deflections and the deflection rate over the last 30 days. */
export function KbStats() {
  const { t } = useTranslation();
  const stats = useKbStats();
  if (!stats.data) return <QueryState query={stats} />;
  const s = stats.data;
  const rate =
    s.deflectionRate === null ? t('kb.console.noRate') : `${Math.round(s.deflectionRate * 100)} %`;
  return (
    <Stack gap="xs" component="section" aria-labelledby="kb-stats-title">
      <Title order={2} size="h4" id="kb-stats-title">
        {t('kb.console.stats', { days: s.periodDays })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Figure label={t('kb.console.views')} value={String(s.views)} />
        <Figure label={t('kb.console.helpful')} value={String(s.helpfulYes)} />
        <Figure label={t('kb.console.notHelpful')} value={String(s.helpfulNo)} />
        <Figure label={t('kb.console.deflections')} value={String(s.deflections)} />
        <Figure label={t('kb.console.tickets')} value={String(s.ticketsCreated)} />
        <Figure label={t('kb.console.deflectionRate')} value={rate} />
      </SimpleGrid>
    </Stack>
  );
}
