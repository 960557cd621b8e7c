import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/errors.js';
import { changeLocale } from '../i18n/index.js';

/** The ru/en switch in the header; the choice is remembered in localStorage. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  // Read through useTranslation so that the button re-renders when the language changes.
  const active: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'ru';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          px="xs"
          aria-label={t('language.label', { language: t('language.current') })}
        >
          {active.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            aria-current={locale === active ? 'true' : undefined}
            fw={locale === active ? 700 : undefined}
            onClick={() => void changeLocale(locale)}
          >
            {t(`language.${locale}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
