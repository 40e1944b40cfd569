import {
  judgeAcceptanceCriteria,
  judgeDescription,
  judgeDesignAssets,
  judgeScopeBounds,
  judgeStoryFormat,
  judgeUnknowns,
} from '../../../../src/domain/readiness';
import { extractText } from '../../../../src/domain/text';
import {
  BOLD_HEADING_AC,
  BUG_REPORT,
  GHERKIN_OUTLINE,
  MEDIA_IN_PARAGRAPH,
  READY_STORY,
  SINGLE_SCENARIO,
  SPIKE,
  TASK_LIST_AC,
  doc,
  h,
  p,
  text,
} from '../../../fixtures/text/adf';
import { BUG_WIKI, MARKDOWN_STORY, OPEN_QUESTIONS, PLAIN_WITH_TITLE_LINES, SPIKE_PLAIN, WIKI_STORY } from '../../../fixtures/text/strings';
import { aLink } from '../builders';
import { aContext, words } from './context';
import { defaultSettings } from '../../../../src/domain/settings';

const described = (raw: unknown) => ({ description: extractText(raw) });

describe('description', () => {
  it('passes a real description and says how long it is', () => {
    // Words as Intl.Segmenter counts them: "miro.com" in the link is one word.
    expect(words(judgeDescription(aContext({ issue: described(READY_STORY) })))).toEqual({ status: 'pass', detail: '88 words under 2 headings' });
  });

  it.each([
    ['empty', ''],
    ['NULL', 'NULL'],
  ])('fails an %s description with a fix', (_name, raw) => {
    const judged = judgeDescription(aContext({ issue: described(raw) }));
    expect(judged).toMatchObject({ status: 'fail', detail: 'no description' });
    expect(judged.fix).toContain('at least 15 words');
  });

  it('fails a placeholder and quotes it', () => {
    expect(judgeDescription(aContext({ issue: described('TBD') }))).toMatchObject({ status: 'fail', detail: '1 word; reads as a placeholder: “TBD”' });
  });

  it('warns when a long description still holds a placeholder line', () => {
    const raw = `${'The import job reads the partner file every night and loads the rows. '.repeat(4)}\nTBD`;
    expect(judgeDescription(aContext({ issue: described(raw) }))).toMatchObject({ status: 'warn', detail: '53 words; reads as a placeholder: “TBD”' });
  });

  it('fails a description under the configured minimum', () => {
    expect(judgeDescription(aContext({ issue: described(MEDIA_IN_PARAGRAPH) }))).toMatchObject({ status: 'fail', detail: '9 words — fewer than 15' });
  });

  it('counts the words of a Chinese description instead of failing it as too short', () => {
    const story = '作为一个经常在手机上购物的回头客，我希望购物车里的商品在下次访问时仍然保留，以便我不用重新搜索和挑选之前已经看中的商品，节省时间并且更快完成下单。另外，如果商品缺货，我希望能看到明确的提示。';
    const judged = judgeDescription(aContext({ issue: { ...described(story), summary: '保存购物车' } }));
    expect(judged.status).toBe('pass');
    expect(judged.detail).toMatch(/^\d+ words$/);
  });

  it('warns about a vague summary', () => {
    expect(judgeDescription(aContext({ issue: { ...described(READY_STORY), summary: 'Fix cart' } }))).toMatchObject({
      status: 'warn',
      detail: '88 words; summary “Fix cart” is vague (2 words)',
    });
  });
});

describe('story-format', () => {
  it('passes role, goal and benefit and quotes the sentence', () => {
    const judged = judgeStoryFormat(aContext({ issue: described(WIKI_STORY) }));
    expect(judged.status).toBe('pass');
    expect(judged.detail).toBe('role, goal and benefit: “As a project admin, I want to archive old sprints, so that the board loads faster.”');
  });

  it('accepts the “In order to … as a … I want …” form', () => {
    const raw = 'In order to reduce churn, as a product manager I want a cancellation survey shown before the account closes.';
    expect(judgeStoryFormat(aContext({ issue: described(raw) })).status).toBe('pass');
  });

  it.each([
    ['German', 'Als Kundin möchte ich meine Bestellungen sehen, damit ich Lieferungen planen kann.'],
    ['French', 'En tant que gestionnaire, je veux exporter les données afin de les analyser chaque mois.'],
    ['a persona', 'As Patrick, I want to filter my backlog to a version so I can see what ships.'],
  ])('accepts the %s form', (_name, raw) => {
    expect(words(judgeStoryFormat(aContext({ issue: described(raw) })))).toEqual({ status: 'pass', detail: `role, goal and benefit: “${raw}”` });
  });

  it('finds the story sentence in the summary', () => {
    const judged = judgeStoryFormat(aContext({ issue: { summary: 'As a guest I want to check out without an account so that I buy faster', ...described('') } }));
    expect(judged.status).toBe('pass');
  });

  it('warns without “so that”, quoting the sentence', () => {
    const raw = 'As a shopper, I want to filter by size.';
    expect(judgeStoryFormat(aContext({ issue: described(raw) }))).toMatchObject({
      status: 'warn',
      detail: 'role and goal, but no “so that”: “As a shopper, I want to filter by size.”',
    });
  });

  it('fails without a story sentence', () => {
    expect(judgeStoryFormat(aContext({ issue: described('Add a size filter to the product list page.') }))).toMatchObject({
      status: 'fail',
      fix: 'Start with “As a <role>, I want <goal>, so that <benefit>”',
    });
  });

  describe('for bugs: steps to reproduce and expected vs actual', () => {
    it.each([
      ['ADF', BUG_REPORT],
      ['wiki', BUG_WIKI],
    ])('passes a %s bug report', (_name, raw) => {
      expect(words(judgeStoryFormat(aContext({ issue: { kind: 'bug', ...described(raw) } })))).toEqual({
        status: 'pass',
        detail: 'steps to reproduce, and expected vs actual behaviour',
      });
    });

    it('warns when expected vs actual is missing', () => {
      const raw = 'Steps to reproduce:\n1. Open the report\n2. Click export';
      expect(judgeStoryFormat(aContext({ issue: { kind: 'bug', ...described(raw) } }))).toMatchObject({
        status: 'warn',
        detail: 'steps to reproduce, but no expected vs actual behaviour',
      });
    });

    it('fails a bug that only says it is broken', () => {
      expect(judgeStoryFormat(aContext({ issue: { kind: 'bug', ...described('Export is broken.') } })).status).toBe('fail');
    });
  });

  describe('for spikes: a question to answer', () => {
    it('passes and quotes the question', () => {
      expect(words(judgeStoryFormat(aContext({ issue: { kind: 'spike', ...described(SPIKE) } })))).toEqual({
        status: 'pass',
        detail: 'question to answer: “Can we move image resizing to the CDN without breaking existing thumbnails?”',
      });
    });

    it('accepts an investigate-whether sentence', () => {
      expect(judgeStoryFormat(aContext({ issue: { kind: 'spike', ...described(SPIKE_PLAIN) } })).status).toBe('pass');
    });

    it('fails a spike without a question', () => {
      expect(judgeStoryFormat(aContext({ issue: { kind: 'spike', summary: 'CDN resizing', ...described('Look at the CDN.') } })).status).toBe('fail');
    });
  });
});

describe('acceptance-criteria', () => {
  const judge = (raw: unknown, extra = {}) => judgeAcceptanceCriteria(aContext({ issue: { ...described(raw), ...extra } }));

  it('counts Given/When/Then scenarios', () => {
    expect(words(judge(READY_STORY))).toEqual({ status: 'pass', detail: '2 Given/When/Then scenarios' });
  });

  it('warns on a single scenario: no edge case', () => {
    expect(words(judge(SINGLE_SCENARIO))).toEqual({
      status: 'warn',
      detail: '1 scenario only — no edge case',
      fix: 'Add a scenario for an edge case or an error path',
    });
  });

  it('counts a Scenario Outline with its Examples rows', () => {
    expect(words(judge(GHERKIN_OUTLINE))).toEqual({ status: 'pass', detail: '1 scenario, including a Scenario Outline with 3 examples' });
  });

  it('reads items under an AC heading (bold paragraph)', () => {
    expect(words(judge(BOLD_HEADING_AC))).toEqual({ status: 'pass', detail: 'an ‘Acceptance Criteria’ heading with 4 items' });
  });

  it('reads items under a bare "Acceptance criteria" line in plain text', () => {
    expect(words(judge(PLAIN_WITH_TITLE_LINES))).toEqual({ status: 'pass', detail: 'an ‘Acceptance criteria’ heading with 2 items' });
  });

  it('reads an ADF task list', () => {
    expect(words(judge(TASK_LIST_AC))).toEqual({ status: 'pass', detail: 'ADF task list with 3 items' });
  });

  it('reads a wiki checklist under a heading', () => {
    expect(words(judge(WIKI_STORY))).toEqual({ status: 'pass', detail: 'an ‘Acceptance Criteria’ heading with 3 items' });
  });

  it('reads a markdown checklist under a heading', () => {
    expect(judge(MARKDOWN_STORY).detail).toBe('an ‘Acceptance criteria’ heading with 2 items');
  });

  it.each([
    ['bullets on the label\'s line', 'Backend support for remote agents. Acceptance criteria: * 100 remote agents can connect * 100 builds can run', 'an ‘Acceptance criteria’ label with 2 items'],
    ['numbered items after "AC:"', 'AC: 1. export includes email 2. export of 10,000 users takes under a minute', 'an ‘AC’ label with 2 items'],
    ['"A/C" and items on the next lines', 'A/C:\n1) export includes email\n2) deleted users are marked', 'an ‘A/C’ heading with 2 items'],
    ['"DoD:" with "-" items', 'DoD: - docs updated - release notes written - demo recorded', 'a ‘DoD’ label with 3 items'],
    ['"Definition of done" as a heading', 'h2. Definition of done\n# reviewed\n# deployed to staging', 'a ‘Definition of done’ heading with 2 items'],
    ['"Conditions of satisfaction" as COS', 'COS: - show the warning - link to the filter settings', 'a ‘COS’ label with 2 items'],
    ['a wiki table under the heading', 'h2. Acceptance criteria\n||Given||When||Then||\n|a cart|I pay|a receipt|\n|no cart|I pay|an error|', 'an ‘Acceptance criteria’ heading with 2 items'],
    ['wiki lists with sub-items', 'h2. Acceptance criteria\n* export works\n** for admins\n* import works', 'an ‘Acceptance criteria’ heading with 2 items'],
  ])('reads AC written as %s', (_name, raw, detail) => {
    expect(judge(raw)).toMatchObject({ status: 'pass', detail });
  });

  it('reads German Gherkin', () => {
    const raw = [
      'Szenario: Warenkorb bleibt erhalten',
      'Angenommen ein Kunde hat Artikel im Warenkorb',
      'Wenn er am nächsten Tag wiederkommt',
      'Dann sind die Artikel noch da',
      'Szenario: Artikel ausverkauft',
      'Angenommen ein Artikel im Warenkorb ist ausverkauft',
      'Wenn der Kunde den Warenkorb öffnet',
      'Dann ist der Artikel als nicht verfügbar markiert',
    ].join('\n');
    expect(words(judge(raw))).toEqual({ status: 'pass', detail: '2 Given/When/Then scenarios' });
  });

  it('warns on one German scenario: no edge case', () => {
    expect(judge('Angenommen ein Kunde hat Artikel im Warenkorb, wenn er wiederkommt, dann sind sie noch da.')).toMatchObject({
      status: 'warn',
      detail: '1 scenario only — no edge case',
    });
  });

  it('does not take a passing mention of acceptance criteria for AC', () => {
    expect(judge('The acceptance criteria are still unclear; we will talk to the PO.').status).toBe('fail');
  });

  it('fails an AC heading with nothing under it', () => {
    expect(judge(doc(p(text('Some words about the story.')), h(2, 'Acceptance criteria')))).toMatchObject({
      status: 'fail',
      detail: 'an ‘Acceptance criteria’ heading with nothing under it',
    });
  });

  it('prefers the AC field when the team uses one', () => {
    const field = extractText('Given a paid order, when it ships, then the buyer gets an email.\nGiven a cancelled order, when it would ship, then nothing is sent.');
    expect(words(judge('', { acceptanceField: field }))).toEqual({ status: 'pass', detail: 'AC field: 2 Given/When/Then scenarios' });
  });

  it('quotes a one-line AC field and warns', () => {
    const field = extractText('Export works');
    expect(judge('', { acceptanceField: field })).toMatchObject({ status: 'warn', detail: 'AC field: “Export works” — 1 item only, no edge case' });
  });

  it('falls back to the description when the AC field is empty', () => {
    expect(judge(TASK_LIST_AC, { acceptanceField: extractText(null) }).detail).toBe('ADF task list with 3 items');
  });

  it('fails without any AC and says how to add them', () => {
    expect(words(judge('A plain description with no criteria at all, just prose about the feature.'))).toEqual({
      status: 'fail',
      detail: 'no acceptance criteria found',
      fix: 'Add acceptance criteria: Given/When/Then scenarios or a checklist under an ‘Acceptance criteria’ heading',
    });
  });

  it('uses the AC headings from settings', () => {
    const raw = 'Some prose.\nh3. Done when\n* one\n* two';
    const ctx = aContext({ issue: described(raw) });
    expect(judgeAcceptanceCriteria(ctx).status).toBe('fail');
    ctx.settings.text.acHeadings = ['done when'];
    expect(judgeAcceptanceCriteria(ctx).detail).toBe('a ‘Done when’ heading with 2 items');
  });
});

describe('scope-bounds', () => {
  it('passes an Out of scope section and quotes it', () => {
    expect(words(judgeScopeBounds(aContext({ issue: described(READY_STORY) })))).toEqual({
      status: 'pass',
      detail: 'an ‘Out of scope’ section: “Sharing carts between accounts”',
    });
  });

  it('passes an inline "not in scope" sentence', () => {
    const raw = 'Export users to CSV for audits. Scheduling exports is not in scope for this story.';
    expect(judgeScopeBounds(aContext({ issue: described(raw) })).status).toBe('pass');
  });

  it('only warns when missing (guide, not gate)', () => {
    expect(judgeScopeBounds(aContext({ issue: described(TASK_LIST_AC) }))).toMatchObject({ status: 'warn', detail: 'no ‘Out of scope’ or ‘Non-goals’ section' });
  });

  it('for spikes: passes a timebox, fails without timebox or outcome', () => {
    expect(words(judgeScopeBounds(aContext({ issue: { kind: 'spike', ...described(SPIKE) } })))).toEqual({
      status: 'pass',
      detail: 'timebox: “Timebox: 2 days.”',
    });
    expect(judgeScopeBounds(aContext({ issue: { kind: 'spike', summary: 'CDN', ...described('Can we resize on the CDN?') } })).status).toBe('fail');
  });
});

describe('unknowns', () => {
  it('passes when nothing is open', () => {
    expect(judgeUnknowns(aContext({ issue: described(READY_STORY) })).status).toBe('pass');
  });

  it('fails on several open questions and quotes two of them', () => {
    expect(judgeUnknowns(aContext({ issue: described(OPEN_QUESTIONS) }))).toMatchObject({
      status: 'fail',
      detail: '3 open unknowns: “Which credit limit applies to new customers?”; “Currency handling is TBD.” and 1 more',
    });
  });

  it('only warns on a single open question', () => {
    expect(judgeUnknowns(aContext({ issue: described('Export users to CSV. Should we include deleted users?') }))).toMatchObject({
      status: 'warn',
      detail: '1 open unknown: “Should we include deleted users?”',
    });
  });

  it('fails on a needs-spike label and on an unresolved linked spike', () => {
    const judged = judgeUnknowns(
      aContext({
        issue: {
          labels: ['needs-spike'],
          links: [aLink({ direction: 'other', key: 'DEMO-7', issueKind: 'spike', statusName: 'To Do', statusCategory: 'new' })],
        },
      }),
    );
    expect(judged).toMatchObject({ status: 'fail', detail: '2 open unknowns: label “needs-spike”; unresolved spike DEMO-7 (To Do)' });
  });

  it('ignores a linked spike that is done', () => {
    const done = aLink({ direction: 'other', issueKind: 'spike', statusName: 'Done', statusCategory: 'done' });
    expect(judgeUnknowns(aContext({ issue: { links: [done] } })).status).toBe('pass');
  });

  it('reads unknowns from the AC field too', () => {
    expect(judgeUnknowns(aContext({ issue: { acceptanceField: extractText('Limits: to be decided with finance') } })).status).toBe('warn');
  });
});

describe('design-assets', () => {
  it('passes on a Figma link and a Miro card', () => {
    expect(words(judgeDesignAssets(aContext({ issue: described(READY_STORY) })))).toEqual({ status: 'pass', detail: 'Figma and Miro links' });
  });

  it('passes on attachments and embedded images', () => {
    expect(words(judgeDesignAssets(aContext({ issue: { attachmentCount: 2, ...described(MEDIA_IN_PARAGRAPH) } })))).toEqual({
      status: 'pass',
      detail: '2 attachments, 1 image in the description',
    });
  });

  it('warns without any', () => {
    expect(judgeDesignAssets(aContext({ issue: described('Plain text, with a link to https://example.com/spec only.') }))).toMatchObject({
      status: 'warn',
      detail: 'no attachments, images or design links',
    });
  });

  it('points at the ‘Design reviewed’ tick only when that manual item is switched on (it is off by default)', () => {
    const plain = described('Plain text, with a link to https://example.com/spec only.');
    const byDefault = judgeDesignAssets(aContext({ issue: plain }));
    expect(byDefault.fix).toEqual(expect.stringMatching(/\S/));
    expect(byDefault.fix).not.toContain('tick');
    const settings = defaultSettings();
    settings.manualItems = settings.manualItems.map((item) => (item.id === 'design-reviewed' ? { ...item, enabled: true, label: 'Design reviewed with UX' } : item));
    expect(judgeDesignAssets(aContext({ issue: plain, settings })).fix).toContain('tick ‘Design reviewed with UX’ if none is needed');
  });
});

describe('unknowns — false positives', () => {
  it('does not treat an AC about “unknown plans” as an open unknown', () => {
    expect(judgeUnknowns(aContext({ issue: described(BOLD_HEADING_AC) })).status).toBe('pass');
  });
});
