import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useGroup, useSaveGroup } from '../../../api/classes.js';
import { useLessons } from '../../../api/classes-schedule.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { addDays, formatDay, formatTime, dayIn, money, today } from './classes-format.js';
import { GroupEnrollments } from './group-enrollments.js';
import { GroupForm } from './group-form.js';
import { GroupRules } from './group-rules.js';
import { LessonActions } from './lesson-actions.js';
import { LessonStatus } from './lesson-status.js';

/** How far ahead the group page lists lessons. */
const UPCOMING_DAYS = 28;

/** Console → a group: its settings, students, weekly rules and upcoming lessons. */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const group = useGroup(id);
  const save = useSaveGroup(id);
  const from = today();
  const lessons = useLessons(from, addDays(from, UPCOMING_DAYS), id);
  const [editing, edit] = useDisclosure(false);
  usePageTitle(group.data?.name ?? t('classesConsole.groups.title'));
  if (!group.data) return <QueryState query={group} />;
  const data = group.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/console/groups" size="sm">
        {t('classesConsole.groups.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{data.name}</Title>
          <Text c="dimmed">{[data.courseName, data.teacherName].filter(Boolean).join(' · ')}</Text>
          <Group gap="xs">
            <Badge variant="light">{t(`classesConsole.paymentModes.${data.paymentMode}`)}</Badge>
            {data.paymentMode === 'one_time_fee' && data.feeKopecks !== null && (
              <Badge variant="outline">{money(data.feeKopecks, language)}</Badge>
            )}
            {data.lessonPriceKopecks !== null && (
              <Badge variant="outline">
                {t('classesConsole.group.perLessonPrice', {
                  price: money(data.lessonPriceKopecks, language),
                })}
              </Badge>
            )}
            {data.skipHolidays && (
              <Badge variant="outline" color="orange">
                {t('classesConsole.group.skipsHolidays')}
              </Badge>
            )}
          </Group>
        </Stack>
        <Button
          variant="default"
          onClick={() => {
            save.reset();
            edit.open();
          }}
        >
          {t('classesConsole.group.edit')}
        </Button>
      </Group>

      <GroupEnrollments group={data} />
      <GroupRules groupId={data.id} lessonMinutes={data.lessonMinutes} />

      <Paper withBorder p="md" component="section" aria-labelledby="group-lessons">
        <Title order={2} size="h3" id="group-lessons" mb="sm">
          {t('classesConsole.groups.upcoming')}
        </Title>
        {!lessons.data ? (
          <QueryState query={lessons} />
        ) : lessons.data.lessons.length === 0 ? (
          <Text c="dimmed">{t('classesConsole.groups.noLessons')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('classesConsole.lesson.day')}</Table.Th>
                  <Table.Th>{t('classesConsole.lesson.time')}</Table.Th>
                  <Table.Th>{t('classesConsole.lesson.status')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('classesConsole.accounts.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lessons.data.lessons.map((lesson) => {
                  const zone = lessons.data.timeZone;
                  const day = formatDay(dayIn(lesson.startsAt, zone), language, 'short');
                  const time = formatTime(lesson.startsAt, zone, language);
                  return (
                    <Table.Tr key={lesson.id}>
                      <Table.Td>{day}</Table.Td>
                      <Table.Td>{time}</Table.Td>
                      <Table.Td>
                        <LessonStatus lesson={lesson} />
                      </Table.Td>
                      <Table.Td>
                        <LessonActions lesson={lesson} timeZone={zone} label={`${day} ${time}`} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Modal opened={editing} onClose={edit.close} title={t('classesConsole.group.edit')} size="lg">
        <GroupForm
          group={data}
          pending={save.isPending}
          error={save.error}
          onCancel={edit.close}
          onSubmit={(body) => {
            save.mutate(body, { onSuccess: edit.close });
          }}
        />
      </Modal>
    </Stack>
  );
}
