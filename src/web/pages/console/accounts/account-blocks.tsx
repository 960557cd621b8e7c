import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BLOCK_REASON_CODES,
  BLOCK_REASONS,
  type BlockReasonCode,
} from '../../../../shared/block-reasons.js';
import type { StaffAccountDetail } from '../../../../shared/contracts/staff-accounts.js';
import { useChangeBlock, useLiftBlock, useSetBlock } from '../../../api/staff-accounts.js';
import { dateInOrganization, endOfDayInOrganization } from '../../../components/date-input.js';
import { formatOrganizationDateTime } from '../../../components/format.js';
import { currentLocale } from '../../../i18n/index.js';

/** Blocks of an account: lift, shorten or extend those in force; set a new one with a reason. */
export function AccountBlocks({ detail }: { detail: StaffAccountDetail }) {
  const { t } = useTranslation();
  const id = detail.account.id;
  const locale = currentLocale();
  const setBlock = useSetBlock(id);
  const change = useChangeBlock(id);
  const lift = useLiftBlock(id);
  const [reason, setReason] = useState<BlockReasonCode>('staff_decision');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [ends, setEnds] = useState<Record<string, string>>({});
  const failure = setBlock.error ?? change.error ?? lift.error;

  return (
    <Stack gap="sm">
      <Title order={2}>{t('accountDetail.blocks')}</Title>
      {failure && (
        <Alert color="red" variant="light" role="alert">
          {failure.message}
        </Alert>
      )}
      {detail.blocks.length === 0 && <Text c="dimmed">{t('accountDetail.noBlocks')}</Text>}
      {detail.blocks.map((block) => (
        <Paper key={block.id} p="sm" withBorder opacity={block.active ? 1 : 0.7}>
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={500}>{BLOCK_REASONS[block.reason][locale].title}</Text>
              <Text size="sm" c={block.active ? 'red' : 'dimmed'}>
                {block.active ? t('accountDetail.inForce') : t('accountDetail.notInForce')}
              </Text>
            </Group>
            <Text size="sm">
              {t('accountDetail.blockPeriod', {
                from: formatOrganizationDateTime(block.startsAt, locale),
                to: block.endsAt
                  ? formatOrganizationDateTime(block.endsAt, locale)
                  : t('accountDetail.untilLifted'),
              })}
            </Text>
            {block.createdBy && (
              <Text size="sm" c="dimmed">
                {t('accountDetail.setBy', { name: block.createdBy.displayName })}
              </Text>
            )}
            {block.note && <Text size="sm">{block.note}</Text>}
            {block.active && (
              <Group gap="xs" align="flex-end">
                <TextInput
                  type="date"
                  size="xs"
                  label={t('accountDetail.newEnd')}
                  value={ends[block.id] ?? dateInOrganization(block.endsAt)}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setEnds((old) => ({ ...old, [block.id]: value }));
                  }}
                />
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    const value = ends[block.id] ?? '';
                    change.mutate({
                      blockId: block.id,
                      endsAt: value ? endOfDayInOrganization(value) : null,
                    });
                  }}
                >
                  {t('accountDetail.changeEnd')}
                </Button>
                <Button
                  size="xs"
                  color="teal"
                  variant="light"
                  onClick={() => {
                    lift.mutate(block.id);
                  }}
                >
                  {t('accountDetail.lift')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
      <Paper p="sm" withBorder>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('accountDetail.newBlock')}
          </Title>
          <Select
            label={t('accountDetail.reason')}
            value={reason}
            allowDeselect={false}
            onChange={(value) => {
              if (value) setReason(value);
            }}
            data={BLOCK_REASON_CODES.map((code) => ({
              value: code,
              label: BLOCK_REASONS[code][locale].title,
            }))}
          />
          <TextInput
            type="date"
            label={t('accountDetail.blockUntil')}
            description={t('accountDetail.blockUntilHint')}
            value={until}
            onChange={(event) => {
              setUntil(event.currentTarget.value);
            }}
          />
          <TextInput
            label={t('accountDetail.note')}
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
            }}
          />
          <Button
            color="red"
            loading={setBlock.isPending}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              setBlock.mutate(
                {
                  reason,
                  endsAt: until ? endOfDayInOrganization(until) : null,
                  ...(note.trim() ? { note: note.trim() } : {}),
                },
                {
                  onSuccess: () => {
                    setNote('');
                    setUntil('');
                  },
                },
              );
            }}
          >
            {t('accountDetail.block')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
