/**
 * Draws the labelled sample: `npx tsx eval/sample-stories.ts [out.txt]`.
 * Per project, with a fixed seed: 12 stories at random (the base rate), then up to 9 more from
 * those a broad keyword net catches, then up to 8 from a narrower net (see RICH_NET) (AC and story-form words in any sense: "accept", "given",
 * "as a", "so that", …). Both detectors are rare in this data (well under 5 % of stories), so a
 * random sample alone would hold too few positives to measure precision or recall; the net is
 * much wider than either detector, and the figures are reported per stratum as well.
 * Writes each drawn story (key, stratum, title, description) to the given file for reading.
 * Descriptions that are empty or NULL are skipped; duplicate texts (jirasoftware lists each
 * story twice, as GHS-n and JSW-n) are drawn once.
 */
import { writeFileSync } from 'node:fs';
import { hasDescription, readStories, type Story } from './dataset';

export const SEED = 20_251_201;
export const RANDOM_PER_PROJECT = 12;
export const NET_PER_PROJECT = 9;
export const RICH_PER_PROJECT = 8;

/** Wider than any detector on purpose: it only decides which stories get read and labelled. */
export const BROAD_NET =
  /accept|criteri|\bgiven\b|scenario|\bas an?\s|so that|in order to|\bi (?:want|would like|need)|\bwe (?:want|would like|need)|definition of done|\bdod\b|\ba\/c\b|\bac\b|user stor/i;

/**
 * Narrower, for a third stratum drawn after the first two: the words AC and story sentences are
 * written with. The first 336 stories held only 11 with AC and 13 with a story sentence, too few
 * to measure either detector; this stratum adds positives (and near misses) to read.
 */
export const RICH_NET =
  /acceptance|criteria|\bcos\b|definition of done|\bdod\b|\bgiven\b|scenario|\bas an? [\w\s-]{1,40}?,? (?:i|we)\b|so that|so i can|in order to/i;

/** mulberry32: a small seeded PRNG, so the draw is the same on every machine. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export interface Drawn {
  story: Story;
  stratum: 'random' | 'net' | 'rich';
}

export function drawSample(stories: readonly Story[]): Drawn[] {
  const rng = createRng(SEED);
  const byProject = new Map<string, Story[]>();
  const seen = new Set<string>();
  for (const story of stories) {
    const text = `${story.project}\u0000${story.title}\u0000${story.description}`;
    if (!hasDescription(story) || seen.has(text)) continue;
    seen.add(text);
    byProject.set(story.project, [...(byProject.get(story.project) ?? []), story]);
  }
  const drawn: Drawn[] = [];
  for (const project of [...byProject.keys()].sort()) {
    const order = shuffled(byProject.get(project) ?? [], rng);
    const random = order.slice(0, RANDOM_PER_PROJECT);
    const net = order
      .slice(RANDOM_PER_PROJECT)
      .filter((story) => BROAD_NET.test(`${story.title}\n${story.description}`))
      .slice(0, NET_PER_PROJECT);
    const taken = new Set([...random, ...net]);
    const rich = order
      .filter((story) => !taken.has(story) && RICH_NET.test(`${story.title}\n${story.description}`))
      .slice(0, RICH_PER_PROJECT);
    drawn.push(...random.map((story) => ({ story, stratum: 'random' as const })));
    drawn.push(...net.map((story) => ({ story, stratum: 'net' as const })));
    drawn.push(...rich.map((story) => ({ story, stratum: 'rich' as const })));
  }
  return drawn;
}

/**
 * Held out: drawn after the detectors were tuned on the first sample, to check them on text
 * they were not shaped by. 40 stories the narrow net catches, from all projects, none of them
 * in the main sample, in an order shuffled with another seed.
 */
export const HELD_OUT_SEED = 777;
export const HELD_OUT_SIZE = 40;

export function drawHeldOut(stories: readonly Story[]): Story[] {
  const drawn = new Set(drawSample(stories).map((d) => d.story.key));
  const seen = new Set<string>();
  const pool = stories.filter((story) => {
    if (!hasDescription(story) || drawn.has(story.key) || !RICH_NET.test(`${story.title}\n${story.description}`) || seen.has(story.description)) return false;
    seen.add(story.description);
    return true;
  });
  return shuffled(pool, createRng(HELD_OUT_SEED)).slice(0, HELD_OUT_SIZE);
}

if (require.main === module) {
  const drawn = drawSample(readStories());
  const out = process.argv[2];
  const text = drawn.map(({ story, stratum }) => `### ${story.key} [${stratum}] ${story.title}\n${story.description}\n`).join('\n');
  if (out !== undefined) writeFileSync(out, text);
  const count = (stratum: Drawn['stratum']) => drawn.filter((d) => d.stratum === stratum).length;
  console.log(`${drawn.length} stories (${count('random')} random, ${count('net')} from the broad net, ${count('rich')} from the narrow one)`);
}
