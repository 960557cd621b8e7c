import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RecoveryRequestDetail } from '../../../shared/contracts/recovery.js';
import {
  recoveryDocumentUrl,
  useAccountSearch,
  useDecideRecovery,
  useRecoveryRequest,
} from '../../api/recovery.js';
import { formatDateTime } from '../../components/format.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { currentLocale } from '../../i18n/index.js';

/** The documents, viewed inline: images as images, PDFs in a frame. */
function Documents({ request }: { request: RecoveryRequestDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {request.documents.map((doc) => {
        const url = recoveryDocumentUrl(request.id, doc.id);
        if (doc.deletedAt) {
          return (
            <Text key={doc.id} c="dimmed">
              {t('recoveryQueue.deleted', { name: doc.fileName })}
            </Text>
          );
        }
        return (
          <Stack key={doc.id} gap={4}>
            <Anchor href={url} target="_blank" rel="noopener">
              {doc.fileName} ({Math.ceil(doc.sizeBytes / 1024)} KB)
            </Anchor>
            {doc.contentType === 'application/pdf' ? (
              <iframe
                src={url}
                title={doc.fileName}
                style={{ width: '100%', height: 480, border: '1px solid #ddd' }}
              />
            ) : (
              <img src={url} alt={doc.fileName} style={{ maxWidth: '100%', height: 'auto' }} />
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** Picks the account the new contact goes to: the one the old login points to, or a search. */
function AccountPicker({
  request,
  value,
  onChange,
}: {
  request: RecoveryRequestDetail;
  value: string | null;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = useAccountSearch(query);
  const options = [
    ...(request.matchedAccount ? [request.matchedAccount] : []),
    ...(search.data?.accounts ?? []).filter((a) => a.id !== request.matchedAccount?.id),
  ];
  return (
    <Stack gap="xs">
      <TextInput
        label={t('recoveryQueue.searchAccount')}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
        }}
      />
      <Radio.Group label={t('recoveryQueue.account')} value={value} onChange={onChange}>
        <Stack gap={4} mt={4}>
          {options.map((account) => (
            <Radio
              key={account.id}
              value={account.id}
              label={`${account.displayName} — ${account.email ?? account.phone ?? account.personalCode ?? ''}`}
            />
          ))}
          {options.length === 0 && <Text c="dimmed">{t('recoveryQueue.noAccount')}</Text>}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

/** One recovery request: what the person wrote, their documents, approve or reject. */
export function RecoveryDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const request = useRecoveryRequest(id);
  const decide = useDecideRecovery(id);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  usePageTitle(request.data?.number ?? t('recoveryQueue.title'));
  if (!request.data) return <QueryState query={request} />;
  const data = request.data;
  const locale = currentLocale();
  const chosen = accountId ?? data.matchedAccount?.id ?? null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/console/recovery">
        {t('recoveryQueue.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{t('recovery.status.heading', { number: data.number })}</Title>
        <Badge variant="light" size="lg">
          {t(`recovery.status.${data.status}`)}
        </Badge>
      </Group>
      <Paper p="md" withBorder>
        <Stack gap={4}>
          <Text>
            <b>{t('recovery.fullName')}:</b> {data.fullName}
          </Text>
          <Text>
            <b>{t('recovery.knownLogin')}:</b> {data.knownLogin ?? '—'}
          </Text>
          <Text>
            <b>{t('recovery.newEmail')}:</b> {data.newEmail ?? '—'}
          </Text>
          <Text>
            <b>{t('recovery.newPhone')}:</b> {data.newPhone ?? '—'}
          </Text>
          <Text>
            <b>{t('recoveryQueue.confirmedAt')}:</b>{' '}
            {data.confirmedAt ? formatDateTime(data.confirmedAt, locale) : '—'}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{data.description}</Text>
        </Stack>
      </Paper>
      <Title order={2}>{t('recoveryQueue.documents')}</Title>
      <Documents request={data} />
      {decide.isError && (
        <Alert color="red" variant="light" role="alert">
          {decide.error.message}
        </Alert>
      )}
      {data.status === 'pending' ? (
        <Paper p="md" withBorder>
          <Stack gap="md">
            <Title order={2}>{t('recoveryQueue.decision')}</Title>
            <AccountPicker request={data} value={chosen} onChange={setAccountId} />
            <Button
              disabled={!chosen}
              loading={decide.isPending}
              onClick={() => {
                if (chosen) decide.mutate({ approve: chosen });
              }}
              style={{ alignSelf: 'flex-start' }}
            >
              {t(data.newEmail ? 'recoveryQueue.approve' : 'recoveryQueue.approveSms')}
            </Button>
            <Textarea
              label={t('recoveryQueue.rejectReason')}
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
              }}
            />
            <Button
              color="red"
              variant="light"
              disabled={!reason.trim()}
              loading={decide.isPending}
              onClick={() => {
                decide.mutate({ reject: reason.trim() });
              }}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('recoveryQueue.reject')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <Alert color={data.status === 'approved' ? 'teal' : 'red'} variant="light" role="status">
          {data.status === 'approved'
            ? t(data.newEmail ? 'recoveryQueue.approved' : 'recoveryQueue.approvedSms')
            : t('recoveryQueue.rejected', { reason: data.rejectReason ?? '' })}
        </Alert>
      )}
    </Stack>
  );
}
