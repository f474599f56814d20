import { getContrastRatio } from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { AA_TEXT_CONTRAST, mixColors, readableOn } from './contrast';

describe('readableOn', () => {
  it('darkens an orange that is too light to read on white until it reads at AA', () => {
    const shade = readableOn('#ed6c02', ['#fff']);

    expect(getContrastRatio('#ed6c02', '#fff')).toBeLessThan(AA_TEXT_CONTRAST);
    expect(getContrastRatio(shade, '#fff')).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
  });

  it('lightens a red until it reads on a dark background and on its hovered shade', () => {
    const shade = readableOn('#f44336', ['#121212', '#2a2a2a']);

    expect(getContrastRatio('#f44336', '#2a2a2a')).toBeLessThan(AA_TEXT_CONTRAST);
    expect(getContrastRatio(shade, '#121212')).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    expect(getContrastRatio(shade, '#2a2a2a')).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
  });

  it('keeps a colour that already reads', () => {
    expect(readableOn('#2e7d32', ['#fff', '#f5f5f5'])).toBe('#2e7d32');
  });
});

describe('mixColors', () => {
  it('lays a colour over another at an opacity, as a selected row is tinted', () => {
    expect(mixColors('#000000', '#ffffff', 0.5)).toBe('rgb(128, 128, 128)');
    expect(mixColors('#121212', '#90caf9', 0)).toBe('rgb(18, 18, 18)');
  });
});
