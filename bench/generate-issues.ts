/**
 * Deterministic generator of realistic Jira issues for the benchmarks: ADF descriptions of
 * about 300 words with headings, Gherkin scenarios, lists and links, a mix of stories, bugs,
 * tasks and spikes, and the odd shapes real sites hold (malformed ADF, wiki markup, "NULL").
 * Seeded PRNG, so every run judges the same backlog.
 */
import { FIELD_IDS } from '../sandbox/jira/catalog';
import type { Json, JsonObject } from '../sandbox/jira/model';
import { bullets, code, doc, h, inlineCard, link, media, ordered, p, scenario, strong, tasks } from '../sandbox/seed/adf';

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough to pick words. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

export type IssueTypeName = 'Story' | 'Bug' | 'Task' | 'Spike';
/** ready: meets the default DoR; partial: some gaps; vague: little text; malformed: odd shapes. */
export type IssueQuality = 'ready' | 'partial' | 'vague' | 'malformed';

const SENTENCES = [
  'Returning shoppers abandon the payment step when they have to type their card number again on a phone.',
  'The payment provider already stores the card token, so we only need to show the masked details it returns.',
  'Support receives around forty tickets a week from shoppers who cannot tell whether their refund was started.',
  'Finance asked for the settlement report to match the provider export line by line before the quarter closes.',
  'The current checkout sends three requests to the risk service, and each one adds latency on slow connections.',
  'Product analytics shows that most drop-outs happen between the delivery options and the payment form.',
  'Legal confirmed that the new wording must appear on the receipt, the confirmation page and the email footer.',
  'The mobile team needs the same endpoint, so the response should not contain any web-only formatting.',
  'We agreed with the design team to reuse the existing card component instead of building a new one.',
  'Strong customer authentication must still be triggered for payments above the exemption threshold.',
  'Shoppers in Germany and France expect local number formats and the familiar payment brands first.',
  'Error messages from the provider are technical, so we translate the known codes into plain sentences.',
  'The fraud score arrives asynchronously, which means the order page has to poll or listen for an update.',
  'Customer service agents need to see the same status the shopper sees, without opening the provider console.',
  'Accessibility review found that the focus order skips the security code and the error summary is not announced.',
  'The feature flag lets us roll out to five percent of traffic first and compare conversion for two weeks.',
  'Old orders created before the migration have no token, so they must keep the current behaviour.',
  'Monitoring should alert the on-call engineer when the decline rate rises above the usual daily band.',
  'We keep the audit trail for seven years because card scheme rules require it for disputed payments.',
  'The API returns amounts in minor units, so the front end must format them with the currency exponent.',
] as const;

const STORY_PERSONAS = ['a returning shopper', 'a support agent', 'a finance analyst', 'the product owner', 'a first-time shopper', 'the risk team'] as const;
const STORY_GOALS = [
  ['pick one of my saved cards at checkout', 'I can pay without typing my card number again'],
  ['see the status of my refund', 'I do not have to contact support'],
  ['export the daily settlement report', 'the books close on time'],
  ['choose PayPal without leaving the checkout', 'paying takes one click'],
  ['see why a payment was declined', 'I know what to try next'],
  ['configure a fraud threshold per market', 'we can be stricter where fraud is higher'],
] as const;
const FEATURES = ['saved cards', 'refund status', 'settlement export', 'PayPal checkout', 'decline reasons', 'fraud thresholds', 'receipt email', 'currency display', 'wallet buttons', 'order history'] as const;
const VERBS = ['Show', 'Support', 'Export', 'Fix', 'Localise', 'Validate', 'Track', 'Simplify', 'Cache', 'Audit'] as const;
const FIGMA = 'https://www.figma.com/file/b3nCh/Checkout?node-id=';

const GIVEN = ['I am signed in with two saved cards', 'my refund was requested yesterday', 'the DE threshold is 70', 'the provider is slow to answer', 'I chose PayPal', 'my card expired last month'] as const;
const WHEN = ['I open the payment step', 'I open the order', 'a payment scores 75', 'I press Pay', 'I approve the payment in the pop-up', 'I reload the page'] as const;
const THEN = ['I see both cards with brand and last four digits', 'I see "Refund in progress" and the expected date', 'the payment is sent to manual review', 'I see a clear message and can retry', 'I land on the confirmation page', 'the expired card cannot be selected'] as const;

/** A paragraph of `words` words or a little more, built from whole sentences. */
function prose(rng: Rng, words: number): JsonObject[] {
  const paragraphs: JsonObject[] = [];
  let sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence = pick(rng, SENTENCES);
    sentences.push(sentence);
    count += sentence.split(' ').length;
    if (sentences.length === 3) {
      paragraphs.push(p(sentences.join(' ')));
      sentences = [];
    }
  }
  if (sentences.length > 0) paragraphs.push(p(sentences.join(' ')));
  return paragraphs;
}

function gherkin(rng: Rng, index: number, asCodeBlock: boolean): JsonObject[] {
  const steps: [string, string][] = [
    ['Given', pick(rng, GIVEN)],
    ['When', pick(rng, WHEN)],
    ['Then', pick(rng, THEN)],
    ['And', pick(rng, THEN)],
  ];
  if (asCodeBlock) return [code('gherkin', `Scenario: case ${index}\n${steps.map(([keyword, text]) => `  ${keyword} ${text}`).join('\n')}`)];
  return scenario(`Case ${index}: ${pick(rng, FEATURES)}`, steps);
}

function storyDescription(rng: Rng, quality: IssueQuality): Json {
  const [goal, benefit] = pick(rng, STORY_GOALS);
  const content: JsonObject[] = [p(`As ${pick(rng, STORY_PERSONAS)}, I want to ${goal}, so that ${benefit}.`), h(3, 'Context'), ...prose(rng, quality === 'ready' ? 190 : 230)];
  const scenarios = quality === 'ready' ? 2 + Math.floor(rng() * 2) : Math.floor(rng() * 2);
  if (scenarios > 0) {
    content.push(h(3, 'Acceptance criteria'));
    const asCode = rng() < 0.3;
    for (let i = 1; i <= scenarios; i++) content.push(...gherkin(rng, i, asCode));
  }
  if (quality === 'ready' || rng() < 0.3) {
    content.push(h(3, 'Out of scope'), bullets([`Changing ${pick(rng, FEATURES)} in the mobile app.`], [`Reporting on ${pick(rng, FEATURES)}.`]));
  }
  if (quality === 'ready' || rng() < 0.4) content.push(h(3, 'Design'), p(rng() < 0.5 ? inlineCard(`${FIGMA}${Math.floor(rng() * 900)}`) : link('Figma frame', `${FIGMA}${Math.floor(rng() * 900)}`)));
  content.push(h(3, 'Notes'), ordered('Reuse the existing component.', 'Keep the API response backwards compatible.', 'Add the events to the analytics plan.'));
  return doc(...content);
}

function bugDescription(rng: Rng, quality: IssueQuality): Json {
  const content: JsonObject[] = [p(pick(rng, SENTENCES)), ...prose(rng, 170)];
  if (quality !== 'vague') {
    content.push(h(3, 'Steps to reproduce'), ordered('Open the checkout on a phone', `Go to ${pick(rng, FEATURES)}`, 'Press Pay twice quickly'));
    content.push(h(3, 'Expected'), p(pick(rng, THEN) + '.'), h(3, 'Actual'), p('The page shows a spinner and then a generic error.'));
  }
  content.push(h(3, 'Environment'), bullets(['Safari 17 on iOS'], ['Chrome 126 on Android'], [strong('Provider: '), 'sandbox']), ...prose(rng, 60));
  return doc(...content);
}

function taskDescription(rng: Rng, quality: IssueQuality): Json {
  const content: JsonObject[] = [...prose(rng, 200)];
  if (quality !== 'vague') content.push(h(3, 'Checklist'), tasks(['Update the configuration', rng() < 0.5], ['Deploy to staging', false], ['Tell support', false]));
  content.push(h(3, 'Links'), p(link('Runbook', 'https://wiki.example.com/payments/runbook'), ' and ', link('dashboard', 'https://grafana.example.com/d/pay')), ...prose(rng, 80));
  return doc(...content);
}

function spikeDescription(rng: Rng, quality: IssueQuality): Json {
  const content: JsonObject[] = [h(3, 'Question'), p(`Which approach to ${pick(rng, FEATURES)} keeps latency under 300 ms?`), ...prose(rng, 240)];
  if (quality !== 'vague') content.push(h(3, 'Timebox'), p('Two days. Outcome: a short decision record and a follow-up story.'));
  content.push(h(3, 'Options'), bullets(['Poll the provider'], ['Listen to webhooks'], ['Cache the last answer']));
  return doc(...content);
}

/** The shapes that break naive readers; extraction must survive all of them. */
function malformedDescription(rng: Rng): Json {
  switch (Math.floor(rng() * 6)) {
    case 0: // media inside a paragraph, text node without text
      return doc(p('See screenshot '), { type: 'paragraph', content: [media('bad-1', 'screenshot'), { type: 'text' }] }, ...prose(rng, 200));
    case 1: // unknown nodes and content that is not an array
      return { type: 'doc', version: 1, content: [{ type: 'fancyWidget', attrs: { x: 1 } }, { type: 'paragraph', content: 'not an array' }, ...prose(rng, 250)] };
    case 2:
      return `h3. Summary\n${pick(rng, SENTENCES)}\n\nh3. Acceptance criteria\n* Given ${pick(rng, GIVEN)}\n* When ${pick(rng, WHEN)}\n* Then ${pick(rng, THEN)}\n\n[Design|${FIGMA}1] (/) {code}curl -X POST /pay{code}`;
    case 3:
      return 'NULL';
    case 4:
      return null;
    default: // an importer stored the ADF document as a JSON string
      return JSON.stringify(doc(...prose(rng, 200)));
  }
}

export function description({ rng, type, quality }: { rng: Rng; type: IssueTypeName; quality: IssueQuality }): Json {
  if (quality === 'malformed') return malformedDescription(rng);
  if (quality === 'vague' && rng() < 0.5) return doc(p('TBD'));
  switch (type) {
    case 'Story':
      return storyDescription(rng, quality);
    case 'Bug':
      return bugDescription(rng, quality);
    case 'Task':
      return taskDescription(rng, quality);
    case 'Spike':
      return spikeDescription(rng, quality);
  }
}

export function issueTypeFor(rng: Rng): IssueTypeName {
  const roll = rng();
  return roll < 0.6 ? 'Story' : roll < 0.85 ? 'Bug' : roll < 0.95 ? 'Task' : 'Spike';
}

export function qualityFor(rng: Rng, mix: { ready: number; malformed: number } = { ready: 0.3, malformed: 0.1 }): IssueQuality {
  const roll = rng();
  if (roll < mix.ready) return 'ready';
  if (roll < mix.ready + mix.malformed) return 'malformed';
  return roll < mix.ready + mix.malformed + 0.15 ? 'vague' : 'partial';
}

const FIBONACCI = [1, 2, 3, 5, 8, 13] as const;

/** Story points as real sites hold them: mostly numbers, some missing, a few strings. */
export function estimateFor(rng: Rng, quality: IssueQuality): Json {
  if (quality === 'vague') return rng() < 0.7 ? null : 21;
  const points = pick(rng, FIBONACCI);
  if (quality === 'malformed') return rng() < 0.5 ? `${points}.0` : null;
  return quality === 'ready' ? Math.min(points, 8) : rng() < 0.2 ? null : points;
}

export function summaryFor(rng: Rng): string {
  return `${pick(rng, VERBS)} ${pick(rng, FEATURES)} for ${pick(rng, ['web', 'mobile', 'support', 'finance', 'EU markets'])}`;
}

/** How many words a generated description holds (for the README's claim of ~300 words). */
export function wordCount(value: unknown): number {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean).length;
  if (typeof value !== 'object' || value === null) return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + wordCount(item), 0);
  const text: unknown = Reflect.get(value, 'text');
  return wordCount(typeof text === 'string' ? text : null) + wordCount(Reflect.get(value, 'content'));
}

const TYPE_IDS: Record<IssueTypeName, { id: string; hierarchyLevel: number }> = {
  Story: { id: '10001', hierarchyLevel: 0 },
  Bug: { id: '10004', hierarchyLevel: 0 },
  Task: { id: '10002', hierarchyLevel: 0 },
  Spike: { id: '10005', hierarchyLevel: 0 },
};

/**
 * One issue as /rest/api/3/search/jql returns it with the app's explicit fields: the input of
 * the normalizer (src/jira/normalize-issue.ts) in the throughput benchmark.
 */
export function generateRestIssue({ rng, index }: { rng: Rng; index: number }): JsonObject {
  const type = issueTypeFor(rng);
  const quality = qualityFor(rng);
  const key = `BEN-${index + 1}`;
  const links: JsonObject[] =
    rng() < 0.15
      ? [
          {
            id: String(20000 + index),
            type: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
            inwardIssue: {
              id: String(90000 + index),
              key: `BEN-${index + 1000}`,
              fields: { summary: summaryFor(rng), status: { name: rng() < 0.5 ? 'Done' : 'In Progress', statusCategory: { key: rng() < 0.5 ? 'done' : 'indeterminate' } }, issuetype: { name: 'Story', hierarchyLevel: 0, subtask: false } },
            },
          },
        ]
      : [];
  if (quality === 'malformed' && rng() < 0.3) links.push({ id: String(30000 + index), type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' } });
  return {
    id: String(100000 + index),
    key,
    fields: {
      summary: quality === 'vague' ? 'Improve checkout' : summaryFor(rng),
      issuetype: { id: TYPE_IDS[type].id, name: type, hierarchyLevel: TYPE_IDS[type].hierarchyLevel, subtask: false },
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      project: { id: '10500', key: 'BEN' },
      description: description({ rng, type, quality }),
      labels: rng() < 0.2 ? ['needs-spike'] : ['checkout'],
      attachment: rng() < 0.2 ? [{ id: '1', filename: 'flow.png', mimeType: 'image/png' }] : [],
      issuelinks: links,
      created: '2025-05-01T09:00:00.000+0000',
      updated: rng() < 0.1 ? '2025-01-01T09:00:00.000+0000' : '2025-06-01T09:00:00.000+0000',
      [FIELD_IDS.storyPoints]: estimateFor(rng, quality),
      [FIELD_IDS.sprint]: null,
      [FIELD_IDS.rank]: `0|i${String(index).padStart(5, '0')}:`,
      [FIELD_IDS.flagged]: null,
    },
  };
}
