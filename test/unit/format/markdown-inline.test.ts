import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { isPlainCharacter, isPlainInline, printCell, startsParagraph } from '../../../generator/format/markdown-inline.js';

const MARKDOWN = { parser: 'markdown', proseWrap: 'preserve' as const };

/** What prettier makes of `text` as a paragraph line and as a table cell. */
async function prettierLine(text: string): Promise<string> {
  return (await format(`Say ${text}\n`, MARKDOWN)).replace(/^Say /, '').replace(/\n$/, '');
}
async function prettierCell(text: string): Promise<string> {
  const table = await format(`| h |\n| --- |\n| ${text} |\n`, MARKDOWN);
  return table.split('\n')[2]!.replace(/^\| /, '').replace(/ *\|$/, '');
}

describe('isPlainInline', () => {
  // Each `true` is checked against prettier below; `false` means "prettier's call", and the ones
  // prettier would change are marked `changes`.
  it.each([
    { text: 'Plain words, with punctuation: (a/b) = c+d; 50% "quoted" it\'s done!', context: 'line', want: true },
    { text: 'Crème brûlée — “quotes” and ‘single’ … dashes – too', context: 'line', want: true },
    { text: 'snake_case_name and \\_escaped', context: 'line', want: true },
    { text: 'A `code span` and ``a ` tick`` inside', context: 'line', want: true },
    { text: 'A ``double`` where one would do', context: 'line', want: false, changes: true },
    { text: 'Some **strong words** here', context: 'line', want: true },
    { text: 'See [the docs](https://example.com/a?b=c#d) and [**Pet**](Pet.md)', context: 'line', want: true },
    { text: 'Returns [[wiki link]] or [Pet[]](Pet.md) [optional]', context: 'line', want: true },
    { text: 'Returns Pet[] bare', context: 'line', want: false },
    { text: 'A link [to nowhere]()', context: 'line', want: false, changes: true },
    { text: 'Map of {key: value}', context: 'line', want: true },
    { text: 'Visit https://example.com now', context: 'line', want: false },
    { text: 'Visit www.example.com now', context: 'line', want: false },
    { text: 'All URIs are relative to *https://api.openai.com/v1*', context: 'line', want: true },
    { text: 'Media types: **`application/vnd.example.raw+json`** returns the raw body', context: 'line', want: true },
    { text: '**`a`** and **b `c`** mixed', context: 'line', want: false },
    { text: 'Escaped &gt; [!NOTE] &lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;', context: 'line', want: true },
    { text: 'Field. &gt; [!NOTE]<br>&gt; Results are cached.', context: 'cell', want: true },
    { text: 'An unknown &foo; entity', context: 'line', want: false },
    { text: '*http://localhost:8080/api/v2* and more', context: 'line', want: true },
    { text: '*www.example.com*', context: 'cell', want: true },
    { text: 'relative to */v1*', context: 'line', want: false, changes: true },
    { text: 'relative to *https://{region}.example.com/v2*', context: 'line', want: false, changes: true },
    { text: 'relative to *ftp://example.com*', context: 'line', want: false, changes: true },
    { text: 'relative to *https://example.com/v1.*', context: 'line', want: false },
    { text: 'relative to x*https://example.com*', context: 'line', want: false },
    { text: '_Emphasis_ between spaces', context: 'line', want: true },
    { text: '_AssistantsApi_', context: 'cell', want: true },
    { text: 'word_emphasis_ inside a word', context: 'line', want: false },
    { text: '_emphasis_, then a comma', context: 'line', want: false },
    { text: '_snake_case_ emphasis', context: 'line', want: false },
    { text: '_un\\_escaped_ emphasis', context: 'line', want: false },
    { text: '__strong__ is left alone', context: 'line', want: false, changes: true },
    { text: 'two  spaces', context: 'line', want: false },
    { text: 'an ![image](x.png)', context: 'line', want: false },
    { text: 'liquid {{ value }}', context: 'line', want: false },
    { text: '*star emphasis*', context: 'line', want: false, changes: true },
    { text: '<b>html</b>', context: 'line', want: false },
    { text: 'A &amp; B', context: 'line', want: true },
    { text: 'a `back\\slash` in a line', context: 'line', want: false },
    { text: 'a `pipe \\| escaped` in a cell', context: 'cell', want: true },
    { text: 'a `pipe | bare` in a cell', context: 'cell', want: false },
    { text: 'one \\| two', context: 'cell', want: true },
    { text: '* first header<br>* second header', context: 'cell', want: true },
    { text: 'Line one<br>line two', context: 'cell', want: true },
    { text: '**Pet**', context: 'cell', want: true },
    { text: '[**Pet**](Pet.md)', context: 'cell', want: true },
    { text: 'Use [`/files/{file_id}`](/docs/files) to read it', context: 'cell', want: true },
    { text: 'See [the files<br>guide](/docs/files).<br><br>- First point<br> continued', context: 'cell', want: true },
    { text: 'See [the files<br>guide](/docs/files)', context: 'line', want: false },
    { text: 'A [link to https://example.com](/x)', context: 'line', want: false },
    { text: 'a [link](url) [x]: y', context: 'cell', want: false },
    { text: ' padded', context: 'cell', want: false },
  ] as const)('$context "$text" → $want', async (row) => {
    const { text, context, want } = row;
    expect(isPlainInline(text, context)).toBe(want);
    const printed = await (context === 'cell' ? prettierCell(text) : prettierLine(text));
    if (want) expect(printed).toBe(text);
    if ('changes' in row) expect(printed).not.toBe(text);
  });
});

describe('isPlainCharacter', () => {
  it('takes exactly the characters of this class', () => {
    const plain = /^[A-Za-z0-9 .,;:!?'"()/=+%#{}\-\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u2010-\u2027]$/;
    const differing = Array.from({ length: 0x3000 }, (_, code) => code).filter((code) => isPlainCharacter(code) !== plain.test(String.fromCharCode(code)));
    expect(differing).toEqual([]);
  });
});

describe('printCell', () => {
  // want: the cell printed here, checked against prettier; undefined: left to prettier.
  it.each([
    { text: 'Plain words', printed: true },
    { text: 'Files up to<br>  2 MB, and `a  b` kept', printed: true },
    { text: 'two  spaces   and three', printed: true },
    { text: 'a [link  text](x.md) keeps its spaces for prettier', printed: false },
    { text: '**strong  words** too', printed: false },
    { text: '`code`  then words', printed: true },
  ])('$text', async ({ text, printed }) => {
    const cell = printCell(text);
    if (!printed) return expect(cell).toBeUndefined();
    expect(cell).toBe(await prettierCell(text));
  });
});

describe('startsParagraph', () => {
  it('takes a line that starts with an entity as paragraph text', async () => {
    expect(startsParagraph('&gt; [!NOTE]')).toBe(true);
    expect(await format('&gt; [!NOTE]\n&gt; Cached.\n', MARKDOWN)).toBe('&gt; [!NOTE]\n&gt; Cached.\n');
  });

  it.each([
    { line: 'Words', want: true },
    { line: '`code` first', want: true },
    { line: '**Strong** first', want: true },
    { line: '[link](x) first', want: true },
    { line: '# heading', want: false },
    { line: '- item', want: false },
    { line: '1. item', want: false },
    { line: '> quote', want: false },
    { line: '** not strong', want: false },
    { line: '    indented code', want: false },
  ])('"$line" → $want', ({ line, want }) => {
    expect(startsParagraph(line)).toBe(want);
  });
});
