export { extractText, emptyTextDoc } from './extract-text';
export { countWords } from './count-words';
export { sectionsByHeading, findSections, headingMatches, normalizeHeading, type TextSection } from './sections';
