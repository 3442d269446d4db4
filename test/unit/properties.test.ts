// Property-based tests (fast-check) for issue 6: for random and mutated Unicode text the
// core never throws, is deterministic, and keeps every span within bounds with
// text === source.slice(start, end); decoding round-trips; the renderers never throw; and
// hover Markdown shows article text literally (checked against a CommonMark parser).
// (The compareTexts mirror property lives in compare-properties.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { CorpusError, loadCorpus } from '../../src/core/io/corpus';
import { decodeArticle } from '../../src/core/io/decode';
import { extractQuotes } from '../../src/core/extract/quotes';
import { renderJson, renderMarkdown, renderTerminal } from '../../src/core/report';
import { splitSentences } from '../../src/core/text/sentences';
import { escapeHoverText as escapeMarkdown } from '../../src/extension/view/markdown';
import { assertResultSpans, assertSpan } from './spanAssertions';

const seedsDir = path.resolve(__dirname, '..', '..', '..', 'seeds');
const SEEDS = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));

/** Pieces that break naive text handling: quote marks of many scripts, line ends, joiners, surrogates, markup. */
const NASTY = [
  '“', '”', '"', '‘', '’', "'", '«', '»', '„', '「', '」', '\r', '\r\n', '\n', '\n\n', '\u200b', '\u200d', '\u200f', '\u202e', '\ufeff',
  '👩🏽‍🚀', '🇺🇦', 'e\u0301', '\ud800', '\udc00', 'ﷺ', 'שלום', 'مرحبا', '<script>alert(1)</script>', '{{7*7}}', '</style>', ' said ', 'Mr. ',
  'U.S. ', 'more than 400', 'several hundred', ' not ', ', Kirby said.', ' “', '” ', '\t', '\u00a0', '…', '—', '\x1b[2J', '\0',
];

/** One seed article (cut to keep runs quick) with random insertions, deletions and duplications. */
const mutatedArticle = fc
  .record({
    seed: fc.nat({ max: SEEDS.length - 1 }),
    cut: fc.integer({ min: 200, max: 1800 }),
    ops: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 6 })) }),
        fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat({ max: 40 }) }),
        fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat({ max: 200 }) }),
      ),
      { maxLength: 12 },
    ),
  })
  .map(({ seed, cut, ops }) => {
    let text = SEEDS[seed].slice(0, cut);
    for (const op of ops) {
      const at = Math.floor(op.at * text.length);
      if (op.kind === 'insert') text = text.slice(0, at) + op.piece + text.slice(at);
      else if (op.kind === 'delete') text = text.slice(0, at) + text.slice(at + op.len);
      else text = text.slice(0, at + op.len) + text.slice(at, at + op.len) + text.slice(at + op.len);
    }
    return text;
  });

/** Random text: full Unicode (incl. astral), graphemes, or a mutated seed. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), mutatedArticle);

test('splitSentences and extractQuotes never throw, are deterministic, and keep spans in bounds on random and mutated text', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const sentences = splitSentences(text);
      assert.deepEqual(splitSentences(text), sentences);
      for (const s of sentences) assertSpan(text, s.start, s.end, 'sentence');
      const quotes = extractQuotes({ id: 'a', text });
      assert.deepEqual(extractQuotes({ id: 'a', text }), quotes);
      assert.equal(new Set(quotes.map((q) => q.id)).size, quotes.length);
      for (const q of quotes) {
        assertSpan(text, q.start, q.end, q.id);
        assert.equal(text.slice(q.start, q.end), q.text);
      }
    }),
    { numRuns: 300 },
  );
});

test('analyzeCorpus never throws, is deterministic, and keeps every span in bounds on mutated corpora', () => {
  fc.assert(
    fc.property(fc.array(anyText, { minLength: 1, maxLength: 3 }), (texts) => {
      const articles = texts.map((text, i) => ({ id: `a${i}`, text }));
      const result = analyzeCorpus(articles);
      assert.equal(renderJson(analyzeCorpus(articles.map((a) => ({ ...a })))), renderJson(result));
      assertResultSpans(result, articles);
    }),
    { numRuns: 40 },
  );
});

test('the JSON, Markdown and terminal renderers never throw and are deterministic on mutated corpora', () => {
  fc.assert(
    fc.property(fc.array(mutatedArticle, { minLength: 2, maxLength: 3 }), fc.boolean(), (texts, color) => {
      const articles = texts.map((text, i) => ({ id: `a${i}`, text }));
      const result = analyzeCorpus(articles);
      const json = renderJson(result);
      assert.deepEqual(JSON.parse(json), JSON.parse(renderJson(result)));
      assert.equal(renderMarkdown(result), renderMarkdown(result));
      assert.equal(renderTerminal(result, { color }), renderTerminal(result, { color }));
    }),
    { numRuns: 25 },
  );
});

test('the Markdown report never lets article text open an HTML tag', () => {
  const md = new MarkdownIt({ html: true });
  fc.assert(
    fc.property(fc.array(mutatedArticle, { minLength: 2, maxLength: 2 }), (texts) => {
      const articles = texts.map((text, i) => ({ id: `a${i}`, text: text + '\n<img src=x onerror=alert(1)> <script>alert(2)</script>' }));
      const html = md.render(renderMarkdown(analyzeCorpus(articles)));
      assert.doesNotMatch(html, /<(script|img|iframe|svg|style)\b/i);
    }),
    { numRuns: 20 },
  );
});

test('the terminal report never passes control characters from article text to the terminal', () => {
  fc.assert(
    fc.property(mutatedArticle, (text) => {
      const body = text + ' Kirby said "more than 400 drones \x1b]52;c;cHduZWQ=\x07 were sent \x1b[2J today".';
      const out = renderTerminal(analyzeCorpus([{ id: 'a', text: body }, { id: 'b', text: body }]), { color: false });
      assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }),
    { numRuns: 10 },
  );
});

test('decodeArticle never throws on random bytes, is deterministic, and returns non-blank text or a one-line reason', () => {
  fc.assert(
    fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8')))), (bytes) => {
      const r = decodeArticle(bytes);
      assert.deepEqual(decodeArticle(bytes), r);
      if (r.ok) {
        assert.notEqual(r.text.trim(), '');
        assert.ok(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'].includes(r.encoding));
      } else {
        assert.ok(r.message.length > 0 && !r.message.includes('\n'));
      }
    }),
    { numRuns: 1000 },
  );
});

test('loadCorpus on random folders: never throws but CorpusError, is deterministic, accounts for every file once, and loads exactly what decodeArticle decodes', () => {
  const fileName = fc.tuple(fc.constantFrom('', 'sub/', 'sub/deep/', 'node_modules/', '.hidden/'), fc.constantFrom('a', 'b', 'Émile', '🚀', 'x y', 'a.b'), fc.constantFrom('.txt', '.md', '.TXT', '.json', '')).map(([d, n, e]) => d + n + e);
  const content = fc.oneof(fc.uint8Array({ maxLength: 64 }), mutatedArticle.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))), fc.constant(new Uint8Array(0)));
  fc.assert(
    fc.property(fc.dictionary(fileName, content, { maxKeys: 6 }), (files) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-prop-'));
      try {
        for (const [name, bytes] of Object.entries(files)) {
          fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          if (!fs.existsSync(path.join(dir, name))) fs.writeFileSync(path.join(dir, name), bytes);
        }
        const load = () => {
          try {
            return loadCorpus(dir);
          } catch (e) {
            assert.ok(e instanceof CorpusError, String(e));
            return (e as Error).message;
          }
        };
        const first = load();
        assert.deepEqual(load(), first);
        const expected = Object.keys(files).filter((f) => /\.(txt|md)$/i.test(f) && !/^(node_modules|\.hidden)\//.test(f) && fs.statSync(path.join(dir, f)).isFile()).sort();
        if (typeof first === 'string') {
          assert.ok(expected.every((f) => !decodeArticle(fs.readFileSync(path.join(dir, f))).ok), first);
          return;
        }
        const seen = [...first.articles.map((a) => a.file), ...first.problems.map((p) => p.file)].sort();
        assert.deepEqual(seen, expected);
        for (const a of first.articles) {
          const d = decodeArticle(fs.readFileSync(path.join(dir, a.file)));
          assert.ok(d.ok && d.text === a.text, a.file);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }),
    { numRuns: 60 },
  );
});

test('UTF-8, UTF-8 with a BOM and UTF-16 with a BOM round-trip any text exactly (offsets unchanged)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), (s) => {
      fc.pre(s.trim() !== '' && !s.includes('\0') && !s.startsWith('\ufeff'));
      const utf8 = Buffer.from(s, 'utf8');
      assert.deepEqual(decodeArticle(utf8), { ok: true, text: s, encoding: 'utf-8' });
      assert.deepEqual(decodeArticle(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), { ok: true, text: s, encoding: 'utf-8' });
      assert.deepEqual(decodeArticle(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])), { ok: true, text: s, encoding: 'utf-16le' });
    }),
    { numRuns: 500 },
  );
});

/** Windows-1252's repertoire: ASCII printable, Latin-1 letters and the 0x80–0x9F punctuation. */
const CP1252_CHARS = ' abcdefghijklmnopqrstuvwxyzABCXYZ.,;:!?\'"0123456789\n\r\t€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡£§©«®°±´µ¶·»¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';
const CP1252_BYTES = new Map<string, number>([...'€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ'].map((ch, i) => [ch, 0x80 + i]));

test('Windows-1252 text that is not valid UTF-8 decodes back to the same characters', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...CP1252_CHARS), minLength: 1, maxLength: 120 }), (s) => {
      const bytes = Buffer.from([...s].map((ch) => CP1252_BYTES.get(ch) ?? ch.charCodeAt(0)));
      let validUtf8 = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        validUtf8 = false;
      }
      const high = bytes.filter((b) => b >= 0x80).length;
      fc.pre(!validUtf8 && high * 3 <= bytes.length && s.trim() !== '');
      assert.deepEqual(decodeArticle(bytes), { ok: true, text: s, encoding: 'windows-1252' });
    }),
    { numRuns: 500 },
  );
});

test('hover Markdown shows any article text literally: a CommonMark parser finds no markup, tag, link or entity in it', () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.array(fc.constantFrom('<', '>', '&', '*', '_', '`', '[', ']', '(', ')', '!', '#', '\\', '~', '|', '-', '+', '.', '{', '}', '"', "'", 'a', ' ', '\n', '\r', 'javascript:', 'command:x', 'http://e.x', '&amp;', '&#60;', '<script>', '<img src=x onerror=alert(1)>', '1.', '==='), { maxLength: 25 }).map((a) => a.join('')),
      ),
      (text) => {
        const html = md.renderInline(escapeMarkdown(text));
        assert.doesNotMatch(html, /<(?!br)/, `markup from ${JSON.stringify(text)}: ${html}`);
        // What the reader sees is the text itself, line breaks shown as spaces (CommonMark shows NUL as U+FFFD).
        assert.equal(decode(html), text.replace(/\r\n|\r|\n/g, ' ').replace(/\0/g, '\ufffd'));
      },
    ),
    { numRuns: 1000 },
  );
});
