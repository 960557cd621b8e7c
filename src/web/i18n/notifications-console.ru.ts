/** Russian strings of the `notificationsConsole` namespace (Консоль → Уведомления). */
export const notificationsConsoleRu = {
  title: 'Уведомления',
  intro:
    'Журнал уведомлений человека: что отправлено, когда, каким каналом, доставлено ли и какая была ошибка.',
  search: 'Найти человека',
  searchHint: 'Имя, email, телефон или личный код',
  searchEmpty: 'Никого не нашли.',
  typeToSearch: 'Начните вводить имя, email или телефон.',
  person: 'Человек',
  login: 'Вход',
  openLog: 'Журнал уведомлений',
  logTitle: 'Уведомления: {{name}}',
  back: 'Ко всем уведомлениям',
  toAccount: 'Учётная запись',
  accountLink: 'Журнал уведомлений',
};
