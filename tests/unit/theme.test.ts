/** Light or dark as the page paints its background (lib/dom/theme.ts). */
import { describe, expect, it } from 'vitest';
import { pageTheme, themeOfColor } from '../../lib/dom/theme';

describe('the page’s look', () => {
  it('reads computed colours: dark below the contrast midpoint, light above, nothing when transparent', () => {
    expect(themeOfColor('rgb(255, 255, 255)')).toBe('light');
    expect(themeOfColor('rgb(31, 31, 36)')).toBe('dark');
    expect(themeOfColor('rgba(0, 0, 0, 0)')).toBeNull();
    expect(themeOfColor('rgb(27 26 25 / 100%)')).toBe('dark');
    // Azure's dark theme and Jamf's light grey.
    expect(themeOfColor('rgb(27, 26, 25)')).toBe('dark');
    expect(themeOfColor('rgb(242, 242, 242)')).toBe('light');
    expect(themeOfColor('canvas')).toBeNull();
  });

  it('the body’s background first, else the root’s; none painted: the system decides', () => {
    document.documentElement.removeAttribute('style');
    document.body.removeAttribute('style');
    expect(pageTheme(document)).toBeNull();
    document.documentElement.style.backgroundColor = '#1b1a19';
    expect(pageTheme(document)).toBe('dark');
    document.body.style.backgroundColor = '#ffffff';
    expect(pageTheme(document)).toBe('light');
    document.documentElement.removeAttribute('style');
    document.body.removeAttribute('style');
  });
});
