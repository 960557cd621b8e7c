import { Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionOffer } from '../../../shared/contracts/cabinet.js';
import { useSubscriptionOffers } from '../../api/cabinet.js';
import { QueryState } from '../../components/query-state.js';
import { money } from '../cabinet/cabinet-format.js';
import { PaymentForm } from './payment-form.js';

/** Props of BuyOnlineDialog. */
interface BuyOnlineDialogProps {
  studentId: string;
  opened: boolean;
  onClose: () => void;
}

function useOfferTerms() {
  const { t, i18n } = useTranslation();
  return (offer: SubscriptionOffer) =>
    [
      offer.lessonsCount === null
        ? t('payments.pay.unlimited')
        : t('payments.pay.lessons', { count: offer.lessonsCount }),
      t('payments.pay.validity', { count: offer.validityDays }),
      money(offer.priceKopecks, i18n.language),
    ].join(' · ');
}

function OfferChoice({ studentId, onClose }: Omit<BuyOnlineDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const offers = useSubscriptionOffers(studentId);
  const [chosen, setChosen] = useState<string | null>(null);
  const terms = useOfferTerms();
  const list = offers.data?.offers;
  if (!list) return <QueryState query={offers} />;
  if (list.length === 0) return <Text c="dimmed">{t('payments.pay.noOffers')}</Text>;
  const selected = list.find((offer) => offer.typeId === chosen) ?? list[0];
  return (
    <Stack gap="md">
      <Text size="sm">{t('payments.pay.buyOnlineHint')}</Text>
      <Radio.Group
        label={t('payments.pay.chooseOffer')}
        value={selected?.typeId ?? null}
        onChange={setChosen}
      >
        <Stack gap="xs" mt="xs">
          {list.map((offer) => (
            <Radio
              key={offer.typeId}
              value={offer.typeId}
              label={offer.name}
              description={terms(offer)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <PaymentForm
        target={
          selected
            ? { purpose: 'subscription_purchase', targetId: selected.typeId, studentId }
            : null
        }
        amount={{ kind: 'fixed', kopecks: selected?.priceKopecks ?? null }}
        onCancel={onClose}
      />
    </Stack>
  );
}

/**
 * «Купить абонемент» by card or СБП: one of the types the centre sells for the student's groups
 * (the offers «Купить с баланса» lists too), paid online; the subscription is sold when the
 * money arrives.
 */
export function BuyOnlineDialog({ studentId, opened, onClose }: BuyOnlineDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('payments.pay.buyTitle')} size="lg">
      <OfferChoice studentId={studentId} onClose={onClose} />
    </Modal>
  );
}
