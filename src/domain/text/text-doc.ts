/** The kinds of block a description is made of, whatever its source format. */
export type TextBlockKind = 'heading' | 'list-item' | 'task' | 'code' | 'paragraph' | 'table-row';

/**
 * One block of a description: a heading, a list item, a checklist item, one line of code, a
 * paragraph line or a table row. Readers look at blocks instead of re-splitting a joined string.
 */
export interface TextBlock {
  readonly kind: TextBlockKind;
  /** The block's text: markup removed, whitespace collapsed, never empty, never holding "\n". */
  readonly text: string;
  /**
   * heading: 1–6 for real headings (ADF, h1.–h6., #); absent for the implied ones (a bold-only
   * paragraph, a short "Title:" line). list-item, task: nesting depth, 1 at the top level.
   */
  readonly level?: number;
  /** task: ticked or not. */
  readonly checked?: boolean;
  /** list-item: numbered ("1.", ADF orderedList, wiki "#"). */
  readonly ordered?: boolean;
  /** table-row: the cells' text (the row's `text` is them joined with " | "). */
  readonly cells?: readonly string[];
  /** table-row: every cell is a header cell. */
  readonly header?: boolean;
}

/** Text reduced to what the criteria need, whatever its source format. Shared: never mutate. */
export interface TextDoc {
  format: 'adf' | 'wiki' | 'plain' | 'empty';
  /** The blocks, in reading order. */
  blocks: readonly TextBlock[];
  /** The blocks' text, one block per line: for quoting and whole-text searches. */
  plain: string;
  /** Words in the blocks, as Intl.Segmenter counts them (CJK text has words too). */
  words: number;
  /** Images / media / attachments embedded in the text. */
  mediaCount: number;
  /** URLs found in the text (links and inline cards). */
  urls: string[];
  /** Problems met while reading the text (malformed ADF, unknown nodes); never fatal. */
  problems: string[];
}
