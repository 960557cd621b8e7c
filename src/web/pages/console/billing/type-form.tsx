import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SubscriptionType,
  SubscriptionTypeInput,
} from '../../../../shared/contracts/billing.js';
import { formatMoneyInput, parseMoney } from '../../../../shared/money.js';
import { useSaveSubscriptionType, useScopeChoices } from '../../../api/billing.js';
import { MoneyInput } from './money-input.js';

interface Draft {
  name: string;
  lessons: string;
  validityDays: number | string;
  price: string;
  coversAllGroups: boolean;
  groupIds: string[];
  courseIds: string[];
  shareableInFamily: boolean;
  unusedLessons: 'burn' | 'carry_over';
}

function draftOf(type: SubscriptionType | null): Draft {
  return {
    name: type?.name ?? '',
    lessons: type ? (type.lessonsCount === null ? '' : String(type.lessonsCount)) : '8',
    validityDays: type?.validityDays ?? 30,
    price: type ? formatMoneyInput(type.priceKopecks) : '',
    coversAllGroups: type?.coversAllGroups ?? true,
    groupIds: type?.groupIds ?? [],
    courseIds: type?.courseIds ?? [],
    shareableInFamily: type?.shareableInFamily ?? false,
    unusedLessons: type?.unusedLessons ?? 'burn',
  };
}

/** The add/edit form of a subscription type; `onDone` closes its dialog. */
export function TypeForm({ type, onDone }: { type: SubscriptionType | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSubscriptionType();
  const choices = useScopeChoices();
  const [draft, setDraft] = useState(() => draftOf(type));
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    const price = parseMoney(draft.price);
    const lessons = draft.lessons.trim() === '' ? null : Number(draft.lessons);
    if (price === null || (lessons !== null && !Number.isInteger(lessons))) return;
    const input: SubscriptionTypeInput = {
      name: draft.name,
      lessonsCount: lessons,
      validityDays: Number(draft.validityDays),
      priceKopecks: price,
      coversAllGroups: draft.coversAllGroups,
      groupIds: draft.groupIds,
      courseIds: draft.courseIds,
      shareableInFamily: draft.shareableInFamily,
      unusedLessons: draft.unusedLessons,
    };
    save.mutate(type ? { id: type.id, input } : { input }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label={t('billingConsole.types.name')}
          required
          data-autofocus
          value={draft.name}
          onChange={(e) => {
            set({ name: e.currentTarget.value });
          }}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('billingConsole.types.lessons')}
            description={t('billingConsole.types.lessonsHint')}
            inputMode="numeric"
            value={draft.lessons}
            onChange={(e) => {
              set({ lessons: e.currentTarget.value.replace(/\D/g, '') });
            }}
          />
          <NumberInput
            label={t('billingConsole.types.validity')}
            required
            min={1}
            max={3660}
            allowDecimal={false}
            value={draft.validityDays}
            onChange={(value) => {
              set({ validityDays: value });
            }}
          />
        </Group>
        <MoneyInput
          label={t('billingConsole.types.price')}
          required
          value={draft.price}
          showInvalid={tried}
          onChange={(price) => {
            set({ price });
          }}
        />
        <Checkbox
          label={t('billingConsole.types.allGroups')}
          checked={draft.coversAllGroups}
          onChange={(e) => {
            set({ coversAllGroups: e.currentTarget.checked });
          }}
        />
        {!draft.coversAllGroups && (
          <>
            <MultiSelect
              label={t('billingConsole.types.groups')}
              searchable
              data={(choices.data?.groups ?? []).map((g) => ({
                value: g.id,
                label: `${g.name} (${g.courseName})`,
              }))}
              value={draft.groupIds}
              onChange={(groupIds) => {
                set({ groupIds });
              }}
            />
            <MultiSelect
              label={t('billingConsole.types.courses')}
              searchable
              data={(choices.data?.courses ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={draft.courseIds}
              onChange={(courseIds) => {
                set({ courseIds });
              }}
            />
          </>
        )}
        <Checkbox
          label={t('billingConsole.types.shareable')}
          checked={draft.shareableInFamily}
          onChange={(e) => {
            set({ shareableInFamily: e.currentTarget.checked });
          }}
        />
        <Radio.Group
          label={t('billingConsole.types.unused')}
          value={draft.unusedLessons}
          onChange={(value) => {
            set({ unusedLessons: value === 'carry_over' ? 'carry_over' : 'burn' });
          }}
        >
          <Group mt="xs">
            <Radio value="burn" label={t('billingConsole.types.burn')} />
            <Radio value="carry_over" label={t('billingConsole.types.carry_over')} />
          </Group>
        </Radio.Group>
        {save.isError && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('billingConsole.common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('billingConsole.common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
