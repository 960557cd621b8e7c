import { useTranslation } from 'react-i18next';
import { useSession } from '../api/auth.js';
import { ApiError } from '../api/client.js';
import { useConfirmPasswordReset, useResetLinkStatus } from '../api/password.js';
import { useLinkToken } from '../auth/link-token.js';
import { PasswordChanged } from '../auth/password-changed.js';
import { rejectedProblems } from '../auth/password-problems.js';
import { SetPasswordForm } from '../auth/set-password-form.js';
import { LinkInvalid } from '../components/link-invalid.js';
import { QueryState } from '../components/query-state.js';
import { usePageTitle } from '../components/use-page-title.js';

/** The page an emailed reset link opens: a new password, then sign in again. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const token = useLinkToken();
  const session = useSession();
  const status = useResetLinkStatus(token);
  const confirm = useConfirmPasswordReset();

  const renew = { to: '/forgot-password', label: t('links.requestNew') };
  if (!token) return <LinkInvalid message={t('links.noToken')} renew={renew} />;
  const linkError = [confirm.error, status.error].find(
    (error) => error instanceof ApiError && error.code === 'link_invalid',
  );
  if (linkError instanceof ApiError)
    return <LinkInvalid message={linkError.message} renew={renew} />;
  if (!session.data) return <QueryState query={session} />;
  if (!status.data) return <QueryState query={status} />;
  const { login } = status.data;
  if (confirm.isSuccess) {
    return (
      <PasswordChanged title={t('reset.doneTitle')} text={t('reset.doneText')} login={login} />
    );
  }
  const rejected = rejectedProblems(confirm.error);
  return (
    <SetPasswordForm
      title={t('reset.title')}
      intro={t('reset.intro', { login })}
      submitLabel={t('reset.submit')}
      minLength={session.data.organization.passwordMinLength}
      login={login}
      pending={confirm.isPending}
      errorMessage={confirm.error && rejected.length === 0 ? confirm.error.message : undefined}
      rejected={rejected}
      onSubmit={(newPassword) => {
        confirm.mutate({ token, newPassword });
      }}
    />
  );
}
