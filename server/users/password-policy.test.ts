import { describe, expect, it } from 'vitest';
import { appErrorFrom } from '@/tests/app-error';
import { assertAcceptablePassword } from './password-policy';

describe('assertAcceptablePassword', () => {
  it('refuses a long password from the common-password list, whatever its case', () => {
    for (const password of ['password1234', 'QWERTYUIOP123', '1qaz2wsx3edc']) {
      const error = appErrorFrom(() => assertAcceptablePassword(password, 'ana@paper.org'));
      expect(error.code).toBe('INVALID');
      expect(error.details.fields?.password).toEqual(['That password is on a list of common passwords; choose another']);
    }
  });

  it('refuses the person’s own email as their password', () => {
    const error = appErrorFrom(() => assertAcceptablePassword(' Ana.Lima@Paper.org', 'ana.lima@paper.org'));
    expect(error.details.fields?.password).toEqual(['Your password cannot be your email address']);
  });

  it('accepts a passphrase that is on no list', () => {
    expect(() => assertAcceptablePassword('tram ink quarry seventeen', 'ana@paper.org')).not.toThrow();
  });
});
