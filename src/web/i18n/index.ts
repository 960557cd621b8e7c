import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/errors.js';
import { en } from './en.js';
import { ru, type Resources } from './ru.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}

/** The localStorage key that remembers the chosen interface language. */
export const LANGUAGE_STORAGE_KEY = 'kabinet.language';

/** Keeps `<html lang>` in step with the interface language (screen readers, hyphenation). */
function syncHtmlLang(language: string): void {
  document.documentElement.lang = language;
}

i18n.on('languageChanged', syncHtmlLang);

// Russian unless the person chose English before: the portal serves Russian-speaking
// organizations, so the browser's language is deliberately not consulted.
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    fallbackLng: 'ru',
    supportedLngs: [...LOCALES],
    load: 'languageOnly',
    detection: {
      order: ['localStorage'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });

/** The current interface language, always one the server understands. */
export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return language === 'en' ? 'en' : 'ru';
}

/** Switches the interface language; the detector persists the choice in localStorage. */
export function changeLocale(locale: Locale): Promise<unknown> {
  return i18n.changeLanguage(locale);
}

/** The configured i18next instance (for code outside React, such as the API client). */
export { i18n };
