import { Button, Checkbox, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionType } from '../../../../shared/contracts/billing.js';
import { useSaveSubscriptionType, useSubscriptionTypes } from '../../../api/billing.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { money } from './billing-format.js';
import { TypeForm } from './type-form.js';

/** `/console/subscription-types`: the products on sale, and the archive. */
export function SubscriptionTypesPage() {
  const { t } = useTranslation();
  usePageTitle(t('billingConsole.types.title'));
  const [archived, setArchived] = useState(false);
  const types = useSubscriptionTypes(archived);
  const save = useSaveSubscriptionType();
  const [editing, setEditing] = useState<{ type: SubscriptionType | null } | null>(null);

  const scope = (type: SubscriptionType) =>
    type.coversAllGroups
      ? t('billingConsole.types.scopeAll')
      : t('billingConsole.types.scopeSome', {
          groups: type.groupIds.length,
          courses: type.courseIds.length,
        });

  return (
    <Stack gap="md">
      <Title order={1}>{t('billingConsole.types.title')}</Title>
      <Text>{t('billingConsole.types.intro')}</Text>
      <Group>
        <Button
          onClick={() => {
            setEditing({ type: null });
          }}
        >
          {t('billingConsole.types.add')}
        </Button>
        <Checkbox
          label={t('billingConsole.types.showArchived')}
          checked={archived}
          onChange={(e) => {
            setArchived(e.currentTarget.checked);
          }}
        />
      </Group>
      {!types.data ? (
        <QueryState query={types} />
      ) : types.data.items.length === 0 ? (
        <Text c="dimmed">{t('billingConsole.types.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('billingConsole.types.name')}</Table.Th>
                <Table.Th>{t('billingConsole.types.lessons')}</Table.Th>
                <Table.Th>{t('billingConsole.types.validity')}</Table.Th>
                <Table.Th>{t('billingConsole.types.price')}</Table.Th>
                <Table.Th>{t('billingConsole.types.scope')}</Table.Th>
                <Table.Th>{t('billingConsole.types.unused')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('billingConsole.common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.data.items.map((type) => (
                <Table.Tr key={type.id}>
                  <Table.Td>{type.name}</Table.Td>
                  <Table.Td>
                    {type.lessonsCount === null
                      ? t('billingConsole.common.unlimited')
                      : t('billingConsole.common.lessons', { count: type.lessonsCount })}
                  </Table.Td>
                  <Table.Td>
                    {t('billingConsole.common.days', { count: type.validityDays })}
                  </Table.Td>
                  <Table.Td>{money(type.priceKopecks)}</Table.Td>
                  <Table.Td>{scope(type)}</Table.Td>
                  <Table.Td>{t(`billingConsole.types.${type.unusedLessons}`)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={t('billingConsole.types.editNamed', { name: type.name })}
                        onClick={() => {
                          setEditing({ type });
                        }}
                      >
                        {t('billingConsole.types.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={
                          type.archived
                            ? undefined
                            : t('billingConsole.types.archiveNamed', { name: type.name })
                        }
                        loading={save.isPending && save.variables.id === type.id}
                        onClick={() => {
                          save.mutate({ id: type.id, archived: !type.archived });
                        }}
                      >
                        {type.archived
                          ? t('billingConsole.types.restore')
                          : t('billingConsole.types.archive')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => {
          setEditing(null);
        }}
        title={editing?.type ? t('billingConsole.types.edit') : t('billingConsole.types.add')}
      >
        {editing && (
          <TypeForm
            type={editing.type}
            onDone={() => {
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
