import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from './components/require-auth.js';
import { AppLayout } from './layout/app-layout.js';
import { ActivatePage } from './pages/activate.page.js';
import { ConfirmEmailPage } from './pages/confirm-email.page.js';
import { AccountPage } from './pages/console/accounts/account.page.js';
import { AccountsPage } from './pages/console/accounts/accounts.page.js';
import { OpenAccessPage } from './pages/console/accounts/open-access.page.js';
import { OrgSettingsPage } from './pages/console/org-settings.page.js';
import { AuditPage } from './pages/console/audit.page.js';
import { ConsolePage } from './pages/console/console.page.js';
import { JobsPage } from './pages/console/jobs.page.js';
import { OutboxMessagePage } from './pages/console/outbox-message.page.js';
import { OutboxPage } from './pages/console/outbox.page.js';
import { SmsOutboxPage } from './pages/console/sms-outbox.page.js';
import { RecoveryDetailPage } from './pages/console/recovery-detail.page.js';
import { RecoveryListPage } from './pages/console/recovery-list.page.js';
import { calendarConsoleRoutes } from './pages/console/calendar/routes.js';
import { helpdeskConsoleRoutes, helpdeskRoutes } from './pages/helpdesk/routes.js';
import { kbConsoleRoutes, kbRoutes } from './pages/kb/routes.js';
import { cabinetRoutes } from './pages/cabinet/routes.js';
import { classesConsoleRoutes } from './pages/console/classes/routes.js';
import { attendanceConsoleRoutes } from './pages/console/attendance/routes.js';
import { billingConsoleRoutes } from './pages/console/billing/routes.js';
import { paymentsConsoleRoutes } from './pages/console/payments/routes.js';
import { notificationsConsoleRoutes } from './pages/console/notifications/routes.js';
import { paymentsPublicRoutes, paymentsRoutes } from './pages/payments/routes.js';
import { NotificationsSettingsPage } from './pages/settings/notifications.page.js';
import { ForgotPasswordPage } from './pages/forgot-password.page.js';
import { HomePage } from './pages/home.page.js';
import { NotFoundPage } from './pages/not-found.page.js';
import { RecoveryConfirmPage } from './pages/recovery/recovery-confirm.page.js';
import { RecoveryFormPage } from './pages/recovery/recovery-form.page.js';
import { RecoveryStatusPage } from './pages/recovery/recovery-status.page.js';
import { ConfirmRegistrationPage, RegisterPage } from './pages/register.page.js';
import { ResetPasswordPage } from './pages/reset-password.page.js';
import { DevicesPage } from './pages/settings/devices.page.js';
import { HistoryPage } from './pages/settings/history.page.js';
import { ProfilePage } from './pages/settings/profile.page.js';
import { SecurityPage } from './pages/settings/security.page.js';
import { SettingsLayout } from './pages/settings/settings-layout.js';
import { SetupPage } from './pages/setup.page.js';
import { SignInPage } from './pages/sign-in.page.js';

/** Every client route. The server answers unknown non-API paths with index.html. */
export function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="setup/:token" element={<SetupPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="reset-password/:token" element={<ResetPasswordPage />} />
        <Route path="recovery" element={<RecoveryFormPage />} />
        <Route path="recovery/status/:number" element={<RecoveryStatusPage />} />
        <Route path="recovery/confirm" element={<RecoveryConfirmPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="confirm-registration" element={<ConfirmRegistrationPage />} />
        <Route path="confirm-email" element={<ConfirmEmailPage />} />
        <Route path="activate" element={<ActivatePage />} />
        <Route path="activate/:token" element={<ActivatePage />} />
        {kbRoutes()}
        {paymentsPublicRoutes()}
        <Route element={<RequireAuth />}>
          {helpdeskRoutes()}
          {cabinetRoutes()}
          {paymentsRoutes()}
          <Route path="profile" element={<Navigate to="/settings/profile" replace />} />
          <Route path="settings" element={<SettingsLayout />}>
            <Route index element={<Navigate to="/settings/devices" replace />} />
            <Route path="profile" element={<ProfilePage />} />
            <Route path="security" element={<SecurityPage />} />
            <Route path="devices" element={<DevicesPage />} />
            <Route path="history" element={<HistoryPage />} />
            <Route path="notifications" element={<NotificationsSettingsPage />} />
          </Route>
        </Route>
        <Route path="console" element={<RequireAuth staff />}>
          <Route index element={<ConsolePage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="outbox/:id" element={<OutboxMessagePage />} />
          <Route path="sms" element={<SmsOutboxPage />} />
          <Route path="jobs" element={<JobsPage />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="accounts/new" element={<OpenAccessPage />} />
          <Route path="accounts/:id" element={<AccountPage />} />
          <Route path="settings" element={<OrgSettingsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="recovery" element={<RecoveryListPage />} />
          <Route path="recovery/:id" element={<RecoveryDetailPage />} />
          {helpdeskConsoleRoutes()}
          {kbConsoleRoutes()}
          {calendarConsoleRoutes()}
          {classesConsoleRoutes()}
          {attendanceConsoleRoutes()}
          {billingConsoleRoutes()}
          {paymentsConsoleRoutes()}
          {notificationsConsoleRoutes()}
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
