import type { TextDoc } from '../../../../src/domain/issue';
import { docLines, extractText, findSections, firstSection } from '../../../../src/domain/text';
import { READY_STORY } from '../../../fixtures/text/adf';
import { PLAIN_WITH_TITLE_LINES } from '../../../fixtures/text/strings';
import { aTextDoc } from '../builders';

describe('docLines', () => {
  it('splits plain into lines, keeping empty ones, and derives the rest from them', () => {
    const lines = docLines(aTextDoc({ plain: 'As a shopper. I want it!\n\nDone? yes' }));
    expect(lines.lines).toEqual(['As a shopper. I want it!', '', 'Done? yes']);
    expect(lines.nonEmpty).toEqual(['As a shopper. I want it!', 'Done? yes']);
    expect(lines.joined).toBe('As a shopper. I want it!\nDone? yes');
    expect(lines.sentences).toEqual(['As a shopper.', 'I want it!', 'Done?', 'yes']);
  });

  it('marks the doc headings in order, verbatim or followed by a colon', () => {
    const doc = aTextDoc({ plain: 'Intro\nScope:\nScope\nNotes', headings: ['Scope', 'Notes'] });
    expect(docLines(doc).headingAt).toEqual([undefined, 'Scope', undefined, 'Notes']);
  });

  it('reads the text a doc holds now, even when it was changed after extraction', () => {
    const doc: TextDoc = extractText('First line\nSecond line');
    doc.plain = 'Replaced';
    expect(docLines(doc).lines).toEqual(['Replaced']);
  });

  it('gives the same lines for an extracted doc as splitting its plain text', () => {
    const doc = extractText(READY_STORY);
    expect(docLines(doc).lines).toEqual(doc.plain.split('\n'));
    expect(docLines({ ...doc }).lines).toEqual(doc.plain.split('\n'));
  });
});

describe('firstSection', () => {
  it.each([['acceptance criteria'], ['out of scope'], ['nothing like this']])('is findSections(…)[0] for %j', (name) => {
    for (const doc of [extractText(READY_STORY), extractText(PLAIN_WITH_TITLE_LINES)]) {
      expect(firstSection({ lines: docLines(doc), names: [name] })).toEqual(findSections({ doc, names: [name] })[0]);
    }
  });

  it('stops the section at the next heading, even one not asked for', () => {
    const doc = aTextDoc({ plain: 'AC\none\ntwo\nOut of scope\nthree', headings: ['AC', 'Out of scope'] });
    expect(firstSection({ lines: docLines(doc), names: ['ac'] })).toEqual({ heading: 'AC', lines: ['one', 'two'] });
  });
});
