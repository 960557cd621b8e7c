import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  CertificateStatus,
  MyCertificate,
} from '../../../shared/contracts/helpdesk-certificates.js';
import { useMyCertificates } from '../../api/certificates.js';
import { QueryState } from '../../components/query-state.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { formatCalendarDate } from './helpdesk-format.js';
import { BADGE_STYLES } from './ticket-badges.js';

const STATUS_COLORS: Record<CertificateStatus, string> = {
  valid: 'teal',
  expiring_soon: 'orange',
  expired: 'gray',
  not_yet_valid: 'blue',
};

/** A certificate's state, with the days left when it is about to end. */
export function CertificateStatusBadge({ certificate }: { certificate: MyCertificate }) {
  const { t } = useTranslation();
  const label = t(`helpdesk.certificates.statuses.${certificate.status}`);
  return (
    <Badge
      color={STATUS_COLORS[certificate.status]}
      variant="light"
      style={{ textTransform: 'none' }}
      styles={BADGE_STYLES}
    >
      {certificate.status === 'expiring_soon'
        ? `${label}: ${t('helpdesk.certificates.daysLeft', { count: certificate.daysLeft })}`
        : label}
    </Badge>
  );
}

/** The support level in the interface language. */
export function levelName(certificate: MyCertificate, language: string): string {
  return language === 'en' ? certificate.level.nameEn : certificate.level.nameRu;
}

/** «Мои сертификаты»: product, level, validity and state, and the way to register one. */
export function CertificatesPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('helpdesk.certificates.title'));
  const certificates = useMyCertificates();
  const phone = useMediaQuery('(max-width: 48em)');
  const list = certificates.data?.certificates;
  const validity = (certificate: MyCertificate) =>
    t('helpdesk.certificates.validRange', {
      from: formatCalendarDate(certificate.validFrom, i18n.language),
      to: formatCalendarDate(certificate.validTo, i18n.language),
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('helpdesk.certificates.title')}</Title>
        <Button component={Link} to="/certificates/register">
          {t('helpdesk.certificates.register')}
        </Button>
      </Group>
      <Text>{t('helpdesk.certificates.intro')}</Text>
      {!list ? (
        <QueryState query={certificates} />
      ) : list.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h3">
              {t('helpdesk.certificates.emptyTitle')}
            </Title>
            <Text>{t('helpdesk.certificates.emptyText')}</Text>
            <Button component={Link} to="/certificates/register">
              {t('helpdesk.certificates.register')}
            </Button>
          </Stack>
        </Paper>
      ) : phone ? (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.map((certificate) => (
            <Paper component="li" key={certificate.id} withBorder p="sm" radius="md">
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600}>{certificate.product}</Text>
                  <CertificateStatusBadge certificate={certificate} />
                </Group>
                <Text size="sm">{levelName(certificate, i18n.language)}</Text>
                <Text size="sm" c="dimmed">
                  № {certificate.serial} · {validity(certificate)}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('helpdesk.certificates.product')}</Table.Th>
                <Table.Th>{t('helpdesk.certificates.level')}</Table.Th>
                <Table.Th>{t('helpdesk.certificates.serial')}</Table.Th>
                <Table.Th>{t('helpdesk.certificates.validity')}</Table.Th>
                <Table.Th>{t('helpdesk.certificates.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((certificate) => (
                <Table.Tr key={certificate.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {certificate.product}
                    </Text>
                    {certificate.customerName && (
                      <Text size="xs" c="dimmed">
                        {certificate.customerName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{levelName(certificate, i18n.language)}</Table.Td>
                  <Table.Td>{certificate.serial}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{validity(certificate)}</Table.Td>
                  <Table.Td>
                    <CertificateStatusBadge certificate={certificate} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
