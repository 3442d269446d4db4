// Fetching a web page for import, with clear failures: redirect loops and chains, non-HTML
// responses, pages over a size limit, timeouts, HTTP errors. Only http(s). The body is read
// whole into memory (bounded) or not at all; nothing is written here.
import { ImportError } from './extract';

/** Limits of a page fetch. */
export interface FetchOptions {
  /** Largest page accepted, in bytes (default 5 MB). */
  maxBytes?: number;
  /** Milliseconds before the whole fetch (all redirects and the body) is abandoned (default 20 s). */
  timeoutMs?: number;
  /** Most redirects followed (default 5). */
  maxRedirects?: number;
  /** The fetch to use (default the global one); a seam for tests. */
  fetch?: typeof fetch;
}

/** A fetched page: its HTML and the address it finally came from. */
export interface FetchedPage {
  html: string;
  url: string;
}

/** Default page size limit. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;
}

/** Checks an address: absolute http(s) only. */
export function checkPageUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ImportError(`not a web address: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ImportError(`only http and https addresses can be imported (got ${url.protocol})`);
  return url;
}

/** Fetches a page, following redirects by hand (each hop checked); throws ImportError with the reason. */
export async function fetchPage(address: string, opts: FetchOptions = {}): Promise<FetchedPage> {
  const maxBytes = opts.maxBytes ?? MAX_PAGE_BYTES;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxRedirects = opts.maxRedirects ?? 5;
  const doFetch = opts.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seen = new Set<string>();
  let url = checkPageUrl(address);
  try {
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const res = await doFetch(url.href, { redirect: 'manual', signal: controller.signal, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' } });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        const next = checkPageUrl(new URL(res.headers.get('location')!, url).href);
        if (seen.has(next.href)) throw new ImportError(`redirect loop: ${url.href} redirects back to ${next.href}`);
        if (hop >= maxRedirects) throw new ImportError(`too many redirects (more than ${maxRedirects}), last to ${next.href}`);
        url = next;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new ImportError(`the server answered ${res.status} ${res.statusText || ''}`.trim() + ` for ${url.href}`);
      }
      const type = (res.headers.get('content-type') ?? '').toLowerCase();
      if (!/^(text\/html|application\/xhtml\+xml)\b/.test(type)) {
        await res.body?.cancel();
        throw new ImportError(`not a web page: ${url.href} is ${type.split(';')[0] || 'of no stated type'}, not HTML`);
      }
      const declared = Number(res.headers.get('content-length'));
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw new ImportError(`the page is too large (${mb(declared)}; the limit is ${mb(maxBytes)})`);
      }
      const bytes = await readBounded(res, maxBytes);
      return { html: decodeHtml(bytes, type), url: url.href };
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    if (controller.signal.aborted) throw new ImportError(`timed out after ${Math.round(timeoutMs / 100) / 10} s fetching ${url.href}`);
    throw new ImportError(`cannot fetch ${url.href}: ${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a response body, stopping (and failing) as soon as it passes `maxBytes`. */
async function readBounded(res: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ImportError(`the page is too large (over ${mb(maxBytes)}, the limit)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Decodes HTML bytes by the header's charset, else a <meta charset>, else UTF-8. */
export function decodeHtml(bytes: Uint8Array, contentType = ''): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const label = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
