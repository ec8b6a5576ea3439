import { cleanText, MAX_TEXT_LENGTH, TEXT_PROBLEMS } from '../../src/shared/text-input';

describe('the one text rule', () => {
  it('refuses NUL and lone surrogates, either half', () => {
    expect(cleanText('ไท\u0000ย')).toEqual({ ok: false, problem: TEXT_PROBLEMS.nul });
    expect(cleanText('ไทย\ud800')).toEqual({ ok: false, problem: TEXT_PROBLEMS.surrogate });
    expect(cleanText('\udc00ไทย')).toEqual({ ok: false, problem: TEXT_PROBLEMS.surrogate });
    expect(cleanText('x'.repeat(MAX_TEXT_LENGTH + 1))).toEqual({ ok: false, problem: TEXT_PROBLEMS.tooLong });
  });

  it('keeps a proper surrogate pair, normalises to NFC and trims', () => {
    expect(cleanText(' 😀 ')).toEqual({ ok: true, value: '😀' });
    // "ำ" typed as nikhahit + sara aa stays as typed (Thai has no canonical composition), but é composes.
    expect(cleanText(' e\u0301cole ')).toEqual({ ok: true, value: '\u00e9cole' });
  });

  it('keeps a secret exactly as typed', () => {
    expect(cleanText(' pass ', { verbatim: true })).toEqual({ ok: true, value: ' pass ' });
    expect(cleanText('pa\u0000ss', { verbatim: true }).ok).toBe(false);
  });
});
