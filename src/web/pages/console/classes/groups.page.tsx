import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useGroups, useSaveGroup } from '../../../api/classes.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { money } from './classes-format.js';
import { GroupForm } from './group-form.js';

/** Console → Группы: the centre's groups; create one. */
export function GroupsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('classesConsole.groups.title'));
  const navigate = useNavigate();
  const groups = useGroups();
  const save = useSaveGroup(null);
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('classesConsole.groups.title')}</Title>
        <Button
          onClick={() => {
            save.reset();
            open();
          }}
        >
          {t('classesConsole.groups.add')}
        </Button>
      </Group>
      {!groups.data ? (
        <QueryState query={groups} />
      ) : groups.data.groups.length === 0 ? (
        <Text c="dimmed">{t('classesConsole.groups.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('classesConsole.group.name')}</Table.Th>
                <Table.Th>{t('classesConsole.group.course')}</Table.Th>
                <Table.Th>{t('classesConsole.group.teacher')}</Table.Th>
                <Table.Th>{t('classesConsole.group.paymentMode')}</Table.Th>
                <Table.Th>{t('classesConsole.groups.students')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.data.groups.map((group) => (
                <Table.Tr key={group.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/groups/${group.id}`}>
                      {group.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{group.courseName}</Table.Td>
                  <Table.Td>{group.teacherName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={group.paymentMode === 'one_time_fee' ? 'grape' : 'blue'}
                    >
                      {t(`classesConsole.paymentModes.${group.paymentMode}`)}
                    </Badge>
                    {group.paymentMode === 'one_time_fee' && group.feeKopecks !== null && (
                      <Text span size="sm" ms="xs">
                        {money(group.feeKopecks, i18n.language)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{group.activeStudents}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={opened} onClose={close} title={t('classesConsole.groups.add')} size="lg">
        <GroupForm
          pending={save.isPending}
          error={save.error}
          onCancel={close}
          onSubmit={(body) => {
            save.mutate(body, {
              onSuccess: (group) => {
                close();
                void navigate(`/console/groups/${group.id}`);
              },
            });
          }}
        />
      </Modal>
    </Stack>
  );
}
