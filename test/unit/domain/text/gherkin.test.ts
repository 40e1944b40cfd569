import { extractText, readGherkin } from '../../../../src/domain/text';
import { GHERKIN_OUTLINE, READY_STORY } from '../../../fixtures/text/adf';

const gherkin = (raw: unknown) => readGherkin(extractText(raw).blocks);

describe('readGherkin', () => {
  it('counts Given … When … Then runs, one per Given', () => {
    expect(gherkin(READY_STORY)).toEqual({ scenarios: 2, outlines: 0, examples: 0 });
  });

  it('counts a Scenario Outline and its Examples rows', () => {
    expect(gherkin(GHERKIN_OUTLINE)).toEqual({ scenarios: 1, outlines: 1, examples: 3 });
  });

  it('reads German Gherkin', () => {
    const raw = [
      'Szenario: Warenkorb bleibt erhalten',
      'Angenommen ein Kunde hat Artikel im Warenkorb',
      'Wenn er am nächsten Tag wiederkommt',
      'Dann sind die Artikel noch da',
      'Szenario: Artikel ausverkauft',
      'Gegeben sei ein ausverkaufter Artikel im Warenkorb',
      'Wenn der Kunde den Warenkorb öffnet',
      'Dann ist der Artikel als nicht verfügbar markiert',
    ].join('\n');
    expect(gherkin(raw)).toEqual({ scenarios: 2, outlines: 0, examples: 0 });
  });

  it.each([
    ['French', 'Étant donné un panier plein, quand le client revient, alors les articles sont là.'],
    ['Spanish', 'Dado un carrito lleno, cuando el cliente vuelve, entonces los artículos siguen ahí.'],
    ['Chinese', '假如购物车里有商品，当顾客第二天回来，那么商品还在。'],
  ])('reads a %s scenario written on one line', (_language, raw) => {
    expect(gherkin(raw).scenarios).toBe(1);
  });

  it('reads steps that arrive inline, after sentence ends or list markers', () => {
    const raw = 'Context first. Given a cart, when I pay, then I get a receipt. * Given no cart * When I pay * Then I see an error';
    expect(gherkin(raw).scenarios).toBe(2);
  });

  it.each([
    ['"Given that" prose', 'Given that we support Solaris, the scripts must use plain sh. If bash is used, then the build breaks.'],
    ['an "Example:" that is not a scenario', 'Example: feature.xml lists the bundles. We read it at start-up.'],
    ['a table whose header starts with Given', '||Given||When||Then||\n|a cart|I pay|a receipt|'],
  ])('does not count %s', (_name, raw) => {
    expect(gherkin(raw).scenarios).toBe(0);
  });
});
