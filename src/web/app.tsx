import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './components/require-auth.js';
import { AppLayout } from './layout/app-layout.js';
import { ComingSoonPage } from './pages/coming-soon.page.js';
import { ConsolePage } from './pages/console/console.page.js';
import { JobsPage } from './pages/console/jobs.page.js';
import { OutboxMessagePage } from './pages/console/outbox-message.page.js';
import { OutboxPage } from './pages/console/outbox.page.js';
import { HomePage } from './pages/home.page.js';
import { NotFoundPage } from './pages/not-found.page.js';
import { SetupPage } from './pages/setup.page.js';
import { SignInPage } from './pages/sign-in.page.js';

/** Every client route. The server answers unknown non-API paths with index.html. */
export function App() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="setup/:token" element={<SetupPage />} />
        {/* The knowledge base will hold public articles, so it needs no sign-in. */}
        <Route path="kb/*" element={<ComingSoonPage title={t('nav.kb')} />} />
        <Route element={<RequireAuth />}>
          <Route path="tickets/*" element={<ComingSoonPage title={t('nav.tickets')} />} />
          <Route path="profile" element={<ComingSoonPage title={t('profile.profile')} />} />
          <Route path="settings" element={<ComingSoonPage title={t('profile.settings')} />} />
        </Route>
        <Route path="console" element={<RequireAuth staff />}>
          <Route index element={<ConsolePage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="outbox/:id" element={<OutboxMessagePage />} />
          <Route path="jobs" element={<JobsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
