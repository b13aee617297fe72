// The README as a page next to GraphiQL (/graphiql/docs.html): the questions, vocabularies and configuration a
// user needs while writing queries, with the same heading anchors as on GitHub (#asking-questions, …).
import MarkdownIt from 'markdown-it';
import readme from '../../README.md?raw';

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens ("Operations: metrics" → operations-metrics). */
function headingAnchor(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const md = new MarkdownIt({ html: false, linkify: false });
const defaultHeadingOpen = md.renderer.rules.heading_open;
md.renderer.rules.heading_open = (tokens, index, options, env, self) => {
  const inline = tokens[index + 1];
  if (inline?.type === 'inline') tokens[index]!.attrSet('id', headingAnchor(inline.content));
  return defaultHeadingOpen
    ? defaultHeadingOpen(tokens, index, options, env, self)
    : self.renderToken(tokens, index, options);
};

// The README's images are repository files this server does not serve: name them instead of a broken image.
md.renderer.rules.image = (tokens, index) => {
  const token = tokens[index]!;
  const alt = md.utils.escapeHtml(token.content);
  const src = md.utils.escapeHtml(String(token.attrGet('src') ?? ''));
  return `<em>[Figure: ${alt}, in the repository at <code>${src}</code>]</em>`;
};

const main = document.getElementById('readme');
if (!main) throw new Error('virtlens docs: #readme missing from docs.html');
main.innerHTML = md.render(readme);
// The anchor in the address (e.g. #asking-questions) exists only now that the page is rendered.
if (window.location.hash)
  document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
