import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PaymentDue } from '../../../shared/contracts/cabinet.js';
import { money } from './cabinet-format.js';

/** A payment-due line in words: what it is, how it came about, and how much is owed. */
export function describePaymentDue(line: PaymentDue, t: TFunction, language: string) {
  const m = (kopecks: number) => money(kopecks, language);
  const title =
    line.kind === 'subscription'
      ? t('cabinet.due.subscriptionTitle', { number: line.subscriptionNumber, name: line.title })
      : line.kind === 'debt'
        ? t('cabinet.due.debtTitle', { group: line.title })
        : t('cabinet.due.feeTitle', { group: line.title });
  const detail =
    line.kind === 'debt'
      ? line.lessonPriceKopecks !== null
        ? t('cabinet.due.debtDetailPriced', {
            count: line.debtLessons,
            price: m(line.lessonPriceKopecks),
          })
        : t('cabinet.due.debtDetail', { count: line.debtLessons })
      : t('cabinet.due.paidOf', {
          paid: m(line.paidKopecks ?? 0),
          total: m(line.totalKopecks ?? 0),
        });
  const amount =
    line.dueKopecks !== null
      ? t('cabinet.due.amount', { amount: m(line.dueKopecks) })
      : t('cabinet.due.amountUnknown');
  return { title, detail, amount };
}

/** The anchor of a line on the amount-due page. */
export const dueAnchor = (line: PaymentDue) => `${line.kind}-${line.id}`;

/** Props of PaymentsDueBlock. */
interface PaymentsDueBlockProps {
  studentId: string;
  lines: PaymentDue[];
}

/**
 * «Подходит срок оплаты / есть долг»: subscriptions paid in part, lessons in debt, course fees
 * paid in part. Each line says how much and leads to the amount-due page («Оплатить»).
 */
export function PaymentsDueBlock({ studentId, lines }: PaymentsDueBlockProps) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="due-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="due-heading">
          {t('cabinet.due.title')}
        </Title>
        {lines.length === 0 ? (
          <Text c="dimmed">{t('cabinet.due.none')}</Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {lines.map((line) => {
              const text = describePaymentDue(line, t, i18n.language);
              return (
                <li key={dueAnchor(line)}>
                  <Group justify="space-between" align="center" wrap="wrap" gap="xs">
                    <Stack gap={0} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                      <Text fw={600}>{text.title}</Text>
                      <Text size="sm">{text.detail}</Text>
                      <Text size="sm" fw={600} c="red.8">
                        {text.amount}
                      </Text>
                    </Stack>
                    <Button
                      component={Link}
                      to={`/cabinet/due?student=${studentId}#${dueAnchor(line)}`}
                      size="sm"
                      aria-label={t('cabinet.due.payLabel', { what: text.title })}
                    >
                      {t('cabinet.due.pay')}
                    </Button>
                  </Group>
                </li>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
