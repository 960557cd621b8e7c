import {
  Badge,
  Checkbox,
  NumberInput,
  Select,
  Stack,
  Tabs,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAFF_TICKET_PRIORITIES } from '../../../../shared/contracts/helpdesk-staff.js';
import { useHelpdeskSettings } from '../../../api/helpdesk-staff.js';
import { QueryState } from '../../../components/query-state.js';
import { usePageTitle } from '../../../components/use-page-title.js';
import { currentLocale } from '../../../i18n/index.js';
import { SettingsSection } from './settings-section.js';

/** Working minutes as hours for people («8 ч»), the SLA unit support teams think in. */
function hours(minutes: number | null, none: string): string {
  if (minutes === null) return none;
  return String(Math.round((minutes / 60) * 100) / 100);
}

function toMinutes(value: number | string): number | null {
  return typeof value === 'number' && value > 0 ? Math.round(value * 60) : null;
}

/** Console → Настройки поддержки: departments, support levels, ticket fields, canned responses. */
export function HelpdeskSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('helpdeskConsole.settings.title'));
  const locale = currentLocale();
  const settings = useHelpdeskSettings();
  const data = settings.data;
  const none = t('helpdeskConsole.settings.noTarget');
  const departmentName = (id: string | null) => {
    const found = data?.departments.find((item) => item.id === id);
    return found
      ? locale === 'en'
        ? found.nameEn
        : found.nameRu
      : t('helpdeskConsole.settings.generalQueue');
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('helpdeskConsole.settings.title')}</Title>
      {!data ? (
        <QueryState query={settings} />
      ) : (
        <Tabs defaultValue="departments" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="departments">{t('helpdeskConsole.settings.departments')}</Tabs.Tab>
            <Tabs.Tab value="levels">{t('helpdeskConsole.settings.levels')}</Tabs.Tab>
            <Tabs.Tab value="fields">{t('helpdeskConsole.settings.fields')}</Tabs.Tab>
            <Tabs.Tab value="canned">{t('helpdeskConsole.settings.canned')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="departments" pt="md">
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
                  <TextInput
                    label={t('helpdeskConsole.settings.nameRu')}
                    required
                    value={draft.nameRu}
                    onChange={(e) => {
                      set({ ...draft, nameRu: e.currentTarget.value });
                    }}
                    data-autofocus
                  />
                  <TextInput
                    label={t('helpdeskConsole.settings.nameEn')}
                    required
                    value={draft.nameEn}
                    onChange={(e) => {
                      set({ ...draft, nameEn: e.currentTarget.value });
                    }}
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
          </Tabs.Panel>
          <Tabs.Panel value="levels" pt="md">
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
                  <TextInput
                    label={t('helpdeskConsole.settings.code')}
                    description={t('helpdeskConsole.settings.codeHint')}
                    required
                    value={draft.code}
                    onChange={(e) => {
                      set({ ...draft, code: e.currentTarget.value });
                    }}
                    data-autofocus
                  />
                  <TextInput
                    label={t('helpdeskConsole.settings.nameRu')}
                    required
                    value={draft.nameRu}
                    onChange={(e) => {
                      set({ ...draft, nameRu: e.currentTarget.value });
                    }}
                  />
                  <TextInput
                    label={t('helpdeskConsole.settings.nameEn')}
                    required
                    value={draft.nameEn}
                    onChange={(e) => {
                      set({ ...draft, nameEn: e.currentTarget.value });
                    }}
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
          </Tabs.Panel>
          <Tabs.Panel value="fields" pt="md">
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
                  <TextInput
                    label={t('helpdeskConsole.settings.fieldKey')}
                    description={t('helpdeskConsole.settings.fieldKeyHint')}
                    required
                    value={draft.key}
                    onChange={(e) => {
                      set({ ...draft, key: e.currentTarget.value });
                    }}
                    data-autofocus
                  />
                  <TextInput
                    label={t('helpdeskConsole.settings.labelRu')}
                    required
                    value={draft.labelRu}
                    onChange={(e) => {
                      set({ ...draft, labelRu: e.currentTarget.value });
                    }}
                  />
                  <TextInput
                    label={t('helpdeskConsole.settings.labelEn')}
                    required
                    value={draft.labelEn}
                    onChange={(e) => {
                      set({ ...draft, labelEn: e.currentTarget.value });
                    }}
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
          </Tabs.Panel>
          <Tabs.Panel value="canned" pt="md">
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
                  <TextInput
                    label={t('helpdeskConsole.settings.cannedTitle')}
                    required
                    value={draft.title}
                    onChange={(e) => {
                      set({ ...draft, title: e.currentTarget.value });
                    }}
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
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
