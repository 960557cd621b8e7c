import { Alert, Button, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  OpenStudentAccessResponse,
  StudentAccountRelation,
} from '../../../../shared/contracts/classes.js';
import { useOpenStudentAccess } from '../../../api/classes.js';

/** Props of OpenAccessDialog. */
interface OpenAccessDialogProps {
  studentId: string;
  studentName: string;
  opened: boolean;
  onClose: () => void;
  relationOptions: { value: string; label: string }[];
}

/** «Открыть доступ»: the person gets an activation link by email; staff never see a password. */
export function OpenAccessDialog(props: OpenAccessDialogProps) {
  const { t } = useTranslation();
  const open = useOpenStudentAccess(props.studentId);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [relation, setRelation] = useState<StudentAccountRelation>('parent');
  const [result, setResult] = useState<OpenStudentAccessResponse | null>(null);
  const close = () => {
    setResult(null);
    open.reset();
    props.onClose();
  };
  const handleSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    open.mutate(
      {
        displayName: displayName.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        relation,
      },
      { onSuccess: setResult },
    );
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={t('classesConsole.accounts.openAccessFor', { name: props.studentName })}
    >
      {result ? (
        <Stack gap="sm">
          <Alert color="green" role="status">
            {result.invitation
              ? t('classesConsole.accounts.invitationSent', {
                  email: result.account.email ?? '',
                })
              : t('classesConsole.accounts.linked')}
          </Alert>
          {result.activationLink && (
            <Stack gap={4}>
              <Text size="sm">{t('classesConsole.accounts.linkOnce')}</Text>
              <Code block>{result.activationLink}</Code>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button onClick={close}>{t('classesConsole.form.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('classesConsole.accounts.openAccessHint')}</Text>
            <TextInput
              label={t('classesConsole.accounts.personName')}
              required
              data-autofocus
              value={displayName}
              onChange={(event) => {
                setDisplayName(event.currentTarget.value);
              }}
            />
            <TextInput
              label={t('classesConsole.student.email')}
              type="email"
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
              }}
            />
            <TextInput
              label={t('classesConsole.student.phone')}
              type="tel"
              value={phone}
              onChange={(event) => {
                setPhone(event.currentTarget.value);
              }}
            />
            <Select
              label={t('classesConsole.accounts.relation')}
              data={props.relationOptions}
              value={relation}
              allowDeselect={false}
              onChange={(value) => {
                if (value) setRelation(value as StudentAccountRelation);
              }}
            />
            {open.error && (
              <Text c="red" size="sm" role="alert">
                {open.error.message}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('classesConsole.form.cancel')}
              </Button>
              <Button type="submit" loading={open.isPending}>
                {t('classesConsole.accounts.invite')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
