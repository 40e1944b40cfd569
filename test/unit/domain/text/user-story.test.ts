import { findUserStory } from '../../../../src/domain/text';

describe('findUserStory', () => {
  it.each([
    ['As a shopper, I want my cart saved, so that I do not lose it.'],
    ['As an admin I’d like an export so I can audit access.'],
    ['As Patrick, I want to filter the backlog so I can plan the version.'],
    ['In order to reduce churn, as a product manager I want a cancellation survey.'],
    ['As a user, I need a dark theme because I work at night.'],
    ['Als Kundin möchte ich meine Bestellungen sehen, damit ich planen kann.'],
    ['Als Admin will ich Nutzer sperren, um Missbrauch zu verhindern.'],
    ['En tant que gestionnaire, je veux exporter les données afin de les analyser.'],
    ['Como cliente, quiero guardar el carrito para comprar más tarde.'],
    ['Als beheerder wil ik gebruikers blokkeren, zodat misbruik stopt.'],
  ])('finds role, goal and benefit in %j', (text) => {
    expect(findUserStory([text])).toEqual({ sentence: text, benefit: true });
  });

  it('finds role and goal without a benefit, and quotes only the story sentence', () => {
    expect(findUserStory(['As a shopper, I want to filter by size. The list is long.'])).toEqual({ sentence: 'As a shopper, I want to filter by size.', benefit: false });
  });

  it('takes a benefit given in the next sentence', () => {
    expect(findUserStory(['As a user, I want exports. So that audits are quick.'])?.benefit).toBe(true);
  });

  it('keeps "e.g." inside the story sentence', () => {
    expect(findUserStory(['As a developer, I want shared versions (e.g. Spring Boot) so that I update them once.'])?.benefit).toBe(true);
  });

  it.each([
    ['As a result we need a fix, so that the build passes.'],
    ['It works as expected, but we need more tests so that it stays so.'],
    ['When I run the agent as a user the tmp dir defaults to a path with spaces in it, which is long enough to matter; later on the only place I can find it is the log, so the build fails.'],
    ['Add a size filter to the product list page.'],
  ])('finds no story in %j', (text) => {
    expect(findUserStory([text])).toBeNull();
  });
});
