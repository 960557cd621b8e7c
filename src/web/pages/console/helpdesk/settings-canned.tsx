import { Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HelpdeskSettings } from '../../../../shared/contracts/helpdesk-staff.js';
import { DraftTextInput } from './draft-text-input.js';
import { SettingsSection } from './settings-section.js';

/** Canned responses agents insert into replies. */
export function CannedResponsesSettings({ data }: { data: HelpdeskSettings }) {
  const { t } = useTranslation();
  return (
    <SettingsSection
      collection="canned-responses"
      items={data.cannedResponses}
      columns={[
        t('helpdeskConsole.settings.cannedTitle'),
        t('helpdeskConsole.settings.cannedBody'),
      ]}
      cells={(item) => [
        item.title,
        <Text key="body" size="sm" lineClamp={2}>
          {item.body}
        </Text>,
      ]}
      draft={(item) => ({ title: item?.title ?? '', body: item?.body ?? '' })}
      fields={(draft, set) => (
        <>
          <DraftTextInput
            label={t('helpdeskConsole.settings.cannedTitle')}
            required
            draft={draft}
            field="title"
            onDraft={set}
            data-autofocus
          />
          <Textarea
            label={t('helpdeskConsole.settings.cannedBody')}
            required
            autosize
            minRows={5}
            value={draft.body}
            onChange={(e) => {
              set({ ...draft, body: e.currentTarget.value });
            }}
          />
        </>
      )}
      texts={{
        add: t('helpdeskConsole.settings.addCanned'),
        empty: t('helpdeskConsole.settings.empty'),
        itemName: (item) => item.title,
      }}
    />
  );
}
