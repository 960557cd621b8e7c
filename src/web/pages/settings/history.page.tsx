import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignInHistory } from '../../api/account.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { currentLocale } from '../../i18n/index.js';

const RESULTS = [
  'success',
  'invalid_credentials',
  'account_blocked',
  'too_many_attempts',
  'session_limit_reached',
] as const;
type KnownResult = (typeof RESULTS)[number];
const isKnown = (value: string): value is KnownResult =>
  (RESULTS as readonly string[]).includes(value);

/** One sign-in attempt's result as a person reads it (also used in the staff console). */
export function SignInResultBadge({ result }: { result: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={result === 'success' ? 'teal' : 'orange'} variant="light">
      {isKnown(result) ? t(`history.results.${result}`) : result}
    </Badge>
  );
}

/** Settings → История входов: when, from where, on what, and whether it worked. */
export function HistoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.history'));
  const history = useSignInHistory();
  if (!history.data) return <QueryState query={history} />;
  const locale = currentLocale();
  const { events } = history.data;
  return (
    <Stack gap="md">
      <Title order={2}>{t('settings.history')}</Title>
      <Text>{t('history.intro')}</Text>
      {events.length === 0 ? (
        <Text c="dimmed">{t('history.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.at')}</Table.Th>
                <Table.Th>{t('history.result')}</Table.Th>
                <Table.Th>{t('history.device')}</Table.Th>
                <Table.Th>{t('history.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{formatDateTime(event.at, locale)}</Table.Td>
                  <Table.Td>
                    <SignInResultBadge result={event.result} />
                  </Table.Td>
                  <Table.Td>{event.device}</Table.Td>
                  <Table.Td>{event.ip ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
