import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AuditEntry } from '../../shared/contracts/staff-accounts.js';
import { formatDateTime } from './format.js';
import { currentLocale, i18n } from '../i18n/index.js';

/** `details.changes` of a settings change: each changed field's old and new value. */
const ZChanges = z.record(z.string(), z.looseObject({ from: z.unknown(), to: z.unknown() }));

/** Organization settings fields that have a label on the settings page. */
const SETTINGS_FIELDS = [
  'supportEmail',
  'supportPhone',
  'sessionLimit',
  'passwordMinLength',
  'inactivityBlockDays',
  'accessWarningDays',
  'selfRegistration',
] as const;
type SettingsField = (typeof SETTINGS_FIELDS)[number];
const isSettingsField = (field: string): field is SettingsField =>
  (SETTINGS_FIELDS as readonly string[]).includes(field);

// Audit actions with a text of their own; the rest show their stable dotted code.
const ACTION_KEYS = {
  'organization.settings_changed': 'audit.actions.organization.settings_changed',
} as const;

/** The translated name of an audit action, or its stable code when there is no translation. */
export function auditActionLabel(action: string): string {
  return action in ACTION_KEYS ? i18n.t(ACTION_KEYS[action as keyof typeof ACTION_KEYS]) : action;
}

/** One value of a change as people read it: «не задано», «да»/«нет», or the value. */
function useValueText() {
  const { t } = useTranslation();
  return (value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('audit.empty');
    if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return JSON.stringify(value);
  };
}

/**
 * The details of an entry: `changes` (`{ field: { from, to } }`) as «Поле: было → стало»
 * lines; anything else as compact JSON, so no detail is hidden from staff.
 */
export function AuditDetails({ details }: { details: AuditEntry['details'] }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  if (!details) return null;
  const { changes, ...rest } = details;
  const parsed = ZChanges.safeParse(changes);
  const restText = Object.keys(rest).length > 0 ? JSON.stringify(rest) : null;
  if (!parsed.success) return <>{` · ${JSON.stringify(details)}`}</>;
  return (
    <>
      {Object.entries(parsed.data).map(([field, { from, to }]) => (
        <Text component="span" display="block" size="sm" ml="md" key={field}>
          {t('audit.change', {
            field: isSettingsField(field) ? t(`orgSettings.${field}`) : field,
            from: valueText(from),
            to: valueText(to),
          })}
        </Text>
      ))}
      {restText && ` · ${restText}`}
    </>
  );
}

/**
 * One audit entry as a list item: when, what, who (and about whom, in organization-wide lists),
 * and the details.
 */
export function AuditEntryItem({
  entry,
  showSubject = false,
}: {
  entry: AuditEntry;
  showSubject?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Text component="li" size="sm">
      {formatDateTime(entry.createdAt, currentLocale())} — <b>{auditActionLabel(entry.action)}</b>
      {' · '}
      {entry.actor?.displayName ?? t('accountDetail.system')}
      {showSubject && entry.subject ? ` → ${entry.subject.displayName}` : ''}
      <AuditDetails details={entry.details} />
    </Text>
  );
}
