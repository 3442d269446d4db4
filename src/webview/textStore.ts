// Article texts of the current model. A large panel's model comes without them: the
// columns ask for their texts, and requests made in one task go out in one message.
import type { FromWebview } from '../extension/panel/protocol';

/** Most texts asked for in one message (the extension accepts 64). */
export const TEXTS_PER_REQUEST = 32;

/** Texts received, asked for, and wanted by a column, for one model version. */
export class TextStore {
  private texts = new Map<string, string>();
  /** Articles whose text was asked for and has not come yet. */
  private readonly requested = new Set<string>();
  /** Columns to fill as soon as their text comes. */
  readonly wanted = new Set<string>();
  private queue: string[] = [];

  constructor(private readonly post: (msg: FromWebview) => void, private version = 0) {}

  /** Forgets every text (a new model version: its texts may differ). */
  reset(version: number): void {
    this.version = version;
    this.texts = new Map();
    this.requested.clear();
    this.wanted.clear();
  }

  /** The text of an article, if it has come. */
  get(id: string): string | undefined {
    return this.texts.get(id);
  }

  /** Asks for an article's text (once); the ids asked for in one task are sent together. */
  request(id: string): void {
    if (this.requested.has(id)) return;
    this.requested.add(id);
    this.queue.push(id);
    if (this.queue.length === 1) queueMicrotask(() => this.flush());
  }

  /** Stores texts that came for `version`; returns false (and stores nothing) for another version's. */
  receive(version: number, list: readonly { id: string; text: string }[]): boolean {
    if (version !== this.version) return false;
    for (const { id, text } of list) {
      this.texts.set(id, text);
      this.requested.delete(id);
    }
    return true;
  }

  private flush(): void {
    const ids = this.queue;
    this.queue = [];
    for (let i = 0; i < ids.length; i += TEXTS_PER_REQUEST) this.post({ type: 'requestTexts', version: this.version, ids: ids.slice(i, i + TEXTS_PER_REQUEST) });
  }
}
