import { Badge, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  StudentAccount,
  StudentAccountRelation,
} from '../../../../shared/contracts/classes.js';
import { useLinkStudentAccount, useUnlinkStudentAccount } from '../../../api/classes.js';
import { OpenAccessDialog } from './student-open-access.js';

const RELATIONS: StudentAccountRelation[] = ['parent', 'self', 'contact'];

/** Props of StudentAccounts. */
interface StudentAccountsProps {
  studentId: string;
  studentName: string;
  accounts: StudentAccount[];
}

/** Who sees the student in the cabinet: link an account by email, or open access (invite). */
export function StudentAccounts({ studentId, studentName, accounts }: StudentAccountsProps) {
  const { t } = useTranslation();
  const unlink = useUnlinkStudentAccount(studentId);
  const link = useLinkStudentAccount(studentId);
  const [email, setEmail] = useState('');
  const [relation, setRelation] = useState<StudentAccountRelation>('parent');
  const [inviting, invite] = useDisclosure(false);
  const relationOptions = RELATIONS.map((value) => ({
    value,
    label: t(`classesConsole.relations.${value}`),
  }));

  const handleLink = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    link.mutate(
      { email: email.trim(), relation },
      {
        onSuccess: () => {
          setEmail('');
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="student-accounts">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="student-accounts">
          {t('classesConsole.accounts.title')}
        </Title>
        <Button variant="light" onClick={invite.open}>
          {t('classesConsole.accounts.openAccess')}
        </Button>
      </Group>
      {accounts.length === 0 ? (
        <Text c="dimmed" mb="sm">
          {t('classesConsole.accounts.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('classesConsole.accounts.name')}</Table.Th>
                <Table.Th>{t('classesConsole.accounts.login')}</Table.Th>
                <Table.Th>{t('classesConsole.accounts.relation')}</Table.Th>
                <Table.Th>{t('classesConsole.accounts.state')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('classesConsole.accounts.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((account) => (
                <Table.Tr key={account.userId}>
                  <Table.Td>{account.displayName}</Table.Td>
                  <Table.Td>{account.email ?? account.phone ?? '—'}</Table.Td>
                  <Table.Td>{t(`classesConsole.relations.${account.relation}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={account.activated ? 'green' : 'yellow'} variant="light">
                      {account.activated
                        ? t('classesConsole.accounts.active')
                        : t('classesConsole.accounts.invited')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={unlink.isPending && unlink.variables === account.userId}
                      onClick={() => {
                        unlink.mutate(account.userId);
                      }}
                      aria-label={t('classesConsole.accounts.unlinkNamed', {
                        name: account.displayName,
                      })}
                    >
                      {t('classesConsole.accounts.unlink')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={handleLink}>
        <Group align="flex-end" gap="sm" mt="sm">
          <TextInput
            label={t('classesConsole.accounts.linkEmail')}
            type="email"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
            }}
            style={{ flex: '1 1 220px' }}
          />
          <Select
            label={t('classesConsole.accounts.relation')}
            data={relationOptions}
            value={relation}
            allowDeselect={false}
            onChange={(value) => {
              if (value) setRelation(value);
            }}
          />
          <Button type="submit" variant="default" loading={link.isPending}>
            {t('classesConsole.accounts.link')}
          </Button>
        </Group>
        {link.error && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {link.error.message}
          </Text>
        )}
      </form>
      <OpenAccessDialog
        studentId={studentId}
        studentName={studentName}
        opened={inviting}
        onClose={invite.close}
        relationOptions={relationOptions}
      />
    </Paper>
  );
}
