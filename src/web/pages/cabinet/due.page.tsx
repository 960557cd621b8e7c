import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { MyStudent, PaymentDue } from '../../../shared/contracts/cabinet.js';
import { useDashboard } from '../../api/cabinet.js';
import { QueryState } from '../../components/query-state.js';
import { dueIntent } from '../payments/due-intent.js';
import { PayDialog, type PaymentIntent } from '../payments/pay-dialog.js';
import { money } from './cabinet-format.js';
import { CabinetFrame } from './cabinet-frame.js';
import { describePaymentDue, dueAnchor } from './payments-due-block.js';

/** Props of DueLine. */
interface DueLineProps {
  line: PaymentDue;
  /** All of the student's lines (one debt payment covers every group's debt). */
  lines: PaymentDue[];
  studentId: string;
  chosen: boolean;
  onPay: (intent: PaymentIntent) => void;
}

function DueLine({ line, lines, studentId, chosen, onPay }: DueLineProps) {
  const { t, i18n } = useTranslation();
  const text = describePaymentDue(line, t, i18n.language);
  const intent = dueIntent(line, lines, studentId, t, i18n.language);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="li"
      id={dueAnchor(line)}
      tabIndex={-1}
      aria-current={chosen ? 'true' : undefined}
      style={chosen ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap={4}>
        <Text fw={700}>{text.title}</Text>
        <Text size="sm">{text.detail}</Text>
        <Text fw={700} size="lg" c="red.8">
          {text.amount}
        </Text>
        {intent && (
          <Button
            style={{ alignSelf: 'flex-start' }}
            aria-label={t('payments.pay.payOnlineLabel', { what: text.title })}
            onClick={() => {
              onPay(intent);
            }}
          >
            {t('payments.pay.payOnline')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function Due({ student }: { student: MyStudent }) {
  const { t, i18n } = useTranslation();
  const { hash } = useLocation();
  const dashboard = useDashboard(student.id);
  const lines = dashboard.data?.paymentsDue;
  const chosen = hash.replace(/^#/, '');
  const [paying, setPaying] = useState<PaymentIntent | null>(null);

  useEffect(() => {
    if (!lines || !chosen) return;
    // The line «Оплатить» came from: bring it into view and give it focus for screen readers.
    const element = document.getElementById(chosen);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [lines, chosen]);

  if (!lines) return <QueryState query={dashboard} />;
  const known = lines.filter((line) => line.dueKopecks !== null);
  const total = known.reduce((sum, line) => sum + (line.dueKopecks ?? 0), 0);
  return (
    <Stack gap="md">
      {lines.length === 0 ? (
        <Text>{t('cabinet.duePage.nothing')}</Text>
      ) : (
        <>
          <Title order={2} size="h3">
            {known.length < lines.length
              ? t('cabinet.duePage.totalAtLeast', { amount: money(total, i18n.language) })
              : t('cabinet.duePage.total', { amount: money(total, i18n.language) })}
          </Title>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {lines.map((line) => (
              <DueLine
                key={dueAnchor(line)}
                line={line}
                lines={lines}
                studentId={student.id}
                chosen={dueAnchor(line) === chosen}
                onPay={setPaying}
              />
            ))}
          </Stack>
          <Alert color="blue" variant="light" title={t('cabinet.duePage.howTitle')}>
            {t('cabinet.duePage.how')}
          </Alert>
        </>
      )}
      <PayDialog
        intent={paying}
        onClose={() => {
          setPaying(null);
        }}
      />
    </Stack>
  );
}

/** «К оплате»: what is due for the student, line by line, and how to pay it. */
export function DuePage() {
  const { t } = useTranslation();
  return (
    <CabinetFrame title={t('cabinet.duePage.title')}>
      {(student) => <Due key={student.id} student={student} />}
    </CabinetFrame>
  );
}
