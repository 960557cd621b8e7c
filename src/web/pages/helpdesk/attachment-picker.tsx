import {
  ActionIcon,
  Button,
  Group,
  Image,
  Paper,
  Progress,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from './helpdesk-format.js';
import type { AttachmentUploads, UploadItem } from './use-attachment-uploads.js';

/** Props of AttachmentPicker. */
interface AttachmentPickerProps {
  uploads: AttachmentUploads;
  /** «До 10 файлов, каждый до 20 МБ…», already translated. */
  hint: string;
  /** `accept` of the file input (the server still checks the content). */
  accept?: string;
  disabled?: boolean;
}

function UploadRow({ item, onRemove }: { item: UploadItem; onRemove: () => void }) {
  const { t, i18n } = useTranslation();
  const errorId = `${item.key}-error`;
  return (
    <Paper component="li" withBorder p="xs" aria-describedby={item.error ? errorId : undefined}>
      <Group wrap="nowrap" align="center" gap="sm">
        {item.previewUrl ? (
          <Image
            src={item.previewUrl}
            alt={t('helpdesk.attachments.previewOf', { name: item.file.name })}
            w={56}
            h={56}
            fit="cover"
            radius="sm"
          />
        ) : (
          <ThemeIcon variant="light" size={56} radius="sm" aria-hidden>
            <Text size="xs" fw={700}>
              {(item.file.name.split('.').pop() ?? '').slice(0, 4).toUpperCase() || '—'}
            </Text>
          </ThemeIcon>
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>
            {item.file.name}
          </Text>
          <Text size="xs" c="dimmed">
            {formatFileSize(item.file.size, i18n.language)}
            {item.state === 'done' && ` · ${t('helpdesk.attachments.uploaded')}`}
          </Text>
          {item.state === 'uploading' && (
            <Progress
              value={Math.round(item.progress * 100)}
              size="sm"
              aria-label={t('helpdesk.attachments.progress', { name: item.file.name })}
              animated
            />
          )}
          {item.error && (
            <Text size="xs" c="red" id={errorId} role="alert">
              {item.error}
            </Text>
          )}
        </Stack>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={onRemove}
          aria-label={t('helpdesk.attachments.remove', { name: item.file.name })}
        >
          ×
        </ActionIcon>
      </Group>
    </Paper>
  );
}

/**
 * Files for a ticket or reply: dropped onto the area or chosen with the button; each one
 * uploads at once with its progress, a preview for images, and its own error.
 */
export function AttachmentPicker({ uploads, hint, accept, disabled }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const files = [...event.dataTransfer.files];
    if (files.length > 0) uploads.add(files);
  };

  return (
    <Stack gap="xs">
      <Paper
        withBorder
        p="md"
        radius="md"
        data-testid="attachment-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
        }}
      >
        <Group justify="space-between" gap="sm">
          <Stack gap={2} style={{ flex: '1 1 220px' }}>
            <Text size="sm" fw={500}>
              {t('helpdesk.attachments.drop')}
            </Text>
            <Text size="xs" c="dimmed" id={hintId}>
              {hint}
            </Text>
          </Stack>
          <Button
            variant="default"
            size="sm"
            disabled={disabled}
            aria-describedby={hintId}
            onClick={() => input.current?.click()}
          >
            {t('helpdesk.attachments.choose')}
          </Button>
        </Group>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={accept}
          aria-label={t('helpdesk.attachments.choose')}
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            // Cleared so choosing the same file again after removing it still fires.
            event.currentTarget.value = '';
            if (files.length > 0) uploads.add(files);
          }}
        />
      </Paper>
      {uploads.items.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('helpdesk.attachments.list')}
        >
          {uploads.items.map((item) => (
            <UploadRow
              key={item.key}
              item={item}
              onRemove={() => {
                uploads.remove(item.key);
              }}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
