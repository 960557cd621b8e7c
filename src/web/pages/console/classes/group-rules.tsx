import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAddScheduleRule,
  useDeleteScheduleRule,
  useScheduleRules,
} from '../../../api/classes-schedule.js';
import { QueryState } from '../../../components/query-state.js';
import { formatDay, today, weekdayName } from './classes-format.js';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** A group's weekly rules; adding one creates its lessons ten weeks ahead. */
export function GroupRules({ groupId, lessonMinutes }: { groupId: string; lessonMinutes: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rules = useScheduleRules(groupId);
  const add = useAddScheduleRule(groupId);
  const remove = useDeleteScheduleRule(groupId);
  const [weekday, setWeekday] = useState<string | null>('1');
  const [time, setTime] = useState('18:00');
  const [duration, setDuration] = useState<number | string>(lessonMinutes);
  const [validFrom, setValidFrom] = useState(today());

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate({
      weekday: Number(weekday),
      startTime: time,
      durationMinutes: Number(duration) || lessonMinutes,
      validFrom,
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="group-rules">
      <Title order={2} size="h3" id="group-rules" mb="sm">
        {t('classesConsole.rules.title')}
      </Title>
      {!rules.data ? (
        <QueryState query={rules} />
      ) : rules.data.rules.length === 0 ? (
        <Text c="dimmed">{t('classesConsole.rules.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('classesConsole.rules.weekday')}</Table.Th>
                <Table.Th>{t('classesConsole.rules.time')}</Table.Th>
                <Table.Th>{t('classesConsole.rules.duration')}</Table.Th>
                <Table.Th>{t('classesConsole.rules.valid')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('classesConsole.accounts.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.rules.map((rule) => {
                const name = `${weekdayName(rule.weekday, language)} ${rule.startTime}`;
                return (
                  <Table.Tr key={rule.id}>
                    <Table.Td>{weekdayName(rule.weekday, language)}</Table.Td>
                    <Table.Td>{rule.startTime}</Table.Td>
                    <Table.Td>
                      {t('classesConsole.rules.minutes', { count: rule.durationMinutes })}
                    </Table.Td>
                    <Table.Td>
                      {rule.validTo
                        ? t('classesConsole.enrollments.fromTo', {
                            from: formatDay(rule.validFrom, language),
                            to: formatDay(rule.validTo, language),
                          })
                        : t('classesConsole.enrollments.since', {
                            from: formatDay(rule.validFrom, language),
                          })}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables === rule.id}
                        aria-label={t('classesConsole.rules.deleteNamed', { name })}
                        onClick={() => {
                          remove.mutate(rule.id);
                        }}
                      >
                        {t('classesConsole.rules.delete')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={handleSubmit}>
        <Group align="flex-end" gap="sm" mt="sm">
          <Select
            label={t('classesConsole.rules.weekday')}
            data={WEEKDAYS.map((day) => ({
              value: String(day),
              label: weekdayName(day, language),
            }))}
            value={weekday}
            allowDeselect={false}
            onChange={setWeekday}
          />
          <TextInput
            label={t('classesConsole.rules.time')}
            type="time"
            required
            value={time}
            onChange={(event) => {
              setTime(event.currentTarget.value);
            }}
          />
          <NumberInput
            label={t('classesConsole.rules.durationMinutes')}
            min={5}
            max={1440}
            allowDecimal={false}
            value={duration}
            onChange={setDuration}
            w={140}
          />
          <TextInput
            label={t('classesConsole.rules.validFrom')}
            type="date"
            required
            value={validFrom}
            onChange={(event) => {
              setValidFrom(event.currentTarget.value);
            }}
          />
          <Button type="submit" loading={add.isPending}>
            {t('classesConsole.rules.add')}
          </Button>
        </Group>
        {(add.error ?? remove.error) && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {(add.error ?? remove.error)?.message}
          </Text>
        )}
      </form>
    </Paper>
  );
}
