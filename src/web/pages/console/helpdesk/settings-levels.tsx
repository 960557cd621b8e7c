import { NumberInput, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAFF_TICKET_PRIORITIES } from '../../../../shared/contracts/helpdesk-staff.js';
import type { HelpdeskSettings } from '../../../../shared/contracts/helpdesk-staff.js';
import { currentLocale } from '../../../i18n/index.js';
import { DraftTextInput } from './draft-text-input.js';
import { SettingsSection } from './settings-section.js';

/** Working minutes as hours for people («8 ч»), the SLA unit support teams think in. */
function hours(minutes: number | null, none: string): string {
  if (minutes === null) return none;
  return String(Math.round((minutes / 60) * 100) / 100);
}

function toMinutes(value: number | string): number | null {
  return typeof value === 'number' && value > 0 ? Math.round(value * 60) : null;
}

/** Support levels: the priority, department and SLA targets a certificate gives a ticket. */
export function SupportLevelsSettings({ data }: { data: HelpdeskSettings }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const none = t('helpdeskConsole.settings.noTarget');
  const departmentName = (id: string | null) => {
    const found = data.departments.find((item) => item.id === id);
    if (!found) return t('helpdeskConsole.settings.generalQueue');
    return locale === 'en' ? found.nameEn : found.nameRu;
  };
  return (
    <>
      <Text size="sm" mb="sm">
        {t('helpdeskConsole.settings.levelsIntro')}
      </Text>
      <SettingsSection
        collection="support-levels"
        items={data.supportLevels}
        columns={[
          t('helpdeskConsole.settings.code'),
          t('helpdeskConsole.settings.nameRu'),
          t('helpdeskConsole.queue.priority'),
          t('helpdeskConsole.queue.department'),
          t('helpdeskConsole.settings.firstResponseHours'),
          t('helpdeskConsole.settings.resolutionHours'),
        ]}
        cells={(item) => [
          item.code,
          item.nameRu,
          t(`helpdeskConsole.priority.${item.priority}`),
          departmentName(item.departmentId),
          hours(item.firstResponseMinutes, none),
          hours(item.resolutionMinutes, none),
        ]}
        draft={(item) => ({
          code: item?.code ?? '',
          nameRu: item?.nameRu ?? '',
          nameEn: item?.nameEn ?? '',
          priority: item?.priority ?? 'normal',
          departmentId: item?.departmentId ?? null,
          firstResponseMinutes: item?.firstResponseMinutes ?? null,
          resolutionMinutes: item?.resolutionMinutes ?? null,
        })}
        fields={(draft, set) => (
          <>
            <DraftTextInput
              label={t('helpdeskConsole.settings.code')}
              description={t('helpdeskConsole.settings.codeHint')}
              required
              draft={draft}
              field="code"
              onDraft={set}
              data-autofocus
            />
            <DraftTextInput
              label={t('helpdeskConsole.settings.nameRu')}
              required
              draft={draft}
              field="nameRu"
              onDraft={set}
            />
            <DraftTextInput
              label={t('helpdeskConsole.settings.nameEn')}
              required
              draft={draft}
              field="nameEn"
              onDraft={set}
            />
            <Select
              label={t('helpdeskConsole.queue.priority')}
              allowDeselect={false}
              value={draft.priority}
              onChange={(value) => {
                set({ ...draft, priority: value ?? 'normal' });
              }}
              data={STAFF_TICKET_PRIORITIES.map((value) => ({
                value,
                label: t(`helpdeskConsole.priority.${value}`),
              }))}
            />
            <Select
              label={t('helpdeskConsole.queue.department')}
              placeholder={t('helpdeskConsole.settings.generalQueue')}
              clearable
              value={draft.departmentId ?? null}
              onChange={(value) => {
                set({ ...draft, departmentId: value });
              }}
              data={data.departments.map((item) => ({
                value: item.id,
                label: locale === 'en' ? item.nameEn : item.nameRu,
              }))}
            />
            <NumberInput
              label={t('helpdeskConsole.settings.firstResponseHours')}
              description={t('helpdeskConsole.settings.hoursHint')}
              min={0}
              decimalScale={2}
              value={draft.firstResponseMinutes ? draft.firstResponseMinutes / 60 : ''}
              onChange={(value) => {
                set({ ...draft, firstResponseMinutes: toMinutes(value) });
              }}
            />
            <NumberInput
              label={t('helpdeskConsole.settings.resolutionHours')}
              description={t('helpdeskConsole.settings.hoursHint')}
              min={0}
              decimalScale={2}
              value={draft.resolutionMinutes ? draft.resolutionMinutes / 60 : ''}
              onChange={(value) => {
                set({ ...draft, resolutionMinutes: toMinutes(value) });
              }}
            />
          </>
        )}
        texts={{
          add: t('helpdeskConsole.settings.addLevel'),
          empty: t('helpdeskConsole.settings.empty'),
          itemName: (item) => item.nameRu,
        }}
      />
    </>
  );
}
