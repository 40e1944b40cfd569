export { extractText } from './extract-text';
export { countWords } from './count-words';
export { splitSentences, pushSentences } from './sentences';
export { findSection, headingMatches, normalizedNames, type Section } from './sections';
export { normalizeHeading } from './normalize-heading';
export { inlineItems } from './inline-items';
export { readGherkin, type Gherkin } from './gherkin';
export { findUserStory, mayHoldUserStory, type UserStory } from './user-story';
export type { TextBlock, TextBlockKind, TextDoc } from './text-doc';
