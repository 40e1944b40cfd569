/**
 * The demo site: a payments/checkout product ("Payments Web", DEMO), a team-managed mobile
 * project (TEAM, a `simple` board with sprints), an admins-only security project (SEC) and a
 * company-managed Kanban project without sprints (OPS). Written for the sandbox, with the
 * awkward data real sites have: vague stories, wiki markup, "NULL", malformed ADF, string
 * estimates, a 21-pointer, blockers out of order, a dependency cycle, hidden links.
 * Key issues are listed in sandbox/README.md.
 */
import { addedMidSprint11, historyIssues, historySprints } from './sprint-history';
import { FIELD_IDS } from '../jira/catalog';
import type { Json, SeedData, SeedIssue, SeedLink, SiteSprint } from '../jira/model';
import { bullets, code, doc, h, inlineCard, link, media, mediaSingle, ordered, p, scenario, tasks } from './adf';
import { accessibilityAuditDescription } from './long-description';
import { ANA, DEMO_ACCESS, DEMO_USERS, MEI, RAJ, TOM } from './users';

export const DEMO_CLOUD_ID = 'a3c9e7f1-52b4-4d0e-9c1a-6f2d8b7e4a10';
export const DEMO_SITE_URL = 'https://payments-demo.atlassian.net';
export const APP_ACCOUNT_ID = '63e4c1f2a9b8d70068a1b2c3';
const DEMO_BOARD_ID = 1;
const TEAM_BOARD_ID = 2;
const OPS_BOARD_ID = 3;
const SPRINTS = { closed: [10, 11, 12], active: 13, future: [14, 15], team: 20, teamClosed: [17, 18, 19], teamFuture: 21 } as const;

const DAY = 86_400_000;
const FIGMA = 'https://www.figma.com/file/pAy9Ch3ck0ut/Checkout-2.0?node-id=120-4';

const sp = (value: Json) => ({ [FIELD_IDS.storyPoints]: value });
const spe = (value: Json) => ({ [FIELD_IDS.storyPointEstimate]: value });

function dates(now: Date) {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  return {
    now,
    iso: (days: number) => at(days).toISOString(),
    jira: (days: number) => at(days).toISOString().replace('Z', '+0000'),
  };
}

function sprints(now: Date): SiteSprint[] {
  const d = dates(now);
  const sprint = (id: number, name: string, state: SiteSprint['state'], start: number | null, goal: string | null, boardId = DEMO_BOARD_ID): SiteSprint => ({
    id,
    name,
    state,
    boardId,
    goal,
    createdDate: d.iso((start ?? 10) - 20),
    startDate: start === null ? null : d.iso(start),
    endDate: start === null ? null : d.iso(start + 14),
    completeDate: state === 'closed' && start !== null ? d.iso(start + 14) : null,
  });
  return [
    sprint(10, 'DEMO Sprint 10', 'closed', -47, 'Card payments in production'),
    sprint(11, 'DEMO Sprint 11', 'closed', -33, 'Strong customer authentication'),
    sprint(12, 'DEMO Sprint 12', 'closed', -19, 'Wallets and refunds'),
    sprint(13, 'DEMO Sprint 13', 'active', -5, 'Refund visibility and checkout insights'),
    sprint(14, 'DEMO Sprint 14', 'future', 9, 'Saved cards and one-click PayPal'),
    sprint(15, 'DEMO Sprint 15', 'future', null, null),
    sprint(20, 'TEAM Sprint 4', 'active', -3, 'Saved cards API for the app', TEAM_BOARD_ID),
    // Team-managed boards can run sprints too: TEAM's history gives it a velocity (8, 10, 12 → 10).
    sprint(17, 'TEAM Sprint 1', 'closed', -45, 'Card payments in the app', TEAM_BOARD_ID),
    sprint(18, 'TEAM Sprint 2', 'closed', -31, 'Wallet sign-in', TEAM_BOARD_ID),
    sprint(19, 'TEAM Sprint 3', 'closed', -17, 'Receipts in the app', TEAM_BOARD_ID),
    sprint(21, 'TEAM Sprint 5', 'future', 11, 'Pay by phone', TEAM_BOARD_ID),
  ];
}

/** Done work of the closed sprints: 21, 18 and 24 points (velocity ≈ 21). */
function doneIssues(d: ReturnType<typeof dates>): SeedIssue[] {
  const done = (key: string, type: string, summary: string, points: Json, sprint: number, daysAgo: number, extra: Partial<SeedIssue> = {}): SeedIssue => ({
    key,
    type,
    status: 'Done',
    summary,
    description: doc(p(summary + '.')),
    assignee: [RAJ.alias, MEI.alias, TOM.alias][Number(key.split('-')[1]) % 3],
    reporter: ANA.alias,
    created: d.jira(-daysAgo - 20),
    updated: d.jira(-daysAgo),
    sprints: [sprint],
    custom: sp(points),
    ...extra,
  });
  return [
    done('DEMO-1', 'Story', 'Set up payment provider sandbox credentials', 8, 10, 34, { custom: { ...sp(8), [FIELD_IDS.storyPointsOld]: 5 } }),
    done('DEMO-2', 'Story', 'Card form: validate card number and expiry as the shopper types', 5, 10, 35),
    done('DEMO-3', 'Story', 'Order summary component on the payment step', 5, 10, 36),
    done('DEMO-4', 'Bug', 'Currency symbol missing on the emailed receipt', 3, 10, 38),
    done('DEMO-40', 'Story', '3-D Secure challenge in an iframe', 8, 11, 20),
    // Someone typed the estimate into an old integration that stores strings.
    done('DEMO-41', 'Story', 'Save a card for later (tokenisation)', '5.0', 11, 21),
    // Came in during Sprint 11 (its sprint move is dated after the start): the Health tab shows it as added.
    done('DEMO-42', 'Bug', 'Double charge when the shopper retries after a timeout', 3, 11, 22, { changelog: addedMidSprint11(d.now) }),
    done('DEMO-43', 'Task', 'Update privacy copy on the checkout pages', 2, 11, 24),
    done('DEMO-44', 'Story', 'Apple Pay button on the payment step', 8, 12, 6),
    done('DEMO-45', 'Story', 'Refund API integration', 8, 12, 6),
    done('DEMO-46', 'Task', 'Checkout analytics events', 5, 12, 7),
    done('DEMO-47', 'Spike', 'Spike: which PSD2 exemptions can we apply?', 3, 12, 9),
  ];
}

function activeSprintIssues(d: ReturnType<typeof dates>): SeedIssue[] {
  return [
    {
      key: 'DEMO-15',
      type: 'Story',
      status: 'In Progress',
      summary: 'Show refund status in the order history',
      description: doc(
        p('As a shopper who returned an item, I want to see the status of my refund in my order history, so that I do not have to contact support.'),
        ...scenario('Refund in progress', [['Given', 'my refund was requested yesterday'], ['When', 'I open the order'], ['Then', 'I see "Refund in progress" and the expected date']]),
      ),
      assignee: RAJ.alias,
      sprints: [12, 13],
      custom: sp(5),
      created: d.jira(-30),
      updated: d.jira(-1),
    },
    {
      key: 'DEMO-16',
      type: 'Bug',
      status: 'Done',
      summary: 'Focus order in the card form skips the security code',
      description: doc(h(3, 'Steps to reproduce'), ordered('Open the payment step', 'Tab through the card form'), h(3, 'Expected'), p('Focus moves card number → expiry → security code.'), h(3, 'Actual'), p('Focus jumps from expiry to the pay button.')),
      assignee: MEI.alias,
      sprints: [13],
      custom: sp(3),
      created: d.jira(-12),
      updated: d.jira(-2),
    },
    {
      key: 'DEMO-17',
      type: 'Story',
      status: 'In Progress',
      summary: 'Checkout conversion dashboard for the product team',
      description: doc(p('As the product owner, I want a dashboard of conversion per checkout step, so that I can see where shoppers drop out.')),
      assignee: TOM.alias,
      sprints: [13],
      custom: sp(8),
      created: d.jira(-15),
      updated: d.jira(-1),
    },
    {
      key: 'DEMO-18',
      type: 'Task',
      status: 'To Do',
      summary: 'Update the payment terms copy for the new provider',
      description: doc(p('Legal sent the new wording; replace it on the payment step and in the receipt footer.')),
      sprints: [13],
      custom: sp(2),
      created: d.jira(-8),
      updated: d.jira(-8),
    },
  ];
}

/** The first future sprint: 5 ready items and 2 that are not (vague, blocked); 23 points against a velocity of 21. */
function nextSprintIssues(d: ReturnType<typeof dates>): SeedIssue[] {
  return [
    {
      key: 'DEMO-5',
      type: 'Story',
      status: 'To Do',
      summary: 'Show saved cards at checkout',
      description: doc(
        p('As a returning shopper, I want to pick one of my saved cards at checkout, so that I can pay without typing my card number again.'),
        h(3, 'Acceptance criteria'),
        ...scenario('Returning shopper sees saved cards', [
          ['Given', 'I am signed in and have two saved cards'],
          ['When', 'I open the payment step'],
          ['Then', 'I see both cards with brand, last four digits and expiry date'],
          ['And', 'the card I used most recently is preselected'],
        ]),
        ...scenario('Expired card cannot be selected', [
          ['Given', 'one of my saved cards expired last month'],
          ['When', 'I open the payment step'],
          ['Then', 'the expired card is shown greyed out and labelled "Expired"'],
          ['And', 'I cannot select it'],
        ]),
        h(3, 'Out of scope'),
        bullets(['Editing the details of a saved card (DEMO-6 covers removing one).'], ['Saved cards in the mobile app (TEAM project).']),
        h(3, 'Design'),
        p(inlineCard(FIGMA)),
      ),
      labels: ['checkout', 'saved-cards'],
      priority: 'High',
      reporter: ANA.alias,
      sprints: [14],
      parentKey: 'DEMO-38',
      custom: { ...sp(5) },
      created: d.jira(-21),
      updated: d.jira(-3),
      comments: [{ author: MEI.alias, text: 'Design reviewed with the UX team, the Figma frame is final.' }],
    },
    {
      key: 'DEMO-12',
      type: 'Story',
      status: 'To Do',
      summary: 'Pay with PayPal in one click',
      description: doc(
        p('As a shopper with a PayPal account, I want to pay with PayPal without leaving the checkout, so that paying takes one click instead of five.'),
        h(3, 'Acceptance criteria'),
        ...scenario('PayPal payment succeeds', [['Given', 'I chose PayPal'], ['When', 'I approve the payment in the PayPal pop-up'], ['Then', 'I land on the confirmation page']]),
        ...scenario('Shopper cancels in PayPal', [['Given', 'the PayPal pop-up is open'], ['When', 'I close it'], ['Then', 'I am back on the payment step with PayPal still selected']]),
        h(3, 'Out of scope'),
        bullets(['PayPal Pay Later instalments.']),
        p('Design: ', link('PayPal button states', 'https://www.figma.com/file/pAy9Ch3ck0ut/Checkout-2.0?node-id=300-2')),
      ),
      labels: ['checkout', 'paypal'],
      priority: 'High',
      sprints: [14],
      custom: sp(5),
      created: d.jira(-18),
      updated: d.jira(-4),
    },
    {
      key: 'DEMO-6',
      type: 'Story',
      status: 'To Do',
      summary: 'Let shoppers remove a saved card',
      description: doc(
        p('As a returning shopper, I want to remove a saved card from my account during checkout, so that old or shared cards are not offered to me any more.'),
        h(3, 'Acceptance criteria'),
        code(
          'gherkin',
          [
            'Scenario: Remove a saved card',
            '  Given I have two saved cards',
            '  When I choose "Remove" on one of them and confirm',
            '  Then only the other card is listed',
            '',
            'Scenario: Cancel the removal',
            '  Given the confirmation dialog is open',
            '  When I choose "Keep card"',
            '  Then both cards are still listed',
          ].join('\n'),
        ),
        h(3, 'Out of scope'),
        bullets(['Removing cards from the account settings page (already exists).']),
        p('The confirmation dialog design is attached (remove-card-modal.png).'),
      ),
      labels: ['checkout', 'saved-cards'],
      sprints: [14],
      parentKey: 'DEMO-38',
      custom: sp(3),
      attachments: [{ filename: 'remove-card-modal.png', mimeType: 'image/png', size: 184_220 }],
      created: d.jira(-20),
      updated: d.jira(-3),
    },
    {
      key: 'DEMO-7',
      type: 'Story',
      status: 'To Do',
      summary: 'Improve checkout',
      description: doc(p('TBD')),
      sprints: [14],
      custom: sp(null),
      created: d.jira(-10),
      updated: d.jira(-10),
    },
    {
      key: 'DEMO-8',
      type: 'Story',
      status: 'To Do',
      summary: 'Show the delivery cost before the payment step',
      description: doc(
        p('As a shopper, I want to see the delivery cost before I enter my payment details, so that the total I pay is never a surprise.'),
        h(2, 'Acceptance criteria'),
        ...scenario('Standard delivery', [['Given', 'my basket is below the free-delivery threshold'], ['When', 'I reach the delivery step'], ['Then', 'I see the delivery cost next to each option']]),
        ...scenario('Free delivery', [['Given', 'my basket is above the free-delivery threshold'], ['When', 'I reach the delivery step'], ['Then', 'standard delivery shows "Free"']]),
        ...scenario('Changing the address', [['Given', 'I change my delivery address to another country'], ['When', 'the delivery step reloads'], ['Then', 'the costs are recalculated for that country']]),
        h(2, 'Out of scope'),
        p('Express delivery slots and click-and-collect.'),
        p('Designs: ', link('Figma – delivery step', 'https://www.figma.com/file/pAy9Ch3ck0ut/Checkout-2.0?node-id=88-14')),
      ),
      labels: ['checkout'],
      sprints: [14],
      parentKey: 'DEMO-38',
      custom: sp(5),
      created: d.jira(-16),
      updated: d.jira(-2),
    },
    {
      key: 'DEMO-10',
      type: 'Bug',
      status: 'To Do',
      summary: 'Pay button stays disabled after correcting an expired card',
      description: doc(
        h(3, 'Steps to reproduce'),
        ordered('Open the payment step as a guest', 'Enter a card with expiry 01/20', 'See the "card expired" error', 'Correct the expiry to 01/30'),
        h(3, 'Expected result'),
        p('The error disappears and the Pay button is enabled.'),
        h(3, 'Actual result'),
        p('The error disappears but the Pay button stays disabled until the page is reloaded.'),
        h(3, 'Environment'),
        p('Chrome 131 and Safari 18, production, since release 2024.11.2.'),
      ),
      labels: ['checkout', 'regression'],
      priority: 'High',
      sprints: [14],
      custom: sp(2),
      created: d.jira(-6),
      updated: d.jira(-1),
    },
    {
      key: 'DEMO-11',
      type: 'Task',
      status: 'To Do',
      summary: 'Upgrade the payments SDK to v5',
      description: doc(
        p('Version 4 of the provider SDK is end-of-life in March. Upgrade to v5 and remove the deprecated calls.'),
        h(3, 'Checklist'),
        tasks(['Bump the SDK and fix compile errors', false], ['Replace createToken with createPaymentMethod', false], ['Run the card and wallet regression suite', false]),
        h(3, 'Out of scope'),
        p('Adopting the new v5 UI components.'),
      ),
      labels: ['tech-debt'],
      sprints: [14],
      custom: sp(3),
      created: d.jira(-14),
      updated: d.jira(-5),
    },
  ];
}

function secondSprintIssues(d: ReturnType<typeof dates>): SeedIssue[] {
  return [
    {
      key: 'DEMO-19',
      type: 'Story',
      status: 'To Do',
      summary: 'Show the estimated delivery date on the confirmation page',
      description: doc(
        p('As a shopper, I want to see when my order will arrive, so that I can plan to be at home.'),
        ...scenario('Date shown', [['Given', 'I paid for standard delivery'], ['When', 'the confirmation page loads'], ['Then', 'I see the estimated delivery date']]),
      ),
      sprints: [15],
      custom: sp(3),
      created: d.jira(-11),
      updated: d.jira(-9),
    },
  ];
}

const WIKI_DESCRIPTION = [
  'h2. Story',
  'As a shopper in Germany, I want to pay by SEPA direct debit, so that I can pay from my bank account.',
  '',
  'h2. Acceptance criteria',
  '* *Given* I chose SEPA direct debit *When* I enter a valid IBAN *Then* I see the mandate text',
  '* *Given* I entered an invalid IBAN *When* I leave the field *Then* I see "Check your IBAN"',
  '',
  '{code:title=Mandate reference format}',
  'PWEB-<orderId>-<yyyymmdd>',
  '{code}',
  '',
  '||Country||Supported||',
  '|DE|yes|',
  '|AT|yes|',
].join('\n');

/** The backlog after the future sprints, in rank order. */
function backlogIssues(d: ReturnType<typeof dates>): SeedIssue[] {
  const story = (key: string, summary: string, description: Json, extra: Partial<SeedIssue> = {}): SeedIssue => ({
    key,
    type: 'Story',
    status: 'To Do',
    summary,
    description,
    created: d.jira(-20),
    updated: d.jira(-4),
    ...extra,
  });
  return [
    story(
      'DEMO-9',
      'Split a payment between two cards',
      doc(
        p('As a shopper buying an expensive item, I want to split the payment between two cards, so that I can use the limits of both.'),
        h(3, 'Acceptance criteria'),
        ...scenario('Split evenly', [['Given', 'my order total is 900 EUR'], ['When', 'I choose "Split payment" and enter two cards'], ['Then', 'each card is charged 450 EUR']]),
        ...scenario('Second card declined', [['Given', 'the first card was authorised'], ['When', 'the second card is declined'], ['Then', 'the first authorisation is voided and I see why']]),
        h(3, 'Out of scope'),
        p('More than two cards.'),
      ),
      {
        labels: ['checkout'],
        custom: { ...sp(null), [FIELD_IDS.storyPointsOld]: 8 },
        comments: [
          { author: RAJ.alias, text: 'This touches the ledger and partial voids. I would not go below 13.' },
          { author: ANA.alias, text: 'I hoped it is mostly UI plus one extra authorisation call.' },
        ],
      },
    ),
    story('DEMO-20', 'Apply a discount code at checkout', doc(p('As a shopper, I want to enter a discount code, so that I get the promotion I was promised.'), ...scenario('Valid code', [['Given', 'I have code SPRING10'], ['When', 'I apply it'], ['Then', 'the total drops by 10%']])), { custom: sp(3), labels: ['promotions'] }),
    story('DEMO-21', 'Validate discount codes against the promotions service', doc(p('As the business, we want codes checked against the promotions service, so that expired codes are rejected.')), { custom: sp(5), labels: ['promotions'] }),
    story('DEMO-22', 'Show the discount breakdown in the order summary', doc(p('As a shopper, I want to see which discount was applied, so that I trust the total.')), { custom: sp(2), labels: ['promotions'] }),
    story(
      'DEMO-24',
      'Show saved cards in the mobile web checkout',
      doc(
        p('As a shopper on my phone, I want my saved cards offered in the mobile web checkout, so that I do not type card numbers on a small screen.'),
        ...scenario('Saved cards on mobile', [['Given', 'I am signed in on a phone'], ['When', 'I reach the payment step'], ['Then', 'I see my saved cards']]),
        ...scenario('No saved cards', [['Given', 'I have no saved cards'], ['When', 'I reach the payment step'], ['Then', 'I see the card form']]),
      ),
      { custom: sp(3), labels: ['saved-cards', 'mobile'] },
    ),
    {
      key: 'DEMO-13',
      type: 'Story',
      status: 'To Do',
      summary: 'Rebuild the checkout as a single page',
      description: doc(
        p('As a shopper, I want the whole checkout on one page, so that I can see and change everything before paying.'),
        h(3, 'Acceptance criteria'),
        ...scenario('Everything on one page', [['Given', 'I start checkout'], ['When', 'the page loads'], ['Then', 'address, delivery and payment are on one page']]),
        ...scenario('Edit the address in place', [['Given', 'I already entered an address'], ['When', 'I change it'], ['Then', 'delivery options refresh without leaving the page']]),
        h(3, 'Out of scope'),
        p('Guest checkout changes.'),
        p(inlineCard('https://www.figma.com/file/pAy9Ch3ck0ut/Checkout-2.0?node-id=1-1')),
      ),
      labels: ['checkout'],
      sprints: [],
      parentKey: 'DEMO-38',
      custom: sp(21),
      created: d.jira(-25),
      updated: d.jira(-6),
    },
    {
      key: 'DEMO-14',
      type: 'Story',
      status: 'To Do',
      summary: 'Invoice payment for business customers',
      description: doc(p('As a business customer, I want to pay by invoice, so that our accounts team can pay in bulk.'), p('AC to be written with finance.')),
      sprints: [],
      custom: sp(8),
      created: d.jira(-12),
      updated: d.jira(-12),
    },
    {
      key: 'DEMO-23',
      type: 'Story',
      status: 'To Do',
      summary: 'Retry failed card payments automatically once',
      description: doc(p('As the business, we want a soft-declined payment retried once automatically, so that we lose fewer orders to network glitches.')),
      sprints: [],
      custom: sp(5),
      created: d.jira(-9),
      updated: d.jira(-9),
    },
    {
      key: 'DEMO-33',
      type: 'Spike',
      status: 'To Do',
      summary: 'Spike: which 3-D Secure 2 SDK should we use?',
      description: doc(
        h(3, 'Question'),
        p('Can we run frictionless 3-D Secure 2 flows with our provider’s SDK, or do we need a separate 3DS server vendor?'),
        h(3, 'Timebox'),
        p('2 days. Output: a short recommendation with cost and effort, presented at the next refinement.'),
      ),
      labels: ['3ds'],
      custom: sp(2),
      created: d.jira(-7),
      updated: d.jira(-7),
    },
    story(
      'DEMO-34',
      'Frictionless 3-D Secure for low-risk payments',
      doc(p('As a shopper making a small purchase, I want to skip the 3-D Secure challenge when the risk is low, so that paying is faster.'), p('Depends on the outcome of the SDK spike.')),
      { labels: ['3ds', 'needs-spike'], custom: sp(8) },
    ),
    story(
      'DEMO-25',
      'Store cards in the new PCI vault',
      doc(p('As the business, we want saved cards stored in the new PCI-compliant vault, so that we can pass the next audit.'), ...scenario('Card saved to vault', [['Given', 'a shopper saves a card'], ['When', 'the token is created'], ['Then', 'it is stored in the new vault only']])),
      { custom: sp(5), labels: ['saved-cards', 'security'] },
    ),
    story(
      'DEMO-26',
      'Email receipt with a VAT breakdown',
      doc(
        p('As a business customer, I want the emailed receipt to show VAT per rate, so that I can reclaim VAT.'),
        ...scenario('Two VAT rates', [['Given', 'my order has items at 19% and 7%'], ['When', 'I get the receipt'], ['Then', 'it lists the VAT amount for each rate']]),
        ...scenario('No VAT', [['Given', 'I ship outside the EU'], ['When', 'I get the receipt'], ['Then', 'it shows "VAT 0%"']]),
      ),
      { custom: sp(3), labels: ['receipts'] },
    ),
    story(
      'DEMO-35',
      'Show past orders on the confirmation page',
      doc(
        p('As a returning shopper, I want to see my three most recent orders on the confirmation page, so that I can check I did not order twice.'),
        ...scenario('Recent orders listed', [['Given', 'I placed orders before'], ['When', 'I finish checkout'], ['Then', 'I see my three previous orders']]),
      ),
      // Estimate stored as a string by an old import.
      { custom: sp('8.0') },
    ),
    story(
      'DEMO-36',
      'Let shoppers add a gift message',
      doc(
        p('As a shopper buying a present, I want to add a gift message, so that the recipient knows who it is from.'),
        h(3, 'Acceptance criteria'),
        tasks(['Message field of up to 200 characters on the delivery step', false], ['Message printed on the packing slip', false], ['No prices on the packing slip when a message is added', false]),
      ),
      { custom: sp(3), labels: ['gifting'] },
    ),
    story(
      'DEMO-37',
      'Remember the preferred payment method',
      doc(
        p('As a returning shopper, I want my last payment method preselected, so that I pay faster.'),
        h(3, 'Acceptance criteria'),
        bullets(['The last used method is preselected on the payment step.'], ['Shoppers can still pick another method.'], ['Guests never get a preselection.']),
      ),
      { custom: sp(2) },
    ),
    {
      key: 'DEMO-31',
      type: 'Task',
      status: 'To Do',
      summary: 'Set up the PayPal merchant account and API credentials',
      description: doc(p('Finance has to sign the PayPal merchant agreement before we get production API credentials. Then store them in the secrets manager.')),
      labels: ['paypal'],
      custom: sp(2),
      created: d.jira(-18),
      updated: d.jira(-11),
    },
    story(
      'DEMO-49',
      'Improve error messages for declined cards',
      doc(
        p('As a shopper whose card was declined, I want to understand why, so that I know whether to try again or use another card.'),
        h(3, 'Acceptance criteria'),
        bullets(['Insufficient funds, expired card and suspected fraud each get their own message.'], ['Messages never reveal fraud scoring details.']),
      ),
      { custom: sp(3), labels: ['ux'] },
    ),
    story('DEMO-28', 'Support SEPA direct debit', WIKI_DESCRIPTION, { custom: sp(5), labels: ['sepa'] }),
    story(
      'DEMO-29',
      'Show card brand logos in the card form',
      // Malformed on purpose: a media node straight inside a paragraph, as some importers write it.
      {
        type: 'doc',
        version: 1,
        content: [
          p('As a shopper, I want to see the logo of my card brand while I type, so that I know the number was recognised.'),
          { type: 'paragraph', content: [{ type: 'text', text: 'Mock-up: ' }, media('7c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f', 'brand logos')] },
          mediaSingle('8d2e3f4a-5b6c-7d8e-9f0a-1b2c3d4e5f6a', 'logo positions'),
        ],
      },
      { custom: sp(2) },
    ),
    {
      key: 'DEMO-27',
      type: 'Bug',
      status: 'To Do',
      summary: 'Totals in JPY are rounded to two decimals',
      description: 'NULL',
      custom: sp(null),
      created: d.jira(-40),
      updated: d.jira(-40),
    },
    {
      key: 'DEMO-32',
      type: 'Bug',
      status: 'To Do',
      summary: 'Checkout is sometimes slow',
      description: doc(p('Customers complain it is slow sometimes.')),
      custom: sp(null),
      created: d.jira(-130),
      updated: d.jira(-120),
    },
    story('DEMO-48', 'Support Google Pay', doc(p('As an Android shopper, I want to pay with Google Pay, so that I do not type my card details.')), { custom: sp(8), labels: ['wallets'] }),
    story('DEMO-50', 'Localise the checkout for Germany and France', doc(p('Translate all checkout strings and use local number and date formats.')), { custom: sp(5), labels: ['i18n'] }),
    story('DEMO-30', 'Checkout accessibility audit fixes', accessibilityAuditDescription(), { labels: ['a11y'], custom: sp(null) }),
    {
      key: 'DEMO-51',
      type: 'Bug',
      status: 'To Do',
      summary: 'Apple Pay sheet shows the wrong merchant name',
      description: doc(
        h(3, 'Steps to reproduce'),
        ordered('Open checkout on an iPhone', 'Choose Apple Pay'),
        h(3, 'Expected'),
        p('The sheet says "Payments Web".'),
        h(3, 'Actual'),
        p('The sheet says "PW Test Merchant".'),
      ),
      custom: sp(1),
      created: d.jira(-5),
      updated: d.jira(-5),
    },
    story(
      'DEMO-52',
      'Make the fraud score threshold configurable per market',
      doc(p('As the risk team, we want a threshold per market, so that we can be stricter where fraud is higher.'), ...scenario('Market threshold', [['Given', 'the DE threshold is 70'], ['When', 'a DE payment scores 75'], ['Then', 'it is sent to manual review']])),
      { custom: sp(13), created: d.jira(-150), updated: d.jira(-110) },
    ),
    { key: 'DEMO-39', type: 'Task', status: 'To Do', summary: 'Rotate the payment provider API keys', description: null, custom: sp(1), created: d.jira(-125), updated: d.jira(-125) },
    {
      key: 'DEMO-38',
      type: 'Epic',
      status: 'In Progress',
      summary: 'Checkout 2.0',
      description: doc(p('Faster checkout for returning shoppers: saved cards, delivery costs up front, fewer steps.')),
      created: d.jira(-60),
      updated: d.jira(-3),
    },
    // Text as real teams write it (issue 13, "Real text was misread"), ranked last in the backlog and in
    // no sprint so the agenda and runway of the demo stay as they were. test/integration/resolvers/real-text.test.ts.
    story('DEMO-60', 'Let remote agents connect to the build server', doc(p('Backend support for remote agents. Acceptance criteria: * 100 remote agents can connect * 100 builds can run at the same time')), { custom: sp(3) }),
    story('DEMO-61', 'Export the user list as CSV', doc(p('Admins need the user list offline. AC: 1. the export includes email 2. deleted users are marked 3. an export of 10,000 users takes under a minute')), { custom: sp(2) }),
    story(
      'DEMO-62',
      'Keep the basket between visits',
      [
        'Als wiederkehrender Kunde möchte ich meinen Warenkorb beim nächsten Besuch wiederfinden, damit ich nicht neu suchen muss.',
        '',
        'Szenario: Warenkorb bleibt erhalten',
        'Angenommen ein Kunde hat zwei Artikel im Warenkorb',
        'Wenn er sich nach einer Woche wieder anmeldet',
        'Dann sind beide Artikel noch im Warenkorb',
        '',
        'Szenario: Artikel ausverkauft',
        'Angenommen ein Artikel im Warenkorb ist ausverkauft',
        'Wenn der Kunde den Warenkorb öffnet',
        'Dann ist der Artikel als nicht verfügbar markiert',
      ].join('\n'),
      { custom: sp(3) },
    ),
    story(
      'DEMO-63',
      'Keep the cart for returning shoppers (CN market)',
      doc(p('作为一个经常在手机上购物的回头客，我希望购物车里的商品在下次访问时仍然保留，以便我不用重新搜索和挑选之前已经看中的商品，节省时间并且更快完成下单。另外，如果商品缺货，我希望能看到明确的提示。')),
      { custom: sp(3) },
    ),
    story(
      'DEMO-64',
      'Show delivery costs before the payment step',
      ['Shoppers abandon the payment step when the delivery cost appears late.', '', 'h3. Acceptance Criteria', '* the delivery cost shows on the basket page', '* the cost follows the chosen country', '* free delivery says "free", not "0.00"'].join('\n'),
      { custom: sp(2) },
    ),
  ];
}

function teamIssues(d: ReturnType<typeof dates>): SeedIssue[] {
  const team = (key: string, type: string, status: string, summary: string, points: Json, sprint: number[] = []): SeedIssue => ({
    key,
    type,
    status,
    summary,
    description: doc(p(summary + '.')),
    sprints: sprint,
    custom: spe(points),
    created: d.jira(-20),
    updated: d.jira(-2),
  });
  return [
    team('TEAM-1', 'Story', 'Done', 'Card scanning with the phone camera', 5, [SPRINTS.team]),
    team('TEAM-2', 'Story', 'In Progress', 'Saved cards screen in the app', 3, [SPRINTS.team]),
    team('TEAM-3', 'Task', 'In Progress', 'Saved cards API for mobile clients', 5, [SPRINTS.team]),
    team('TEAM-4', 'Story', 'To Do', 'Biometric confirmation before paying', 8),
    team('TEAM-5', 'Bug', 'To Do', 'Declined card message cut off on small screens', 1),
    team('TEAM-6', 'Story', 'To Do', 'Push notification when a refund is paid', null),
  ];
}

/**
 * TEAM's sprint history and next sprint, after its first issues: done work of TEAM Sprints 1–3
 * (8, 10 and 12 points in "Story point estimate") and TEAM Sprint 5 with one ready story
 * (TEAM-14) and one vague one (TEAM-15).
 */
function teamSprintIssues(d: ReturnType<typeof dates>): SeedIssue[] {
  const done = (key: string, type: string, summary: string, points: number, sprint: number, daysAgo: number): SeedIssue => ({
    key,
    type,
    status: 'Done',
    summary,
    description: doc(p(summary + '.')),
    reporter: MEI.alias,
    sprints: [sprint],
    custom: spe(points),
    created: d.jira(-daysAgo - 20),
    updated: d.jira(-daysAgo),
  });
  const [first, second, third] = SPRINTS.teamClosed;
  return [
    done('TEAM-7', 'Story', 'Pay with a saved card in the app', 5, first, 31),
    done('TEAM-8', 'Bug', 'Amount field accepts letters on Android', 3, first, 32),
    done('TEAM-9', 'Story', 'Sign in with Apple and Google wallets', 5, second, 17),
    done('TEAM-10', 'Task', 'Wallet token storage in the keychain', 5, second, 18),
    done('TEAM-11', 'Story', 'Receipt screen after paying', 5, third, 3),
    done('TEAM-12', 'Story', 'Share a receipt as PDF', 5, third, 4),
    done('TEAM-13', 'Task', 'Receipt analytics events', 2, third, 5),
    {
      key: 'TEAM-14',
      type: 'Story',
      status: 'To Do',
      summary: 'Pay by tapping the phone at the till',
      description: doc(
        p('As a shopper in a store, I want to pay by tapping my phone on the card reader, so that I do not need my physical card.'),
        h(3, 'Acceptance criteria'),
        ...scenario('Tap to pay succeeds', [
          ['Given', 'I have a saved card in the app'],
          ['When', 'I hold the phone to the card reader and confirm with my fingerprint'],
          ['Then', 'the payment is approved and I see the receipt screen'],
        ]),
        ...scenario('Reader not reached', [
          ['Given', 'the app is waiting for the reader'],
          ['When', 'no reader answers within 30 seconds'],
          ['Then', 'I see "Hold the phone closer to the reader" and can try again'],
        ]),
        h(3, 'Out of scope'),
        bullets(['Paying with a smartwatch.']),
        h(3, 'Design'),
        p(inlineCard('https://www.figma.com/file/m0b1l3Pay/Mobile-pay?node-id=12-4')),
      ),
      reporter: MEI.alias,
      sprints: [SPRINTS.teamFuture],
      custom: spe(3),
      created: d.jira(-10),
      updated: d.jira(-2),
    },
    {
      key: 'TEAM-15',
      type: 'Story',
      status: 'To Do',
      summary: 'NFC stuff',
      description: doc(p('Make NFC work.')),
      reporter: MEI.alias,
      sprints: [SPRINTS.teamFuture],
      custom: spe(5),
      created: d.jira(-9),
      updated: d.jira(-2),
    },
  ];
}

/** OPS works on a Kanban board: no sprints, work follows rank order. */
function opsIssues(d: ReturnType<typeof dates>): SeedIssue[] {
  const ops = (key: string, type: string, status: string, summary: string, points: number | null): SeedIssue => ({
    key,
    type,
    status,
    summary,
    description: doc(p(summary + '.')),
    reporter: RAJ.alias,
    ...(points === null ? {} : { custom: sp(points) }),
    created: d.jira(-12),
    updated: d.jira(-1),
  });
  return [
    ops('OPS-1', 'Task', 'In Progress', 'Rotate the payment provider API keys', 2),
    ops('OPS-2', 'Bug', 'To Do', 'Settlement report misses refunds issued after 23:00', 3),
    ops('OPS-3', 'Task', 'To Do', 'Alert when the card decline rate doubles', null),
  ];
}

const SEC_ISSUES = (d: ReturnType<typeof dates>): SeedIssue[] => [
  { key: 'SEC-1', type: 'Task', status: 'In Progress', summary: 'PCI DSS review of the card vault', description: doc(p('Confidential: scope and findings of the vault review.')), created: d.jira(-30), updated: d.jira(-2) },
  { key: 'SEC-2', type: 'Task', status: 'To Do', summary: 'Penetration test findings for Q3', description: doc(p('Confidential.')), created: d.jira(-15), updated: d.jira(-15) },
];

const LINKS: SeedLink[] = [
  // DEMO-12 is ranked above its unresolved blocker DEMO-31 (blocked and out of order).
  { type: 'Blocks', source: 'DEMO-31', destination: 'DEMO-12' },
  // A cycle among the top of the backlog: 20 ← 21 ← 22 ← 20.
  { type: 'Blocks', source: 'DEMO-21', destination: 'DEMO-20' },
  { type: 'Blocks', source: 'DEMO-22', destination: 'DEMO-21' },
  { type: 'Blocks', source: 'DEMO-20', destination: 'DEMO-22' },
  // Cross-project blocker.
  { type: 'Blocks', source: 'TEAM-3', destination: 'DEMO-24' },
  // A blocker in SEC, which only Ana can browse: Tom sees the link without the issue.
  { type: 'Blocks', source: 'SEC-1', destination: 'DEMO-25' },
  // A resolved blocker does not count.
  { type: 'Blocks', source: 'DEMO-4', destination: 'DEMO-26' },
  // The open spike answers the question DEMO-34 depends on.
  { type: 'Blocks', source: 'DEMO-33', destination: 'DEMO-34' },
  { type: 'Dependency', source: 'DEMO-50', destination: 'DEMO-49' },
  { type: 'Relates', source: 'TEAM-5', destination: 'DEMO-49' },
  { type: 'Relates', source: 'DEMO-5', destination: 'DEMO-44' },
  { type: 'Duplicate', source: 'DEMO-32', destination: 'DEMO-17' },
];

const COMMON_SCREEN_FIELDS = ['summary', 'description', 'labels', 'priority', 'assignee', FIELD_IDS.flagged];

/** The company-managed DEMO project and its scrum board; the benchmarks' generated site reuses them. */
export const DEMO_PROJECT: SeedData['projects'][number] = {
  id: '10000',
  key: 'DEMO',
  name: 'Payments Web',
  style: 'classic',
  leadAccountId: ANA.accountId,
  screenFieldIds: [...COMMON_SCREEN_FIELDS, FIELD_IDS.storyPoints],
  issueTypeIds: ['10000', '10001', '10002', '10003', '10004', '10005'],
};
export const DEMO_BOARD: SeedData['boards'][number] = {
  id: DEMO_BOARD_ID,
  name: 'DEMO board',
  type: 'scrum',
  projectKey: 'DEMO',
  estimationFieldId: FIELD_IDS.storyPoints,
  estimationFieldName: 'Story Points',
};

export function demoSeed(options: { now?: Date } = {}): SeedData {
  const now = options.now ?? new Date();
  const d = dates(now);
  return {
    cloudId: DEMO_CLOUD_ID,
    siteUrl: DEMO_SITE_URL,
    appAccountId: APP_ACCOUNT_ID,
    users: DEMO_USERS,
    access: DEMO_ACCESS,
    projects: [
      DEMO_PROJECT,
      { id: '10001', key: 'TEAM', name: 'Mobile App', style: 'next-gen', leadAccountId: MEI.accountId, screenFieldIds: [...COMMON_SCREEN_FIELDS, FIELD_IDS.storyPointEstimate], issueTypeIds: ['10016', '10017', '10018'] },
      { id: '10002', key: 'SEC', name: 'Security Review', style: 'classic', leadAccountId: ANA.accountId, screenFieldIds: COMMON_SCREEN_FIELDS, issueTypeIds: ['10002', '10004'] },
      { id: '10003', key: 'OPS', name: 'Payments Operations', style: 'classic', leadAccountId: RAJ.accountId, screenFieldIds: [...COMMON_SCREEN_FIELDS, FIELD_IDS.storyPoints], issueTypeIds: ['10002', '10004'] },
    ],
    boards: [
      DEMO_BOARD,
      { id: TEAM_BOARD_ID, name: 'TEAM board', type: 'simple', projectKey: 'TEAM', estimationFieldId: FIELD_IDS.storyPointEstimate, estimationFieldName: 'Story point estimate' },
      { id: OPS_BOARD_ID, name: 'OPS board', type: 'kanban', projectKey: 'OPS', estimationFieldId: FIELD_IDS.storyPoints, estimationFieldName: 'Story Points' },
    ],
    // Older closed sprints (7–9) for the Health tab: sandbox/seed/sprint-history.ts.
    sprints: [...sprints(now), ...historySprints(now)],
    issues: [...doneIssues(d), ...activeSprintIssues(d), ...nextSprintIssues(d), ...secondSprintIssues(d), ...backlogIssues(d), ...teamIssues(d), ...SEC_ISSUES(d), ...teamSprintIssues(d), ...opsIssues(d), ...historyIssues(now)],
    links: LINKS,
  };
}
