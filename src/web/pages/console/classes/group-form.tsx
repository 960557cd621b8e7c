import {
  Button,
  Checkbox,
  Group as Row,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, GroupInput, GroupPaymentMode } from '../../../../shared/contracts/classes.js';
import { formatMoneyInput, parseMoney } from '../../../../shared/money.js';
import { useCatalog, useCreateCourse } from '../../../api/classes.js';

/** Props of GroupForm. */
interface GroupFormProps {
  group?: Group;
  pending: boolean;
  error: Error | null;
  onSubmit: (body: GroupInput) => void;
  onCancel: () => void;
}

const rubles = (kopecks: number | null | undefined) =>
  kopecks === null || kopecks === undefined ? '' : formatMoneyInput(kopecks);

/** A group's settings: course, teacher, how it is paid, absence rules, holidays. */
export function GroupForm({ group, pending, error, onSubmit, onCancel }: GroupFormProps) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const createCourse = useCreateCourse();
  const [name, setName] = useState(group?.name ?? '');
  const [courseId, setCourseId] = useState<string | null>(group?.courseId ?? null);
  const [newCourse, setNewCourse] = useState('');
  const [teacherId, setTeacherId] = useState<string | null>(group?.teacherId ?? null);
  const [mode, setMode] = useState<GroupPaymentMode>(group?.paymentMode ?? 'per_lesson');
  const [lessonPrice, setLessonPrice] = useState(rubles(group?.lessonPriceKopecks));
  const [fee, setFee] = useState(rubles(group?.feeKopecks));
  const [minutes, setMinutes] = useState<number | string>(group?.lessonMinutes ?? 60);
  const [chargeUnexcused, setChargeUnexcused] = useState(group?.chargeUnexcusedAbsence ?? true);
  const [excusedPercent, setExcusedPercent] = useState<number | string>(
    group?.excusedAbsenceChargePercent ?? 0,
  );
  const [skipHolidays, setSkipHolidays] = useState(group?.skipHolidays ?? true);
  const [moneyError, setMoneyError] = useState<'price' | 'fee' | null>(null);

  const courses = (catalog.data?.courses ?? []).filter((c) => !c.archived || c.id === courseId);
  const teachers = (catalog.data?.teachers ?? []).filter((x) => !x.archived || x.id === teacherId);

  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const price = lessonPrice.trim() ? parseMoney(lessonPrice) : null;
    const feeKopecks = fee.trim() ? parseMoney(fee) : null;
    const problem =
      lessonPrice.trim() && price === null
        ? 'price'
        : mode === 'one_time_fee' && !feeKopecks
          ? 'fee'
          : null;
    setMoneyError(problem);
    if (problem) return;
    if (!courseId) return;
    onSubmit({
      name: name.trim(),
      courseId,
      teacherId,
      branchId: group?.branchId ?? null,
      roomId: group?.roomId ?? null,
      paymentMode: mode,
      lessonPriceKopecks: price,
      feeKopecks: mode === 'one_time_fee' ? feeKopecks : null,
      lessonMinutes: Number(minutes) || 60,
      capacity: group?.capacity ?? null,
      startsOn: group?.startsOn ?? null,
      endsOn: group?.endsOn ?? null,
      chargeUnexcusedAbsence: chargeUnexcused,
      excusedAbsenceChargePercent: Number(excusedPercent) || 0,
      skipHolidays,
    });
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('classesConsole.group.name')}
          required
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
          }}
        />
        <Select
          label={t('classesConsole.group.course')}
          required
          searchable
          data={courses.map((course) => ({ value: course.id, label: course.name }))}
          value={courseId}
          onChange={setCourseId}
          nothingFoundMessage={t('classesConsole.group.noCourses')}
        />
        <Row align="flex-end" gap="sm">
          <TextInput
            label={t('classesConsole.group.newCourse')}
            value={newCourse}
            onChange={(event) => {
              setNewCourse(event.currentTarget.value);
            }}
            style={{ flex: '1 1 200px' }}
          />
          <Button
            variant="default"
            disabled={!newCourse.trim()}
            loading={createCourse.isPending}
            onClick={() => {
              createCourse.mutate(
                { name: newCourse.trim() },
                {
                  onSuccess: (course) => {
                    setCourseId(course.id);
                    setNewCourse('');
                  },
                },
              );
            }}
          >
            {t('classesConsole.group.addCourse')}
          </Button>
        </Row>
        <Select
          label={t('classesConsole.group.teacher')}
          clearable
          data={teachers.map((teacher) => ({ value: teacher.id, label: teacher.fullName }))}
          value={teacherId}
          onChange={setTeacherId}
        />
        <div role="group" aria-labelledby="group-payment-mode">
          <Text size="sm" fw={500} id="group-payment-mode" mb={4}>
            {t('classesConsole.group.paymentMode')}
          </Text>
          <SegmentedControl
            value={mode}
            onChange={(value) => {
              setMode(value);
            }}
            data={[
              { value: 'per_lesson', label: t('classesConsole.paymentModes.per_lesson') },
              { value: 'one_time_fee', label: t('classesConsole.paymentModes.one_time_fee') },
            ]}
          />
        </div>
        <TextInput
          label={t('classesConsole.group.lessonPrice')}
          inputMode="decimal"
          value={lessonPrice}
          error={moneyError === 'price' ? t('classesConsole.form.money') : undefined}
          onChange={(event) => {
            setLessonPrice(event.currentTarget.value);
          }}
        />
        {mode === 'one_time_fee' && (
          <TextInput
            label={t('classesConsole.group.fee')}
            required
            inputMode="decimal"
            value={fee}
            error={moneyError === 'fee' ? t('classesConsole.form.money') : undefined}
            onChange={(event) => {
              setFee(event.currentTarget.value);
            }}
          />
        )}
        <NumberInput
          label={t('classesConsole.group.lessonMinutes')}
          min={5}
          max={1440}
          allowDecimal={false}
          value={minutes}
          onChange={setMinutes}
        />
        <Checkbox
          label={t('classesConsole.group.chargeUnexcused')}
          checked={chargeUnexcused}
          onChange={(event) => {
            setChargeUnexcused(event.currentTarget.checked);
          }}
        />
        <NumberInput
          label={t('classesConsole.group.excusedPercent')}
          description={t('classesConsole.group.excusedPercentHint')}
          min={0}
          max={100}
          allowDecimal={false}
          suffix=" %"
          value={excusedPercent}
          onChange={setExcusedPercent}
        />
        <Checkbox
          label={t('classesConsole.group.skipHolidays')}
          description={t('classesConsole.group.skipHolidaysHint')}
          checked={skipHolidays}
          onChange={(event) => {
            setSkipHolidays(event.currentTarget.checked);
          }}
        />
        {(error ?? createCourse.error) && (
          <Text c="red" size="sm" role="alert">
            {(error ?? createCourse.error)?.message}
          </Text>
        )}
        <Row justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('classesConsole.form.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={!courseId}>
            {t('classesConsole.form.save')}
          </Button>
        </Row>
      </Stack>
    </form>
  );
}
