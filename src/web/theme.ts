import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Light theme tuned for WCAG AA contrast: Mantine's default primary shade, dimmed text
 * and error red are below 4.5:1 on white, so darker shades are used.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  // blue-8 (#1971c2) on white is 5.0:1; the default blue-6 is 3.6:1.
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
});

/** Darker secondary, placeholder and error colours (gray-7 is 8.2:1, red-9 is 5.5:1 on white). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
