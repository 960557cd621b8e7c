import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Props of SupportContacts. */
interface SupportContactsProps {
  email: string | null;
  phone: string | null;
}

/** How to reach the organization's support: email and phone as links, or a plain fallback. */
export function SupportContacts({ email, phone }: SupportContactsProps) {
  const { t } = useTranslation();
  if (!email && !phone) return <Text>{t('support.noContacts')}</Text>;
  return (
    <List spacing={4}>
      {email && (
        <List.Item>
          {t('support.email')}: <Anchor href={`mailto:${email}`}>{email}</Anchor>
        </List.Item>
      )}
      {phone && (
        <List.Item>
          {t('support.phone')}:{' '}
          <Anchor href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</Anchor>
        </List.Item>
      )}
    </List>
  );
}
