import { Checkbox, NumberInput, Select, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HelpdeskSettings } from '../../../../shared/contracts/helpdesk-staff.js';
import { DraftTextInput } from './draft-text-input.js';
import { SettingsSection } from './settings-section.js';

/** The structured fields of the ticket form (OS version, product version…). */
export function TicketFieldsSettings({ data }: { data: HelpdeskSettings }) {
  const { t } = useTranslation();
  return (
    <SettingsSection
      collection="ticket-fields"
      items={data.ticketFields}
      columns={[
        t('helpdeskConsole.settings.fieldKey'),
        t('helpdeskConsole.settings.labelRu'),
        t('helpdeskConsole.settings.kind'),
        t('helpdeskConsole.settings.required'),
        t('helpdeskConsole.settings.active'),
        t('helpdeskConsole.settings.order'),
      ]}
      cells={(item) => [
        item.key,
        item.labelRu,
        item.kind === 'select'
          ? `${t('helpdeskConsole.settings.kinds.select')}: ${item.options.join(', ')}`
          : t('helpdeskConsole.settings.kinds.text'),
        item.required ? t('helpdeskConsole.common.yes') : t('helpdeskConsole.common.no'),
        item.active ? t('helpdeskConsole.common.yes') : t('helpdeskConsole.common.no'),
        item.sortOrder,
      ]}
      draft={(item) => ({
        key: item?.key ?? '',
        labelRu: item?.labelRu ?? '',
        labelEn: item?.labelEn ?? '',
        kind: item?.kind ?? 'text',
        options: item?.options ?? [],
        required: item?.required ?? false,
        active: item?.active ?? true,
        sortOrder: item?.sortOrder ?? 0,
      })}
      fields={(draft, set) => (
        <>
          <DraftTextInput
            label={t('helpdeskConsole.settings.fieldKey')}
            description={t('helpdeskConsole.settings.fieldKeyHint')}
            required
            draft={draft}
            field="key"
            onDraft={set}
            data-autofocus
          />
          <DraftTextInput
            label={t('helpdeskConsole.settings.labelRu')}
            required
            draft={draft}
            field="labelRu"
            onDraft={set}
          />
          <DraftTextInput
            label={t('helpdeskConsole.settings.labelEn')}
            required
            draft={draft}
            field="labelEn"
            onDraft={set}
          />
          <Select
            label={t('helpdeskConsole.settings.kind')}
            allowDeselect={false}
            value={draft.kind ?? 'text'}
            onChange={(value) => {
              set({ ...draft, kind: value === 'select' ? 'select' : 'text' });
            }}
            data={[
              { value: 'text', label: t('helpdeskConsole.settings.kinds.text') },
              { value: 'select', label: t('helpdeskConsole.settings.kinds.select') },
            ]}
          />
          {draft.kind === 'select' && (
            <TagsInput
              label={t('helpdeskConsole.settings.options')}
              description={t('helpdeskConsole.settings.optionsHint')}
              value={draft.options ?? []}
              onChange={(value) => {
                set({ ...draft, options: value });
              }}
            />
          )}
          <Checkbox
            label={t('helpdeskConsole.settings.required')}
            checked={draft.required ?? false}
            onChange={(e) => {
              set({ ...draft, required: e.currentTarget.checked });
            }}
          />
          <Checkbox
            label={t('helpdeskConsole.settings.active')}
            checked={draft.active ?? true}
            onChange={(e) => {
              set({ ...draft, active: e.currentTarget.checked });
            }}
          />
          <NumberInput
            label={t('helpdeskConsole.settings.order')}
            min={0}
            allowDecimal={false}
            value={draft.sortOrder ?? 0}
            onChange={(value) => {
              set({ ...draft, sortOrder: typeof value === 'number' ? value : 0 });
            }}
          />
        </>
      )}
      texts={{
        add: t('helpdeskConsole.settings.addField'),
        empty: t('helpdeskConsole.settings.empty'),
        itemName: (item) => item.labelRu,
      }}
    />
  );
}
