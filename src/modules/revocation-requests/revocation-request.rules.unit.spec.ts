import { LecError } from '../../shared/errors';
import { checkRequester, levelThatMustAct, stepsFor, type ChainLink } from './revocation-request.rules';

const link = (code: string, kind: ChainLink['kind'], confirmed: boolean): ChainLink => ({
  code,
  name: `u${code}`,
  kind,
  confirmed,
});
const chain = (school: boolean, lao: boolean, province: boolean) => [
  link('S', 'SCHOOL', school),
  link('L', 'LAO', lao),
  link('P', 'PROVINCE', province),
  link('DLA', 'DEPARTMENT', false),
];

describe('who must act on a request to revoke (revocation goes top down)', () => {
  it('the LAO for its school when the LAO has not confirmed; the province once it has; the department above a confirmed province', () => {
    expect(levelThatMustAct(chain(true, false, false))?.code).toBe('L');
    expect(levelThatMustAct(chain(true, true, false))?.code).toBe('P');
    expect(levelThatMustAct(chain(true, true, true))?.code).toBe('DLA');
    expect(levelThatMustAct(chain(false, true, true))).toBeNull();
  });

  it('names the confirmations in the way, top down', () => {
    const c = chain(true, true, false);
    expect(stepsFor(c, c[2])).toBe('uL (L) แล้วจึง uS (S)');
  });

  it('the unit or a level below the one that must act may ask; that level revokes instead; others may not', () => {
    const c = chain(true, true, false);
    expect(() => checkRequester('S', c, c[2])).not.toThrow();
    expect(() => checkRequester('L', c, c[2])).not.toThrow();
    expect(() => checkRequester('P', c, c[2])).toThrow(/ได้เอง/);
    expect(() => checkRequester('X', c, c[2])).toThrow(LecError);
  });
});
