import type {} from 'altcha/types/global';
import type {} from 'altcha/types/react';
import { Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/index.js';

/** Where the server hands out ALTCHA proof-of-work challenges. */
const CHALLENGE_URL = '/api/captcha/challenge';

/** Props of Captcha. */
interface CaptchaProps {
  /** Called with the solved payload (to send as `captcha`), or null when it expires or fails. */
  onChange: (payload: string | null) => void;
  /**
   * Start solving as soon as the widget appears, without a click: for forms that show the
   * check only after the server asked for it (sign-in after repeated failures).
   */
  autoSolve?: boolean;
}

interface StateChangeDetail {
  state?: string;
  payload?: string;
}

let widgetLoaded: Promise<void> | null = null;

/**
 * Loads the widget and its ru/en strings once, only when a form first needs a captcha.
 * The `external` build with the PBKDF2 worker as a same-origin file keeps the strict CSP
 * (`worker-src 'self'`): the default build would start its workers from blob: URLs.
 */
function loadWidget(): Promise<void> {
  widgetLoaded ??= (async () => {
    await import('altcha/external');
    await import('altcha/altcha.css');
    const { default: Pbkdf2Worker } = await import('altcha/workers/pbkdf2?worker');
    await Promise.all([import('altcha/i18n/ru'), import('altcha/i18n/en')]);
    // The server issues PBKDF2/SHA-256 challenges (src/server/infra/captcha.ts).
    globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Pbkdf2Worker());
  })();
  return widgetLoaded;
}

/**
 * The self-hosted ALTCHA check ("I am not a robot"): the browser solves a small
 * proof-of-work puzzle, no third party sees the person.
 */
export function Captcha({ onChange, autoSolve = false }: CaptchaProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let alive = true;
    loadWidget().then(
      () => {
        if (alive) setReady(true);
      },
      () => {
        if (alive) setFailed(true);
      },
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (!ready || !element) return;
    const handle = (event: Event) => {
      const detail = (event as CustomEvent<StateChangeDetail>).detail;
      if (detail.state === 'verified' && detail.payload) onChange(detail.payload);
      else if (detail.state !== 'verifying') onChange(null);
    };
    element.addEventListener('statechange', handle);
    return () => {
      element.removeEventListener('statechange', handle);
    };
  }, [ready, onChange]);

  if (failed) return <Text c="red">{t('captcha.loadFailed')}</Text>;
  return (
    <div className="captcha">
      {ready && (
        <altcha-widget
          ref={ref}
          challenge={CHALLENGE_URL}
          auto={autoSolve ? 'onload' : 'off'}
          language={currentLocale()}
          name="captcha"
        />
      )}
    </div>
  );
}
