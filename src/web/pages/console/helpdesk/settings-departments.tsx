import { Badge, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HelpdeskSettings } from '../../../../shared/contracts/helpdesk-staff.js';
import { DraftTextInput } from './draft-text-input.js';
import { SettingsSection } from './settings-section.js';

/** Departments (queues) and how long their closed tickets may be reopened. */
export function DepartmentsSettings({ data }: { data: HelpdeskSettings }) {
  const { t } = useTranslation();
  return (
    <SettingsSection
      collection="departments"
      items={data.departments}
      columns={[
        t('helpdeskConsole.settings.nameRu'),
        t('helpdeskConsole.settings.nameEn'),
        t('helpdeskConsole.settings.reopenWindow'),
        t('helpdeskConsole.settings.order'),
      ]}
      cells={(item) => [
        <>
          {item.nameRu}{' '}
          {item.isGeneral && (
            <Badge variant="light">{t('helpdeskConsole.settings.generalQueue')}</Badge>
          )}
        </>,
        item.nameEn,
        t('helpdeskConsole.settings.days', { count: item.reopenWindowDays }),
        item.sortOrder,
      ]}
      draft={(item) => ({
        nameRu: item?.nameRu ?? '',
        nameEn: item?.nameEn ?? '',
        reopenWindowDays: item?.reopenWindowDays ?? 30,
        sortOrder: item?.sortOrder ?? 0,
      })}
      fields={(draft, set) => (
        <>
          <DraftTextInput
            label={t('helpdeskConsole.settings.nameRu')}
            required
            draft={draft}
            field="nameRu"
            onDraft={set}
            data-autofocus
          />
          <DraftTextInput
            label={t('helpdeskConsole.settings.nameEn')}
            required
            draft={draft}
            field="nameEn"
            onDraft={set}
          />
          <NumberInput
            label={t('helpdeskConsole.settings.reopenWindow')}
            description={t('helpdeskConsole.settings.reopenWindowHint')}
            min={0}
            max={3650}
            allowDecimal={false}
            value={draft.reopenWindowDays ?? 30}
            onChange={(value) => {
              set({ ...draft, reopenWindowDays: typeof value === 'number' ? value : 0 });
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
      canDelete={(item) => !item.isGeneral}
      texts={{
        add: t('helpdeskConsole.settings.addDepartment'),
        empty: t('helpdeskConsole.settings.empty'),
        itemName: (item) => item.nameRu,
      }}
    />
  );
}
