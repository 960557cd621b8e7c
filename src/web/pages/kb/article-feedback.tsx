import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKbFeedback } from '../../api/kb.js';

/** «Была ли статья полезна?» Да / Нет, then an optional comment. */
export function ArticleFeedback({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const feedback = useKbFeedback(articleId);
  const [vote, setVote] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [commentSent, setCommentSent] = useState(false);

  const answer = (helpful: boolean) => {
    setVote(helpful);
    feedback.mutate({ helpful });
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="kb-feedback-question">
      <Text fw={600} id="kb-feedback-question">
        {t('kb.helpfulQuestion')}
      </Text>
      <Group gap="xs">
        <Button
          variant={vote === true ? 'filled' : 'default'}
          aria-pressed={vote === true}
          onClick={() => {
            answer(true);
          }}
        >
          {t('kb.yes')}
        </Button>
        <Button
          variant={vote === false ? 'filled' : 'default'}
          aria-pressed={vote === false}
          onClick={() => {
            answer(false);
          }}
        >
          {t('kb.no')}
        </Button>
      </Group>
      {feedback.isError && (
        <Text c="red" role="alert">
          {feedback.error.message}
        </Text>
      )}
      {vote !== null && feedback.isSuccess && (
        <Text role="status" c="teal">
          {t('kb.thanks')}
        </Text>
      )}
      {vote === false && !commentSent && (
        <Stack gap="xs">
          <Textarea
            label={t('kb.commentLabel')}
            value={comment}
            maxLength={2000}
            autosize
            minRows={2}
            onChange={(event) => {
              setComment(event.currentTarget.value);
            }}
          />
          <Button
            variant="light"
            style={{ alignSelf: 'flex-start' }}
            disabled={comment.trim().length === 0}
            onClick={() => {
              feedback.mutate(
                { helpful: false, comment },
                {
                  onSuccess: () => {
                    setCommentSent(true);
                  },
                },
              );
            }}
          >
            {t('kb.sendComment')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
