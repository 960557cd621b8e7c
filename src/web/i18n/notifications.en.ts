import type { notificationsRu } from './notifications.ru.js';

/** English strings of the `notifications` namespace (same keys as Russian). */
export const notificationsEn: typeof notificationsRu = {
  title: 'Notifications',
  intro:
    'We remind you when a subscription is ending, a debt appears or support replies: by a push notification on this device or by email.',
  types: {
    subscription_ending: 'Subscription ending',
    subscription_ended: 'Subscription ended',
    new_debt: 'New debt',
    payment_succeeded: 'Payment received',
    payment_declined: 'Payment declined',
    ticket_answered: 'Support replied',
    access_ending: 'Access ending',
    test: 'Test notification',
  },
  channels: {
    push: 'Push',
    email: 'Email',
  },
  device: {
    title: 'Push notifications on this device',
    enable: 'Turn on notifications',
    disable: 'Turn off on this device',
    test: 'Send a test notification',
    checking: 'Checking whether the browser supports notifications…',
    enabled: 'Push notifications are on for this device.',
    enabledNow: 'Done: push notifications are on for this device.',
    disabledNow: 'Push notifications are off for this device.',
    off: 'Push notifications are off for this device. The browser asks for permission when you press “Turn on notifications”.',
    blocked:
      'The browser has blocked notifications for this site, so they cannot be turned on here.',
    unblockHint:
      'To allow them: click the lock or settings icon left of the site address → “Notifications” → “Allow”, then reload the page. On a phone: browser settings → “Site settings” → “Notifications”.',
    dismissed: 'Permission was not given. Press “Turn on notifications” again and choose “Allow”.',
    unsupported: 'This browser does not support push notifications. Reminders will come by email.',
    iosUnsupported:
      'Safari on iPhone and iPad offers no push notifications to websites: add the cabinet to the Home Screen as described above.',
    otherDevices: 'Devices with push notifications on: {{count}}.',
    noPushFallback: 'While no device has push notifications on, emails come instead.',
    noChannel:
      'You have neither an email address nor a device with push notifications, so reminders cannot reach you. Turn notifications on for this device.',
    testSent:
      'The test notification is on its way. If it does not appear within a minute, check that notifications are not turned off in the system.',
    failed: 'Could not turn notifications on: {{reason}}',
  },
  ios: {
    title: 'iPhone and iPad: add the cabinet to the Home Screen first',
    body: 'On iPhone and iPad, push notifications work only in an app added to the Home Screen. In Safari tap “Share” (the square with an arrow up) → “Add to Home Screen” → “Add”. Then open the cabinet from the new icon and turn notifications on here.',
  },
  grid: {
    title: 'Which notifications to send',
    intro:
      'Choose how to receive each kind. If no device has push notifications on, an email comes instead of the push.',
    type: 'Notification',
    switchLabel: '{{type}}: {{channel}}',
    saved: 'Notification settings saved.',
  },
  quiet: {
    title: 'Quiet hours',
    body: 'From {{from}} to {{to}} ({{timeZone}}) we do not disturb you: ordinary reminders arrive in the morning, at {{to}}. Payment results — received or declined — arrive at once, at any time.',
  },
  log: {
    title: 'Recent notifications',
    empty: 'No notifications yet.',
    caption: 'Notification log',
    at: 'When',
    what: 'What',
    how: 'Delivery',
    status: 'Result',
    more: 'Show more',
    urgent: 'urgent',
    deferred: 'deferred until {{time}} (quiet hours)',
    statuses: {
      pending: 'Waiting',
      sent: 'Delivered',
      skipped: 'Not sent',
      failed: 'Failed',
    },
    deliveries: {
      sent: 'delivered',
      gone: 'device unsubscribed',
      failed: 'failed',
    },
    httpStatus: 'status {{status}}',
    none: 'channels turned off',
  },
};
