import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STAFF_QUEUE_SORTS,
  STAFF_TICKET_PRIORITIES,
  STAFF_TICKET_STATUSES,
} from '../../../../shared/contracts/helpdesk-staff.js';
import { useAgents, useHelpdeskSettings, type QueueFilters } from '../../../api/helpdesk-staff.js';
import { currentLocale } from '../../../i18n/index.js';

/** Props of QueueFiltersBar. */
interface QueueFiltersBarProps {
  filters: QueueFilters;
  onChange: (filters: QueueFilters) => void;
}

/** The queue's filters: search, department, status, priority, assignee, certificate, SLA, sort. */
export function QueueFiltersBar({ filters, onChange }: QueueFiltersBarProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const settings = useHelpdeskSettings();
  const agents = useAgents();
  // Typed text is applied on Enter or «Найти», not on every key, so the URL stays calm; the
  // page remounts this bar when the URL's text filters change (its `key`).
  const [q, setQ] = useState(filters.q ?? '');
  const [certificate, setCertificate] = useState(filters.certificate ?? '');

  const applyText = () => {
    onChange({
      ...filters,
      q: q.trim() || undefined,
      certificate: certificate.trim() || undefined,
    });
  };
  const departments = (settings.data?.departments ?? []).map((department) => ({
    value: department.id,
    label: locale === 'en' ? department.nameEn : department.nameRu,
  }));
  const assignees = [
    { value: 'me', label: t('helpdeskConsole.queue.assigneeMe') },
    { value: 'unassigned', label: t('helpdeskConsole.queue.assigneeNone') },
    ...(agents.data?.agents ?? []).map((agent) => ({ value: agent.id, label: agent.displayName })),
  ];
  return (
    <form
      role="search"
      aria-label={t('helpdeskConsole.queue.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        applyText();
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('helpdeskConsole.queue.search')}
          description={t('helpdeskConsole.queue.searchHint')}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
          }}
          style={{ flex: '1 1 220px' }}
        />
        <TextInput
          label={t('helpdeskConsole.queue.certificate')}
          value={certificate}
          onChange={(event) => {
            setCertificate(event.currentTarget.value);
          }}
          style={{ flex: '0 1 180px' }}
        />
        <Button type="submit" variant="default">
          {t('helpdeskConsole.queue.find')}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap" mt="sm">
        <MultiSelect
          label={t('helpdeskConsole.queue.status')}
          placeholder={
            filters.status.length === 0 ? t('helpdeskConsole.queue.inProgress') : undefined
          }
          value={filters.status}
          onChange={(value) => {
            onChange({ ...filters, status: value });
          }}
          data={STAFF_TICKET_STATUSES.map((value) => ({
            value,
            label: t(`helpdeskConsole.status.${value}`),
          }))}
          clearable
          style={{ flex: '1 1 220px' }}
        />
        <MultiSelect
          label={t('helpdeskConsole.queue.priority')}
          placeholder={filters.priority.length === 0 ? t('helpdeskConsole.queue.any') : undefined}
          value={filters.priority}
          onChange={(value) => {
            onChange({ ...filters, priority: value });
          }}
          data={STAFF_TICKET_PRIORITIES.map((value) => ({
            value,
            label: t(`helpdeskConsole.priority.${value}`),
          }))}
          clearable
          style={{ flex: '1 1 180px' }}
        />
        <Select
          label={t('helpdeskConsole.queue.department')}
          placeholder={t('helpdeskConsole.queue.any')}
          value={filters.department ?? null}
          onChange={(value) => {
            onChange({ ...filters, department: value ?? undefined });
          }}
          data={departments}
          clearable
          style={{ flex: '0 1 200px' }}
        />
        <Select
          label={t('helpdeskConsole.queue.assignee')}
          placeholder={t('helpdeskConsole.queue.assigneeAnyone')}
          value={filters.assignee ?? null}
          onChange={(value) => {
            onChange({ ...filters, assignee: value ?? undefined });
          }}
          data={assignees}
          clearable
          searchable
          style={{ flex: '0 1 200px' }}
        />
        <Select
          label={t('helpdeskConsole.queue.sla')}
          placeholder={t('helpdeskConsole.queue.any')}
          value={filters.sla ?? null}
          onChange={(value) => {
            onChange({
              ...filters,
              sla: value === 'due_soon' || value === 'breached' ? value : undefined,
            });
          }}
          data={[
            { value: 'due_soon', label: t('helpdeskConsole.sla.dueSoon') },
            { value: 'breached', label: t('helpdeskConsole.sla.breached') },
          ]}
          clearable
          style={{ flex: '0 1 170px' }}
        />
        <Select
          label={t('helpdeskConsole.queue.sort')}
          value={filters.sort}
          allowDeselect={false}
          onChange={(value) => {
            if (value) onChange({ ...filters, sort: value });
          }}
          data={STAFF_QUEUE_SORTS.map((value) => ({
            value,
            label: t(`helpdeskConsole.sort.${value}`),
          }))}
          style={{ flex: '0 1 230px' }}
        />
      </Group>
    </form>
  );
}
