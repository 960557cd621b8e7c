import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Tabs,
  TagsInput,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { KbStaffArticle } from '../../../../shared/contracts/kb.js';
import {
  useSaveKbArticle,
  useSetKbArticleStatus,
  useStaffKbArticle,
  useStaffKbCategories,
} from '../../../api/kb.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { TranslationFields } from './translation-fields.js';

interface Draft {
  slug: string;
  categoryId: string | null;
  tags: string[];
  sortOrder: number;
  ru: { title: string; body: string };
  en: { title: string; body: string };
}

const EMPTY: Draft = {
  slug: '',
  categoryId: null,
  tags: [],
  sortOrder: 0,
  ru: { title: '', body: '' },
  en: { title: '', body: '' },
};

function draftOf(article: KbStaffArticle): Draft {
  return { ...article, en: article.en ?? { title: '', body: '' } };
}

/** /console/kb/new and /console/kb/:id — the article editor with ru/en tabs and preview. */
export function KbEditorPage() {
  const { id = null } = useParams();
  const existing = useStaffKbArticle(id);
  if (id && !existing.data) return <QueryState query={existing} />;
  // Keyed by the article, so the form starts from the stored text once it has loaded.
  return <ArticleForm key={id ?? 'new'} id={id} article={existing.data ?? null} />;
}

function ArticleForm({ id, article }: { id: string | null; article: KbStaffArticle | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categories = useStaffKbCategories();
  const save = useSaveKbArticle(id);
  const status = useSetKbArticleStatus(id ?? '');
  const [draft, setDraft] = useState<Draft>(article ? draftOf(article) : EMPTY);
  const [saved, setSaved] = useState(false);
  usePageTitle(
    id ? t('kb.console.editTitle', { title: draft.ru.title }) : t('kb.console.createTitle'),
  );

  const hasEn = draft.en.title.trim() !== '' || draft.en.body.trim() !== '';
  const submit = (publish: boolean) => {
    setSaved(false);
    save.mutate(
      {
        slug: draft.slug,
        categoryId: draft.categoryId ?? '',
        tags: draft.tags,
        sortOrder: draft.sortOrder,
        ru: draft.ru,
        en: hasEn ? draft.en : null,
        publish,
      },
      {
        onSuccess: (article) => {
          setSaved(true);
          if (!id) void navigate(`/console/kb/${article.id}`, { replace: true });
        },
      },
    );
  };
  const current = article?.status;

  return (
    <Stack gap="md" maw={1200}>
      <Anchor component={Link} to="/console/kb">
        {t('kb.console.title')}
      </Anchor>
      <Group gap="sm">
        <Title order={1}>
          {id ? t('kb.console.editTitle', { title: draft.ru.title }) : t('kb.console.createTitle')}
        </Title>
        {current && <Badge variant="light">{t(`kb.console.status.${current}`)}</Badge>}
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('kb.console.slug')}
          description={t('kb.console.slugHint')}
          required
          value={draft.slug}
          onChange={(event) => {
            setDraft({ ...draft, slug: event.currentTarget.value });
          }}
        />
        <Select
          label={t('kb.console.category')}
          required
          value={draft.categoryId}
          data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.nameRu }))}
          onChange={(value) => {
            setDraft({ ...draft, categoryId: value });
          }}
        />
        <TagsInput
          label={t('kb.console.tags')}
          value={draft.tags}
          onChange={(tags) => {
            setDraft({ ...draft, tags });
          }}
        />
        <NumberInput
          label={t('kb.console.sortOrder')}
          min={0}
          value={draft.sortOrder}
          onChange={(value) => {
            setDraft({ ...draft, sortOrder: Number(value) || 0 });
          }}
        />
      </Group>
      <Tabs defaultValue="ru">
        <Tabs.List>
          <Tabs.Tab value="ru">{t('kb.console.ru')}</Tabs.Tab>
          <Tabs.Tab value="en">{t('kb.console.en')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ru">
          <TranslationFields
            locale="ru"
            value={draft.ru}
            onChange={(ru) => {
              setDraft({ ...draft, ru });
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="en">
          <TranslationFields
            locale="en"
            value={draft.en}
            onChange={(en) => {
              setDraft({ ...draft, en });
            }}
          />
        </Tabs.Panel>
      </Tabs>
      {(save.isError || status.isError) && (
        <Alert color="red" role="alert">
          {(save.error ?? status.error)?.message}
        </Alert>
      )}
      {saved && !save.isPending && (
        <Alert color="teal" role="status">
          {t('kb.console.saved')}
        </Alert>
      )}
      <Group>
        <Button
          loading={save.isPending}
          onClick={() => {
            submit(false);
          }}
        >
          {t('kb.console.save')}
        </Button>
        {!id && (
          <Button
            variant="light"
            loading={save.isPending}
            onClick={() => {
              submit(true);
            }}
          >
            {t('kb.console.saveAndPublish')}
          </Button>
        )}
        {id && current === 'draft' && (
          <Button
            variant="light"
            color="teal"
            loading={status.isPending}
            onClick={() => {
              status.mutate('publish');
            }}
          >
            {t('kb.console.publish')}
          </Button>
        )}
        {id && current === 'published' && (
          <>
            <Button
              variant="default"
              loading={status.isPending}
              onClick={() => {
                status.mutate('unpublish');
              }}
            >
              {t('kb.console.unpublish')}
            </Button>
            <Anchor component={Link} to={`/kb/a/${article?.slug ?? ''}`}>
              {t('kb.console.viewPublic')}
            </Anchor>
          </>
        )}
      </Group>
    </Stack>
  );
}
