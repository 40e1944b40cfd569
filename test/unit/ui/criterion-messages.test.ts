import type { Divergence, ProfileId } from '../../../src/contract';
import { CRITERIA, type EstimationSummary } from '../../../src/domain/readiness';
import { defaultSettings } from '../../../src/domain/settings';
import { renderMessage } from '../../../static/shared/criterion-messages';
import { aLink, aTextDoc } from '../domain/builders';
import { aContext } from '../domain/readiness/context';

/**
 * The panel renders a criterion's words from its message codes; the server still words the same
 * judgement itself for Jira comments and the agenda. Every judgement of a varied set of issues must
 * read the same both ways.
 */
const divergence = (diverges: boolean): Divergence => ({
  steps: diverges ? 3 : 1,
  ratio: diverges ? 4.3 : 1.7,
  high: ['Ana'],
  low: ['Ben'],
  highValue: diverges ? '13' : '5',
  lowValue: '3',
  diverges,
  summary: diverges ? 'Ana 13 vs Ben 3' : 'Ana 5 vs Ben 3',
});

const descriptions = [
  '',
  'TBD',
  'Too short here.',
  'As a shopper I want a saved cart so that I keep my picks. Given a cart, when I return, then items stay. Given an empty cart, when I return, then nothing shows.',
  'As a shopper, I want a saved cart between visits because the session expires and then all the items picked are lost forever, which hurts.\nh2. Acceptance criteria\n* cart survives\n* out of stock marked\nh2. Out of scope\nWishlists.',
  'As a shopper, I want a saved cart, and it should be saved across many visits and devices for good.\nh2. AC\n* one item only\nTBD: which storage? Who decides?',
  'Steps to reproduce: open the cart. Expected the items to show, but actually the list is empty instead, every single time we test it.\n[] first check\n[] second check',
  'Can we move the cart to Redis within two days? We will deliver a decision record and a prototype. See https://www.figma.com/file/x for the screens.',
  'Scenario Outline: saving\nGiven a cart with <n> items\nWhen I return\nThen I see <n> items\nExamples:\n| n |\n| 1 |\n| 2 |\nWe will not include wishlists in this one.',
];
const estimations: (EstimationSummary | null)[] = [
  null,
  { revealed: false, voterCount: 2, divergence: null, acceptedPoints: null },
  { revealed: true, voterCount: 3, divergence: divergence(true), acceptedPoints: null },
  { revealed: true, voterCount: 3, divergence: divergence(false), acceptedPoints: null },
  { revealed: true, voterCount: 1, divergence: null, acceptedPoints: 5 },
];
const profiles: ProfileId[] = ['story', 'bug', 'spike', 'task'];

describe('criterion messages', () => {
  it('render the very words the server writes, for every judgement of a varied set of issues', () => {
    const reviewItems = defaultSettings();
    reviewItems.manualItems = reviewItems.manualItems.map((item) => (item.id === 'design-reviewed' ? { ...item, enabled: true } : item));
    const codes = new Set<string>();
    let compared = 0;
    descriptions.forEach((plain, index) => {
      for (const profile of profiles) {
        const estimation = estimations[index % estimations.length] ?? null;
        const ctx = aContext({
          profile,
          estimation,
          settings: index % 2 === 0 ? defaultSettings() : reviewItems,
          issue: {
            summary: index === 2 ? 'Cart' : 'Keep the shopping cart between visits',
            description: aTextDoc(plain),
            estimate: [null, 3, 13, 1, 8][index % 5] ?? null,
            estimateProblem: index === 6 ? 'ten' : null,
            attachmentCount: index === 4 ? 2 : 0,
            labels: index === 5 ? ['needs-spike'] : [],
            hiddenLinkCount: index === 3 || index === 7 ? index - 2 : 0,
            links: index % 3 === 0 ? [aLink(), aLink({ key: 'OPS-4', projectKey: 'OPS' })] : index === 4 ? [aLink({ statusCategory: 'done', statusName: 'Done' })] : [],
            acceptanceField: index === 8 ? aTextDoc('only this one') : null,
          },
        });
        const withQuestions = { ...ctx, openQuestions: index === 1 ? ['Which storage?', 'Who signs off?'] : [] };
        for (const criterion of CRITERIA) {
          const judgement = criterion.judge(withQuestions);
          codes.add(judgement.message.code);
          expect(renderMessage(judgement.message)).toBe(judgement.detail);
          if (judgement.fixMessage !== undefined) expect(renderMessage(judgement.fixMessage)).toBe(judgement.fix);
          expect(judgement.fix === undefined).toBe(judgement.fixMessage === undefined);
          compared += 1;
        }
      }
    });
    expect(compared).toBe(descriptions.length * profiles.length * CRITERIA.length);
    // The set is varied enough to reach most codes, not one per criterion.
    expect(codes.size).toBeGreaterThan(35);
  });
});
