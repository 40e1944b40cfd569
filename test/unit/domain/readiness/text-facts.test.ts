import { evaluateReadiness, findUnknowns, textFacts } from '../../../../src/domain/readiness';
import { defaultSettings } from '../../../../src/domain/settings';
import { anIssue, aTextDoc } from '../builders';

describe('textFacts', () => {
  it('joins description and AC-field lines, skipping empty lines, and splits them into sentences', () => {
    const issue = anIssue({
      description: aTextDoc({ plain: 'First. Second\n\nThird?' }),
      acceptanceField: aTextDoc({ plain: 'Given one. Then two' }),
    });
    const facts = textFacts(issue);
    expect(facts.lines).toEqual(['First. Second', 'Third?', 'Given one. Then two']);
    expect(facts.sentences).toEqual(['First.', 'Second', 'Third?', 'Given one.', 'Then two']);
    expect(facts.all).toBe('First. Second\nThird?\nGiven one. Then two');
  });

  it('has no lines when both docs are empty', () => {
    const facts = textFacts(anIssue({ description: aTextDoc({ plain: '' }), acceptanceField: aTextDoc({ plain: '' }) }));
    expect([facts.lines, facts.sentences, facts.all]).toEqual([[], [], '']);
  });
});

describe('findUnknowns', () => {
  it('quotes each sentence holding a question or a marker once, in order', () => {
    const plain = 'Pricing is TBD. Rounding is fine. Which currency? We need research on taxes!\nPricing is TBD. Maybe a spike';
    const issue = anIssue({ description: aTextDoc({ plain }), labels: [], links: [] });
    expect(findUnknowns({ issue, facts: textFacts(issue) }).textual).toEqual([
      'Pricing is TBD.',
      'Which currency?',
      'We need research on taxes!',
      'Maybe a spike',
    ]);
  });

  it('does not flag a marker word inside another word', () => {
    const issue = anIssue({ description: aTextDoc({ plain: 'The spiked graph is clear. Todos are listed.' }), labels: [], links: [] });
    expect(findUnknowns({ issue, facts: textFacts(issue) }).textual).toEqual([]);
  });
});

describe('evaluateReadiness', () => {
  it('judges the same issue the same way every time', () => {
    const issue = anIssue({ description: aTextDoc('h2. Acceptance criteria\n* one\n* two\nOut of scope: live traffic') });
    const input = { issue, settings: defaultSettings(), checklist: {}, estimation: null, now: new Date('2026-11-20T10:00:00Z') };
    expect(evaluateReadiness(input)).toEqual(evaluateReadiness(input));
  });
});
