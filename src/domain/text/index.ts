export { extractText } from './extract-text';
export { countWords } from './count-words';
export { sectionsByHeading, findSections, firstSection, headingMatches, normalizeHeading, type TextSection } from './sections';
export { docLines, type DocLines } from './doc-lines';
