/**
 * Renders issue descriptions (ADF, wiki strings, null) to HTML for the mock issue view.
 */
import type { Json } from '../jira/model';

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

type Node = { [key: string]: Json };
const isNode = (value: Json | undefined): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const children = (node: Node): Node[] => (Array.isArray(node.content) ? node.content.filter(isNode) : []);
const attr = (node: Node, name: string): string => {
  const attrs = node.attrs;
  const value = isNode(attrs) ? attrs[name] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

function renderText(node: Node): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '');
  const marks = Array.isArray(node.marks) ? node.marks.filter(isNode) : [];
  for (const mark of marks) {
    if (mark.type === 'strong') html = `<strong>${html}</strong>`;
    else if (mark.type === 'em') html = `<em>${html}</em>`;
    else if (mark.type === 'code') html = `<code>${html}</code>`;
    else if (mark.type === 'link') html = `<a href="${escapeHtml(attr(mark, 'href'))}" target="_blank" rel="noopener">${html}</a>`;
  }
  return html;
}

function render(node: Node): string {
  const inner = () => children(node).map(render).join('');
  switch (typeof node.type === 'string' ? node.type : '') {
    case 'doc':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(attr(node, 'level')) || 3));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'text':
      return renderText(node);
    case 'hardBreak':
      return '<br>';
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList':
      return `<ol>${inner()}</ol>`;
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'taskList':
      return `<ul class="tasks">${inner()}</ul>`;
    case 'taskItem':
      return `<li><input type="checkbox" disabled ${attr(node, 'state') === 'DONE' ? 'checked' : ''}> ${inner()}</li>`;
    case 'codeBlock':
      return `<pre><code>${children(node).map((child) => escapeHtml(typeof child.text === 'string' ? child.text : '')).join('')}</code></pre>`;
    case 'inlineCard':
      return `<a class="card" href="${escapeHtml(attr(node, 'url'))}" target="_blank" rel="noopener">${escapeHtml(attr(node, 'url'))}</a>`;
    case 'media':
      return `<span class="media">[image: ${escapeHtml(attr(node, 'alt') || attr(node, 'id'))}]</span>`;
    case 'mediaSingle':
    case 'mediaGroup':
      return `<div class="media-block">${inner()}</div>`;
    case 'panel':
      return `<div class="panel">${inner()}</div>`;
    case 'rule':
      return '<hr>';
    default:
      return inner();
  }
}

export function descriptionHtml(description: Json | undefined): string {
  if (description === null || description === undefined) return '<p class="muted">Add a description…</p>';
  if (typeof description === 'string') return `<pre class="wiki">${escapeHtml(description)}</pre>`;
  return isNode(description) ? render(description) : '';
}
