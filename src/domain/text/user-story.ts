import { splitSentences } from './sentences';

/** A role–goal sentence ("As a …, I want …"), and whether it gives the benefit ("so that …"). */
export interface UserStory {
  sentence: string;
  benefit: boolean;
}

/**
 * One language's story form: a role, then a goal after it, and a benefit anywhere in the
 * sentence ("In order to …, as a … I want …" puts it first). The role patterns need the goal
 * after them, so "as a result" or "such as a" alone never make a story.
 */
interface StoryForm {
  role: RegExp;
  goal: RegExp;
  benefit: RegExp;
  /** A sentence right after the story that starts with this gives its benefit ("So that …"). */
  benefitStart: RegExp;
}

const FORMS: readonly StoryForm[] = [
  {
    // "As a support lead", "As an admin", "As the PO"; "As Patrick" (a persona) opens a clause.
    role: /(?<![\p{L}\p{N}])[Aa][Ss]\s+(?:(?:[Aa][Nn]?|[Tt]he|[Oo]ne)\s+(?!(?:result|workaround|consequence|side\s+effect|whole|rule|default|fallback|example|reminder|matter|bonus|precaution|start(?:ing\s+point)?|first\s+step|temporary|part|minimum)\b)[\p{L}\p{N}]|(?<=(?:^|[,;:(]\s*)[Aa][Ss]\s+)\p{Lu})/u,
    goal: /(?<![\p{L}\p{N}])(?:i|we)\s*(?:['’]d|\s+would)\s+(?:like|love|prefer)\b|(?<![\p{L}\p{N}])(?:i|we)\s+(?:want|need|wish|can|should\s+be\s+able|must\s+be\s+able|am\s+able|expect)\b/iu,
    benefit: /\bso\s+(?:that|as\s+to|i|we|you|they|it|he|she|the|my|our|their|when|users?)\b|\bin\s+order\s+(?:to|that)\b|\bbecause\b|\bsuch\s+that\b/i,
    benefitStart: /^(?:so\b|in\s+order\s+to\b|because\b)/i,
  },
  {
    // German: "Als Kundin möchte ich …, damit …" / "…, um … zu …".
    role: /(?<![\p{L}\p{N}])als\s+\p{L}/iu,
    goal: /(?<![\p{L}\p{N}])(?:(?:möchte|will|würde|wünsche|brauche|muss|kann)\s+ich|ich\s+(?:möchte|will|würde\s+gerne|brauche|muss|kann))(?![\p{L}\p{N}])/iu,
    benefit: /(?<![\p{L}\p{N}])(?:damit|sodass|so\s+dass|um\s+[^.!?]*?\szu)(?![\p{L}\p{N}])/iu,
    benefitStart: /^(?:damit|sodass|so\s+dass|um)(?![\p{L}\p{N}])/iu,
  },
  {
    // French: "En tant que gestionnaire, je veux … afin de …".
    role: /(?<![\p{L}\p{N}])en\s+tant\s+qu(?:e\s|['’])/iu,
    goal: /(?<![\p{L}\p{N}])(?:je\s+(?:veux|voudrais|souhaite|dois\s+pouvoir|peux|désire)|j['’]aimerais)(?![\p{L}\p{N}])/iu,
    benefit: /(?<![\p{L}\p{N}])(?:afin\s+(?:de|d['’]|que|qu['’])|pour\s+(?:que|qu['’]|pouvoir)|de\s+sorte\s+que|pour)(?![\p{L}\p{N}])/iu,
    benefitStart: /^(?:afin|pour)(?![\p{L}\p{N}])/iu,
  },
  {
    // Spanish and Portuguese: "Como usuario, quiero … para …" / "Como cliente, eu quero … para que …".
    role: /(?<![\p{L}\p{N}])como\s+(?:(?:un|una|el|la|um|uma|o|a)\s+)?\p{L}/iu,
    goal: /(?<![\p{L}\p{N}])(?:(?:yo\s+|eu\s+)?(?:quiero|quero|necesito|preciso|deseo|desejo)|me\s+gustar[ií]a|gostaria)(?![\p{L}\p{N}])/iu,
    benefit: /(?<![\p{L}\p{N}])(?:para|con\s+el\s+fin\s+de|a\s+fim\s+de|de\s+modo\s+que)(?![\p{L}\p{N}])/iu,
    benefitStart: /^(?:para|a\s+fim|con\s+el\s+fin)(?![\p{L}\p{N}])/iu,
  },
  {
    // Dutch: "Als beheerder wil ik …, zodat …".
    role: /(?<![\p{L}\p{N}])als\s+\p{L}/iu,
    goal: /(?<![\p{L}\p{N}])(?:(?:wil|zou|moet|kan)\s+ik|ik\s+(?:wil|zou\s+graag))(?![\p{L}\p{N}])/iu,
    benefit: /(?<![\p{L}\p{N}])(?:zodat|om\s+[^.!?]*?\ste)(?![\p{L}\p{N}])/iu,
    benefitStart: /^(?:zodat|om)(?![\p{L}\p{N}])/iu,
  },
];

/**
 * What every goal above holds: "I/we" with a modal, or the first person of the other languages.
 * Far rarer in prose than "as", so it is looked for first, with one quick pass over the text.
 */
const ANY_GOAL = /\b(?:i|we)(?:['’]d|\s+(?:would|want|need|wish|can|should|must|am|expect))\b|\b(?:ich|je|j['’]|ik|quiero|quero|necesito|preciso|deseo|desejo|gustar[ií]a|gostaria)(?![a-z])/i;

/**
 * The goal follows its role closely ("As a data service designer / administrator, I want"); a
 * goal far after "as a user" belongs to another sentence that lost its full stop.
 */
const MAX_ROLE_TO_GOAL = 100;

/** The form whose role comes before its goal in `text`, if any. */
function formOf(text: string): StoryForm | null {
  if (!ANY_GOAL.test(text)) return null;
  for (const form of FORMS) {
    const role = form.role.exec(text);
    if (role !== null && form.goal.test(text.slice(role.index, role.index + MAX_ROLE_TO_GOAL))) return form;
  }
  return null;
}

/** False when `text` cannot hold a story sentence: one quick look at a whole description rules most out. */
export function mayHoldUserStory(text: string): boolean {
  return ANY_GOAL.test(text);
}

/**
 * The first role–goal sentence among `texts` (a summary, then the description's blocks), each
 * text split into sentences only when it holds a role and a goal at all.
 */
export function findUserStory(texts: readonly string[]): UserStory | null {
  for (const text of texts) {
    if (formOf(text) === null) continue;
    const sentences = splitSentences(text);
    for (let i = 0; i < sentences.length; i += 1) {
      const sentence = sentences[i] ?? '';
      const form = formOf(sentence);
      if (form === null) continue;
      const next = sentences[i + 1];
      return { sentence, benefit: form.benefit.test(sentence) || (next !== undefined && form.benefitStart.test(next)) };
    }
  }
  return null;
}
