import { joinNames } from '../../../../src/domain/estimation';

describe('joinNames', () => {
  it('lists names with an English conjunction by default', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['Ana'])).toBe('Ana');
    expect(joinNames(['Ana', 'Raj'])).toBe('Ana and Raj');
    expect(joinNames(['Ana', 'Bo', 'Raj'])).toBe('Ana, Bo and Raj');
  });

  it('lists them as the given locale does', () => {
    expect(joinNames(['Ana', 'Bo', 'Raj'], 'en-US')).toBe('Ana, Bo, and Raj');
    expect(joinNames(['Ana', 'Bo', 'Raj'], 'de')).toBe('Ana, Bo und Raj');
    expect(joinNames(['Ana', 'Raj'], 'fr')).toBe('Ana et Raj');
  });
});
