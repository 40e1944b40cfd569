/**
 * Reads the story-point dataset (Choetkiertikul et al., IEEE TSE 2018) from the shared data
 * folder at run time. Its texts never enter the repository: eval/labels holds issue keys only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DATASET_DIR = path.resolve(__dirname, '../../shared/data/datasets/choetkiertikul-tse2018-storypoint');

export interface Story {
  key: string;
  /** The CSV file name without ".csv", e.g. "springxd". */
  project: string;
  title: string;
  description: string;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The dataset writes a missing description as an empty field or the literal NULL. */
export function hasDescription(story: Story): boolean {
  const text = story.description.trim();
  return text.length > 0 && text !== 'NULL';
}

/** Every row of every project, in file order. */
export function readStories(dir = DATASET_DIR): Story[] {
  const stories: Story[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.csv')).sort()) {
    const [header, ...rows] = parseCsv(readFileSync(path.join(dir, file), 'utf8'));
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const [key, title, description] = [column('issuekey'), column('title'), column('description')];
    const project = file.replace(/\.csv$/, '');
    for (const row of rows) {
      if (row.length < 3) continue;
      stories.push({ key: row[key] ?? '', project, title: row[title] ?? '', description: row[description] ?? '' });
    }
  }
  return stories;
}
