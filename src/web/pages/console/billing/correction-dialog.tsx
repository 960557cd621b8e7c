import { Radio, Group, Stack, Textarea } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentMoney } from '../../../../shared/contracts/billing-history.js';
import { parseMoney } from '../../../../shared/money.js';
import { DialogFooter, useDialogAction } from './dialog-parts.js';
import { MoneyInput } from './money-input.js';

/** A correction of the balance, + or −, with its reason (mandatory). */
export function CorrectionDialog({ data, onDone }: { data: StudentMoney; onDone: () => void }) {
  const { t } = useTranslation();
  const { action, key } = useDialogAction();
  const [direction, setDirection] = useState<'credit' | 'debit'>('credit');
  const [amount, setAmount] = useState('');
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const commentMissing = tried && comment.trim().length < 3;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    const kopecks = parseMoney(amount);
    if (kopecks === null || kopecks <= 0 || comment.trim().length < 3) return;
    action.mutate(
      {
        kind: 'correction',
        studentId: data.student.id,
        body: {
          amountKopecks: direction === 'credit' ? kopecks : -kopecks,
          comment: comment.trim(),
          idempotencyKey: key,
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Radio.Group
          label={t('billingConsole.correction.direction')}
          value={direction}
          onChange={(value) => {
            setDirection(value === 'debit' ? 'debit' : 'credit');
          }}
        >
          <Group mt="xs">
            <Radio value="credit" label={t('billingConsole.correction.credit')} />
            <Radio value="debit" label={t('billingConsole.correction.debit')} />
          </Group>
        </Radio.Group>
        <MoneyInput
          label={t('billingConsole.common.amount')}
          required
          value={amount}
          onChange={setAmount}
          showInvalid={tried}
        />
        <Textarea
          label={t('billingConsole.common.comment')}
          withAsterisk
          autosize
          minRows={2}
          value={comment}
          error={commentMissing ? t('billingConsole.correction.commentRequired') : undefined}
          onChange={(e) => {
            setComment(e.currentTarget.value);
          }}
        />
        <DialogFooter
          error={action.error}
          pending={action.isPending}
          submit={t('billingConsole.correction.submit')}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
