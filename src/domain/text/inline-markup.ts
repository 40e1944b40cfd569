import { type InlineSink } from './block-builder';

/**
 * Inline rules for the two string formats. Regexes are compiled once at module load:
 * extraction runs for every issue of a backlog, so nothing is rebuilt per call.
 */

const BARE_URL = /\bhttps?:\/\/[^\s<>()[\]|"'`]+[^\s<>()[\]|"'`.,;:!?]/gi;

const WIKI_IMAGE = /!([^!\s|][^!|\n]*\.[a-z0-9]{2,5}|https?:\/\/[^!|\s]+)(?:\|[^!\n]*)?!/gi;
const WIKI_ATTACHMENT = /\[\^([^\]\n]+)\]/g;
const WIKI_MENTION = /\[~(?:accountid:)?([^\]\n]+)\]/g;
const WIKI_LINK = /\[([^\]|\n]*)\|([^\]\n]+)\]/g;
const WIKI_URL_LINK = /\[((?:https?|mailto|ftp):[^\]\n]+)\]/gi;
const WIKI_COLOR = /\{color(?::[^}]*)?\}/g;
const WIKI_MONO = /\{\{|\}\}/g;
const WIKI_EMOTICON = /\((?:\/|x|!|\?|on|off|\*|\+|-|y|n)\)/gi;
const WIKI_BOLD = /(^|[\s(])[*_+](\S(?:[^*_+\n]*\S)?)[*_+](?=$|[\s).,;:!?])/g;

const MD_IMAGE = /!\[([^\]\n]*)\]\(([^)\s]+)[^)]*\)/g;
const MD_LINK = /\[([^\]\n]*)\]\(([^)\s]+)[^)]*\)/g;
const MD_ANGLE_URL = /<((?:https?|mailto):[^>\s]+)>/gi;
const MD_EMPHASIS = /(\*\*|__|~~)(\S(?:.*?\S)?)\1/g;
const MD_CODE = /`([^`\n]+)`/g;

function collectBareUrls(text: string, out: InlineSink): void {
  if (!text.includes('://')) return;
  for (const match of text.matchAll(BARE_URL)) out.url(match[0]);
}

export function wikiInline({ text, out }: { text: string; out: InlineSink }): string {
  let result = text;
  if (result.includes('!')) {
    result = result.replace(WIKI_IMAGE, () => {
      out.media();
      return ' ';
    });
  }
  if (result.includes('[')) {
    result = result
      .replace(WIKI_ATTACHMENT, (_m, name: string) => {
        out.media();
        return name;
      })
      .replace(WIKI_MENTION, (_m, who: string) => `@${who}`)
      .replace(WIKI_LINK, (_m, label: string, href: string) => {
        out.url(href);
        return label;
      })
      .replace(WIKI_URL_LINK, (_m, href: string) => {
        out.url(href);
        return href;
      });
  }
  collectBareUrls(result, out);
  if (result.includes('{')) result = result.replace(WIKI_COLOR, '').replace(WIKI_MONO, '');
  if (result.includes('(')) result = result.replace(WIKI_EMOTICON, ' ');
  return result.replace(WIKI_BOLD, '$1$2');
}

export function markdownInline({ text, out }: { text: string; out: InlineSink }): string {
  let result = text;
  if (result.includes('](')) {
    result = result
      .replace(MD_IMAGE, (_m, alt: string, href: string) => {
        out.media();
        out.url(href);
        return alt;
      })
      .replace(MD_LINK, (_m, label: string, href: string) => {
        out.url(href);
        return label;
      });
  }
  if (result.includes('<')) {
    result = result.replace(MD_ANGLE_URL, (_m, href: string) => {
      out.url(href);
      return href;
    });
  }
  collectBareUrls(result, out);
  if (result.includes('`')) result = result.replace(MD_CODE, '$1');
  return result.replace(MD_EMPHASIS, '$2');
}
