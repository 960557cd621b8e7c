import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveSetting, type SettingsInputs } from '../../../api/helpdesk-staff.js';

/** Props of SettingsSection. */
interface SettingsSectionProps<Item extends { id: string }, K extends keyof SettingsInputs> {
  collection: K;
  items: Item[];
  /** Column headers and the cells of one row. */
  columns: string[];
  cells: (item: Item) => ReactNode[];
  /** A fresh draft (for «Добавить») or one made from an item (for «Изменить»). */
  draft: (item: Item | null) => SettingsInputs[K];
  /** The form fields editing a draft. */
  fields: (draft: SettingsInputs[K], set: (next: SettingsInputs[K]) => void) => ReactNode;
  /** Items that cannot be deleted (the general department). */
  canDelete?: (item: Item) => boolean;
  texts: { add: string; empty: string; itemName: (item: Item) => string };
}

/** A settings list with add, edit and delete, each edit in a dialog. */
export function SettingsSection<Item extends { id: string }, K extends keyof SettingsInputs>({
  collection,
  items,
  columns,
  cells,
  draft,
  fields,
  canDelete,
  texts,
}: SettingsSectionProps<Item, K>) {
  const { t } = useTranslation();
  const save = useSaveSetting(collection);
  const [editing, setEditing] = useState<{ id: string | null; draft: SettingsInputs[K] } | null>(
    null,
  );
  const [removing, setRemoving] = useState<Item | null>(null);

  const close = () => {
    setEditing(null);
    setRemoving(null);
    save.reset();
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!editing) return;
    save.mutate(editing.id ? { id: editing.id, input: editing.draft } : { input: editing.draft }, {
      onSuccess: close,
    });
  };

  return (
    <Stack gap="sm">
      <Button
        onClick={() => {
          setEditing({ id: null, draft: draft(null) });
        }}
        style={{ alignSelf: 'flex-start' }}
      >
        {texts.add}
      </Button>
      {items.length === 0 ? (
        <Text c="dimmed">{texts.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column}>{column}</Table.Th>
                ))}
                <Table.Th>
                  <span className="visually-hidden">{t('helpdeskConsole.common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  {cells(item).map((cell, index) => (
                    <Table.Td key={columns[index] ?? index}>{cell}</Table.Td>
                  ))}
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={t('helpdeskConsole.common.editNamed', {
                          name: texts.itemName(item),
                        })}
                        onClick={() => {
                          setEditing({ id: item.id, draft: draft(item) });
                        }}
                      >
                        {t('helpdeskConsole.common.edit')}
                      </Button>
                      {(canDelete?.(item) ?? true) && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={t('helpdeskConsole.common.deleteNamed', {
                            name: texts.itemName(item),
                          })}
                          onClick={() => {
                            setRemoving(item);
                          }}
                        >
                          {t('helpdeskConsole.common.delete')}
                        </Button>
                      )}
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
        onClose={close}
        title={editing?.id ? t('helpdeskConsole.common.edit') : texts.add}
      >
        {editing && (
          <form onSubmit={submit}>
            <Stack gap="sm">
              {fields(editing.draft, (next) => {
                setEditing({ ...editing, draft: next });
              })}
              {save.isError && (
                <Alert color="red" role="alert">
                  {save.error.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('helpdeskConsole.common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('helpdeskConsole.common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
      <Modal
        opened={removing !== null}
        onClose={close}
        title={t('helpdeskConsole.common.confirmDelete')}
      >
        {removing && (
          <Stack gap="sm">
            <Text>
              {t('helpdeskConsole.common.deleteQuestion', { name: texts.itemName(removing) })}
            </Text>
            {save.isError && (
              <Alert color="red" role="alert">
                {save.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('helpdeskConsole.common.cancel')}
              </Button>
              <Button
                color="red"
                loading={save.isPending}
                onClick={() => {
                  save.mutate({ id: removing.id, remove: true }, { onSuccess: close });
                }}
              >
                {t('helpdeskConsole.common.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
