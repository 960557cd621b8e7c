import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KbStaffCategory } from '../../../../shared/contracts/kb.js';
import { ApiError } from '../../../api/client.js';
import { useDeleteKbCategory, useStaffKbCategories } from '../../../api/kb.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { CategoryForm } from './category-form.js';

type Editing = { category: KbStaffCategory | null } | null;

/** /console/kb/categories — the categories of the knowledge base: list, create, edit, delete. */
export function KbCategoriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('kb.console.categories.title'));
  const categories = useStaffKbCategories();
  const remove = useDeleteKbCategory();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<KbStaffCategory | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const items = categories.data?.items ?? [];
  const nextOrder = items.reduce((max, c) => Math.max(max, c.sortOrder + 10), 0);
  const closeRemoving = () => {
    setRemoving(null);
    remove.reset();
  };
  const notEmpty =
    remove.error instanceof ApiError && remove.error.code === 'kb_category_not_empty';

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/console/kb">
        {t('kb.console.title')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{t('kb.console.categories.title')}</Title>
        <Button
          onClick={() => {
            setDone(null);
            setEditing({ category: null });
          }}
        >
          {t('kb.console.categories.add')}
        </Button>
      </Group>
      {done && (
        <Alert color="teal" role="status">
          {done}
        </Alert>
      )}
      {!categories.data ? (
        <QueryState query={categories} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('kb.console.categories.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kb.console.categories.columns.order')}</Table.Th>
                <Table.Th>{t('kb.console.categories.columns.name')}</Table.Th>
                <Table.Th>{t('kb.console.categories.columns.slug')}</Table.Th>
                <Table.Th>{t('kb.console.categories.columns.articles')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">
                    {t('kb.console.categories.columns.actions')}
                  </span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((category) => (
                <Table.Tr key={category.id}>
                  <Table.Td>{category.sortOrder}</Table.Td>
                  <Table.Td>
                    <Text fw={500}>{category.nameRu}</Text>
                    <Text size="sm" c="dimmed" lang="en">
                      {category.nameEn}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/kb/c/${category.slug}`}>
                      /kb/c/{category.slug}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/kb?category=${category.id}`}>
                      {t('kb.articleCount', { count: category.articleCount })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={t('kb.console.categories.editNamed', {
                          name: category.nameRu,
                        })}
                        onClick={() => {
                          setDone(null);
                          setEditing({ category });
                        }}
                      >
                        {t('kb.console.categories.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('kb.console.categories.deleteNamed', {
                          name: category.nameRu,
                        })}
                        onClick={() => {
                          setDone(null);
                          remove.reset();
                          setRemoving(category);
                        }}
                      >
                        {t('kb.console.categories.delete')}
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
        size="lg"
        title={
          editing?.category
            ? t('kb.console.categories.editTitle', { name: editing.category.nameRu })
            : t('kb.console.categories.add')
        }
      >
        {editing && (
          <CategoryForm
            category={editing.category}
            nextOrder={nextOrder}
            onCancel={() => {
              setEditing(null);
            }}
            onDone={(saved) => {
              setEditing(null);
              setDone(t('kb.console.categories.saved', { name: saved.nameRu }));
            }}
          />
        )}
      </Modal>

      <Modal
        opened={removing !== null}
        onClose={closeRemoving}
        title={t('kb.console.categories.deleteTitle')}
      >
        {removing && (
          <Stack gap="sm">
            <Text>{t('kb.console.categories.deleteQuestion', { name: removing.nameRu })}</Text>
            {remove.isError && (
              <Alert
                color="red"
                role="alert"
                title={notEmpty ? t('kb.console.categories.notEmptyTitle') : undefined}
              >
                <Stack gap={4}>
                  <Text size="sm">{remove.error.message}</Text>
                  {notEmpty && (
                    <Anchor component={Link} to={`/console/kb?category=${removing.id}`} size="sm">
                      {t('kb.console.categories.showArticles', {
                        count:
                          items.find((c) => c.id === removing.id)?.articleCount ??
                          removing.articleCount,
                      })}
                    </Anchor>
                  )}
                </Stack>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeRemoving}>
                {t('kb.console.categories.cancel')}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                disabled={notEmpty}
                onClick={() => {
                  remove.mutate(removing.id, {
                    onSuccess: () => {
                      setDone(t('kb.console.categories.deleted', { name: removing.nameRu }));
                      closeRemoving();
                    },
                  });
                }}
              >
                {t('kb.console.categories.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
