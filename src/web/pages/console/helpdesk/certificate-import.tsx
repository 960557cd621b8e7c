import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportCertificates } from '../../../api/helpdesk-staff.js';

const HEADER = 'serial,product,level,valid_from,valid_to,activation_code,customer';

/** CSV import: the file, then what happened with counts, per-line errors and generated codes. */
export function CertificateImport() {
  const { t } = useTranslation();
  const importer = useImportCertificates();
  const [file, setFile] = useState<File | null>(null);
  const result = importer.data;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (file) importer.mutate(file);
  };

  return (
    <Stack gap="md">
      <form onSubmit={submit} aria-label={t('helpdeskConsole.import.title')}>
        <Stack gap="sm" maw={620}>
          <Text size="sm">{t('helpdeskConsole.import.format')}</Text>
          <Code block>{HEADER}</Code>
          <FileInput
            label={t('helpdeskConsole.import.file')}
            accept=".csv,text/csv,text/plain"
            value={file}
            onChange={(value) => {
              setFile(value);
              importer.reset();
            }}
            clearable
          />
          {importer.isError && (
            <Alert color="red" role="alert">
              {importer.error.message}
            </Alert>
          )}
          <Button
            type="submit"
            disabled={!file}
            loading={importer.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('helpdeskConsole.import.submit')}
          </Button>
        </Stack>
      </form>
      {result && (
        <Stack gap="sm" component="section" aria-labelledby="import-result">
          <Title order={3} id="import-result">
            {t('helpdeskConsole.import.result')}
          </Title>
          <List spacing={2} role="status">
            <List.Item>{t('helpdeskConsole.import.rows', { count: result.rows })}</List.Item>
            <List.Item>{t('helpdeskConsole.import.created', { count: result.created })}</List.Item>
            <List.Item>{t('helpdeskConsole.import.updated', { count: result.updated })}</List.Item>
            <List.Item>
              {t('helpdeskConsole.import.unchanged', { count: result.unchanged })}
            </List.Item>
            <List.Item>
              {t('helpdeskConsole.import.skipped', { count: result.errors.length })}
            </List.Item>
          </List>
          {result.errors.length > 0 && (
            <Table.ScrollContainer minWidth={520}>
              <Table striped aria-label={t('helpdeskConsole.import.errors')}>
                <Table.Caption>{t('helpdeskConsole.import.errors')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('helpdeskConsole.import.line')}</Table.Th>
                    <Table.Th>{t('helpdeskConsole.certificates.serial')}</Table.Th>
                    <Table.Th>{t('helpdeskConsole.import.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.errors.map((error) => (
                    <Table.Tr key={`${String(error.line)}-${error.code}-${error.field ?? ''}`}>
                      <Table.Td>{error.line}</Table.Td>
                      <Table.Td>{error.serial ?? '—'}</Table.Td>
                      <Table.Td>{error.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {result.generatedCodes.length > 0 && (
            <Stack gap="xs">
              <Text fw={600}>{t('helpdeskConsole.import.generatedCodes')}</Text>
              <Table aria-label={t('helpdeskConsole.import.generatedCodes')}>
                <Table.Tbody>
                  {result.generatedCodes.map((entry) => (
                    <Table.Tr key={entry.serial}>
                      <Table.Td>{entry.serial}</Table.Td>
                      <Table.Td>
                        <Code>{entry.activationCode}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
          <Group>
            <Button
              variant="default"
              onClick={() => {
                setFile(null);
                importer.reset();
              }}
            >
              {t('helpdeskConsole.import.another')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
