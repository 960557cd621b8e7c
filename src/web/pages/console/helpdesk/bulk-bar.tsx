import { Alert, Button, Group, Paper, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STAFF_TICKET_PRIORITIES,
  type StaffBulkRequest,
} from '../../../../shared/contracts/helpdesk-staff.js';
import { useAgents, useBulkTickets, useHelpdeskSettings } from '../../../api/helpdesk-staff.js';
import { currentLocale } from '../../../i18n/index.js';

type BulkAction = StaffBulkRequest['action'];

/** Props of BulkBar. */
interface BulkBarProps {
  selected: number[];
  onDone: () => void;
}

/** Actions on the selected tickets: assign, status, priority, department (one request). */
export function BulkBar({ selected, onDone }: BulkBarProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const agents = useAgents();
  const settings = useHelpdeskSettings();
  const bulk = useBulkTickets();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [value, setValue] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const options: Record<BulkAction, { value: string; label: string }[]> = {
    assign: [
      { value: '', label: t('helpdeskConsole.bulk.unassign') },
      ...(agents.data?.agents ?? []).map((agent) => ({
        value: agent.id,
        label: agent.displayName,
      })),
    ],
    status: (['open', 'resolved', 'closed'] as const).map((status) => ({
      value: status,
      label: t(`helpdeskConsole.status.${status}`),
    })),
    priority: STAFF_TICKET_PRIORITIES.map((priority) => ({
      value: priority,
      label: t(`helpdeskConsole.priority.${priority}`),
    })),
    department: (settings.data?.departments ?? []).map((department) => ({
      value: department.id,
      label: locale === 'en' ? department.nameEn : department.nameRu,
    })),
  };

  const apply = () => {
    if (!action || value === null) return;
    const numbers = selected;
    const body = (
      action === 'assign' ? { numbers, action, value: value || null } : { numbers, action, value }
    ) as StaffBulkRequest;
    bulk.mutate(body, {
      onSuccess: (answer) => {
        setResult(
          t('helpdeskConsole.bulk.done', {
            count: answer.updated,
            skipped: answer.skipped.length,
          }),
        );
        setAction(null);
        setValue(null);
        onDone();
      },
    });
  };

  return (
    <Paper withBorder p="sm" role="region" aria-label={t('helpdeskConsole.bulk.title')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Text fw={600} aria-live="polite">
          {t('helpdeskConsole.bulk.selected', { count: selected.length })}
        </Text>
        <Select
          label={t('helpdeskConsole.bulk.action')}
          value={action}
          onChange={(next) => {
            setAction(next);
            setValue(null);
          }}
          data={(['assign', 'status', 'priority', 'department'] as const).map((key) => ({
            value: key,
            label: t(`helpdeskConsole.bulk.actions.${key}`),
          }))}
          disabled={selected.length === 0}
        />
        {action && (
          <Select
            label={t('helpdeskConsole.bulk.value')}
            value={value}
            onChange={setValue}
            data={options[action]}
            searchable
          />
        )}
        <Button onClick={apply} disabled={!action || value === null} loading={bulk.isPending}>
          {t('helpdeskConsole.bulk.apply')}
        </Button>
      </Group>
      {bulk.isError && (
        <Alert color="red" mt="sm" role="alert">
          {bulk.error.message}
        </Alert>
      )}
      {result && (
        <Text mt="sm" role="status">
          {result}
        </Text>
      )}
    </Paper>
  );
}
