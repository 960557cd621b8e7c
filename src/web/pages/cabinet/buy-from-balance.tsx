import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BuyFromBalanceResponse,
  SubscriptionOffer,
} from '../../../shared/contracts/cabinet.js';
import { useBuyFromBalance, useSubscriptionOffers } from '../../api/cabinet.js';
import { QueryState } from '../../components/query-state.js';
import { newRequestId } from '../helpdesk/use-ticket-attachments.js';
import { money } from './cabinet-format.js';

/** Props of BuyFromBalanceDialog. */
interface BuyDialogProps {
  studentId: string;
  opened: boolean;
  onClose: () => void;
  onBought: (result: BuyFromBalanceResponse) => void;
}

/** An offer's terms in one line: lessons, validity, price. */
function useOfferTerms() {
  const { t, i18n } = useTranslation();
  return (offer: SubscriptionOffer) =>
    [
      offer.lessonsCount === null
        ? t('cabinet.buy.unlimited')
        : t('cabinet.buy.lessons', { count: offer.lessonsCount }),
      t('cabinet.buy.validity', { count: offer.validityDays }),
      money(offer.priceKopecks, i18n.language),
    ].join(' · ');
}

/**
 * «Купить абонемент с баланса»: pick one of the types the centre sells for the student's groups
 * and confirm; the free balance pays for it, no new payment. One idempotency key per opening of
 * the dialog, so a double click or a retry after a lost answer buys once.
 */
export function BuyFromBalanceDialog({ studentId, opened, onClose, onBought }: BuyDialogProps) {
  const { t, i18n } = useTranslation();
  const offers = useSubscriptionOffers(studentId, opened);
  const buy = useBuyFromBalance(studentId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [requestKey, setRequestKey] = useState(newRequestId);
  const terms = useOfferTerms();
  const list = offers.data?.offers;
  const affordable = list?.filter((offer) => offer.affordable) ?? [];
  const selected = affordable.find((offer) => offer.typeId === chosen) ?? affordable[0];
  const free = offers.data?.freeKopecks ?? 0;

  const close = () => {
    buy.reset();
    setChosen(null);
    setRequestKey(newRequestId());
    onClose();
  };
  const confirm = () => {
    if (!selected) return;
    buy.mutate(
      { typeId: selected.typeId, idempotencyKey: requestKey },
      {
        onSuccess: (result) => {
          onBought(result);
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('cabinet.buy.title')} size="lg">
      {!list ? (
        <QueryState query={offers} />
      ) : (
        <Stack gap="md">
          <Text>{t('cabinet.buy.free', { amount: money(free, i18n.language) })}</Text>
          {list.length === 0 && <Text c="dimmed">{t('cabinet.buy.noOffers')}</Text>}
          {list.length > 0 && affordable.length === 0 && (
            <Text c="dimmed">{t('cabinet.buy.noneAffordable')}</Text>
          )}
          {list.length > 0 && (
            <Radio.Group
              label={t('cabinet.buy.choose')}
              value={selected?.typeId ?? null}
              onChange={(value) => {
                setChosen(value);
                // Another choice is another purchase: a fresh key, so the server never
                // mistakes it for a retry of the first one.
                setRequestKey(newRequestId());
              }}
            >
              <Stack gap="xs" mt="xs">
                {list.map((offer) => (
                  <Radio
                    key={offer.typeId}
                    value={offer.typeId}
                    disabled={!offer.affordable}
                    label={offer.name}
                    description={
                      offer.affordable
                        ? terms(offer)
                        : `${terms(offer)} — ${t('cabinet.buy.notEnough')}`
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {selected && (
            <Text size="sm">
              {t('cabinet.buy.remains', {
                amount: money(free - selected.priceKopecks, i18n.language),
              })}
            </Text>
          )}
          {buy.error && (
            <Alert color="red" variant="light" role="alert">
              {buy.error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('cabinet.buy.cancel')}
            </Button>
            <Button onClick={confirm} disabled={!selected} loading={buy.isPending}>
              {selected
                ? t('cabinet.buy.confirm', { amount: money(selected.priceKopecks, i18n.language) })
                : t('cabinet.buy.confirmNone')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
