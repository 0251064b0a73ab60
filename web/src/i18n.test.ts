import { describe, expect, it } from 'vitest';
import { i18nFor, labels, pick } from './i18n';

describe('labels', () => {
  it('every label has a Vietnamese and an English text', () => {
    for (const [key, text] of Object.entries(labels)) {
      expect(text.vi.trim(), key).not.toBe('');
      expect(text.en.trim(), key).not.toBe('');
    }
  });

  it('reads the chosen language, falling back to the other one when a text is empty', () => {
    expect(i18nFor('vi', () => {}).t('signOut')).toBe('Đăng xuất');
    expect(i18nFor('en', () => {}).t('signOut')).toBe('Sign out');
    expect(pick({ vi: '', en: 'Only English' }, 'vi')).toBe('Only English');
  });
});
