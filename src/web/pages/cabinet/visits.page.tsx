import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  type CabinetVisit,
  type MyStudent,
} from '../../../shared/contracts/cabinet.js';
import { useVisits, type VisitFilters } from '../../api/cabinet.js';
import { QueryState } from '../../components/query-state.js';
import { formatDateTime, money } from './cabinet-format.js';
import { CabinetFrame } from './cabinet-frame.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const STATUS_COLORS: Record<AttendanceStatus, string> = {
  present: 'teal',
  makeup: 'teal',
  absent_excused: 'gray',
  absent_unexcused: 'orange',
  trial: 'blue',
  free: 'blue',
};

function VisitCard({ visit, timeZone }: { visit: CabinetVisit; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{formatDateTime(visit.lessonStartsAt, timeZone, i18n.language)}</Text>
          <Badge
            color={STATUS_COLORS[visit.status]}
            variant="light"
            style={{ textTransform: 'none' }}
          >
            {t(`cabinet.visits.status.${visit.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{visit.groupName}</Text>
        {visit.charge ? (
          <Text size="sm" c={visit.charge.outcome === 'debt' ? 'red.8' : undefined}>
            {visit.charge.explanation}
            {visit.charge.amountKopecks > 0 &&
              ` ${t('cabinet.visits.charged', { amount: money(visit.charge.amountKopecks, i18n.language) })}`}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('cabinet.visits.notCharged')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Visits({ student, timeZone }: { student: MyStudent; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<VisitFilters>({ page: 1 });
  const visits = useVisits(student.id, filters);
  const change = (patch: Partial<VisitFilters>) => {
    setFilters({ ...filters, ...patch, page: 1 });
  };
  const day = (value: string) => (DAY.test(value) ? value : undefined);
  const data = visits.data;
  const groups = data?.groups.map((group) => ({ value: group.id, label: group.name })) ?? [];
  const filtered = Boolean(filters.from || filters.to || filters.groupId || filters.status);
  return (
    <Stack gap="md">
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: 4 }}
        spacing="sm"
        role="search"
        aria-label={t('cabinet.visits.filters')}
      >
        <TextInput
          type="date"
          label={t('cabinet.visits.from')}
          value={filters.from ?? ''}
          onChange={(event) => {
            change({ from: day(event.currentTarget.value) });
          }}
        />
        <TextInput
          type="date"
          label={t('cabinet.visits.to')}
          value={filters.to ?? ''}
          onChange={(event) => {
            change({ to: day(event.currentTarget.value) });
          }}
        />
        <Select
          label={t('cabinet.visits.group')}
          placeholder={t('cabinet.visits.anyGroup')}
          data={groups}
          value={filters.groupId ?? null}
          onChange={(value) => {
            change({ groupId: value ?? undefined });
          }}
          clearable
        />
        <Select
          label={t('cabinet.visits.statusLabel')}
          placeholder={t('cabinet.visits.anyStatus')}
          data={ATTENDANCE_STATUSES.map((status) => ({
            value: status,
            label: t(`cabinet.visits.status.${status}`),
          }))}
          value={filters.status ?? null}
          onChange={(value) => {
            change({ status: value ?? undefined });
          }}
          clearable
        />
      </SimpleGrid>
      {data?.firstVisitAt && (
        <Text size="sm" c="dimmed">
          {t('cabinet.visits.since', {
            date: formatDateTime(data.firstVisitAt, timeZone, i18n.language),
          })}
        </Text>
      )}
      {!data ? (
        <QueryState query={visits} />
      ) : data.visits.length === 0 ? (
        <Stack gap="xs" align="flex-start">
          <Text c="dimmed">
            {filtered ? t('cabinet.visits.nothingFound') : t('cabinet.visits.none')}
          </Text>
          {filtered && (
            <Button
              variant="subtle"
              onClick={() => {
                setFilters({ page: 1 });
              }}
            >
              {t('cabinet.visits.reset')}
            </Button>
          )}
        </Stack>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.visits.map((visit) => (
            <VisitCard key={visit.id} visit={visit} timeZone={timeZone} />
          ))}
        </Stack>
      )}
      {data && (data.page > 1 || data.hasMore) && (
        <Group gap="sm" aria-label={t('cabinet.pages')} role="navigation">
          <Button
            variant="default"
            disabled={data.page <= 1}
            onClick={() => {
              setFilters({ ...filters, page: filters.page - 1 });
            }}
          >
            {t('cabinet.newer')}
          </Button>
          <Text size="sm">{t('cabinet.page', { page: data.page })}</Text>
          <Button
            variant="default"
            disabled={!data.hasMore}
            onClick={() => {
              setFilters({ ...filters, page: filters.page + 1 });
            }}
          >
            {t('cabinet.older')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** «Посещения»: the visit history from the first lesson, filtered, each charge explained. */
export function VisitsPage() {
  const { t } = useTranslation();
  return (
    <CabinetFrame title={t('cabinet.visits.title')}>
      {(student, timeZone) => <Visits key={student.id} student={student} timeZone={timeZone} />}
    </CabinetFrame>
  );
}
