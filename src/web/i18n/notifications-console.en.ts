import type { notificationsConsoleRu } from './notifications-console.ru.js';

/** English strings of the `notificationsConsole` namespace (same keys as Russian). */
export const notificationsConsoleEn: typeof notificationsConsoleRu = {
  title: 'Notifications',
  intro:
    'A person’s notification log: what was sent, when, by which channel, whether it was delivered and the error if not.',
  search: 'Find a person',
  searchHint: 'Name, email, phone or personal code',
  searchEmpty: 'Nobody found.',
  typeToSearch: 'Start typing a name, email or phone.',
  person: 'Person',
  login: 'Sign-in',
  openLog: 'Notification log',
  logTitle: 'Notifications: {{name}}',
  back: 'All notifications',
  toAccount: 'Account',
  accountLink: 'Notification log',
};
