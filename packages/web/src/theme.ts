import { createTheme, defaultVariantColorsResolver, parseThemeColor } from '@mantine/core';

/**
 * Text on the lightest tint of a colour, dark enough for 4.5:1 (WCAG AA) where shade 9 of
 * Mantine's palette is not (green 9 is 4.2:1 on green 0, orange 9 4.1:1).
 */
const darkText: Record<string, string> = {
  green: '#1b6b2c',
  orange: '#9c3a0c',
  yellow: '#7a5300',
  lime: '#4a6b0b',
  cyan: '#0b6477',
  teal: '#086048',
};

/** Text colours for gains and losses that keep 4.5:1 on white and on striped rows. */
export const gainColour = darkText.green;
export const lossColour = 'var(--mantine-color-red-9)';

/**
 * Mantine's defaults with contrast raised to WCAG AA (4.5:1 for text), as axe-core checks in the
 * browser tests: links, buttons and filled colours take shade 8 of the palette instead of 6;
 * light badges and buttons are shade 0 with dark text, filled ones of the light hues (green,
 * orange...) a darker fill; dimmed text is gray 7 (styles.css).
 */
export const theme = createTheme({
  primaryShade: { light: 8, dark: 6 },
  variantColorResolver: (input) => {
    const colours = defaultVariantColorsResolver(input);
    const parsed = parseThemeColor({
      color: input.color || input.theme.primaryColor,
      theme: input.theme,
    });
    if (!parsed.isThemeColor || parsed.shade !== undefined) return colours;
    const c = parsed.color;
    // White text on these colours' shade 8 is under 4.5:1: fill them with the dark text colour.
    if (input.variant === 'filled' && darkText[c])
      return { ...colours, background: darkText[c], hover: darkText[c] };
    if (input.variant !== 'light') return colours;
    return {
      ...colours,
      background: `var(--mantine-color-${c}-0)`,
      hover: `var(--mantine-color-${c}-1)`,
      color: darkText[c] ?? `var(--mantine-color-${c}-9)`,
    };
  },
});
