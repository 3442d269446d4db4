// Streamed JSON: the exact text of JSON.stringify(value, null, indent), handed to a sink in
// chunks, so that a report larger than the longest string V8 can hold (about 512 MB) is still
// written. The outer levels (the report object and its arrays) are walked here; each value
// below `depth` is serialised by JSON.stringify itself and re-indented (JSON text never holds a
// raw line break inside a string, so every line break is one of the layout's).

/** Receives streamed text, one chunk at a time, in order. */
export type TextSink = (chunk: string) => void;

/** Options of streamJson. */
export interface JsonStreamOptions {
  /** Spaces per level, as JSON.stringify's third argument (default 2). */
  indent?: number;
  /** Levels walked here (default 2: the root and its arrays or objects); deeper values are serialised whole. */
  depth?: number;
  /** Text buffered before the sink is called (default 1 MiB characters). */
  chunkSize?: number;
}

/** A buffering writer over a sink (the per-call context of streamJson). */
interface ChunkWriter {
  sink: TextSink;
  chunkSize: number;
  buffered: string;
  indent: string;
  depth: number;
}

function put(w: ChunkWriter, text: string): void {
  w.buffered += text;
  if (w.buffered.length >= w.chunkSize) flush(w);
}

function flush(w: ChunkWriter): void {
  if (!w.buffered) return;
  w.sink(w.buffered);
  w.buffered = '';
}

/** The value JSON.stringify serialises for `value` under `key` (after toJSON). */
function jsonValueOf(value: unknown, key: string): unknown {
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, key);
  }
  return value;
}

/** True when JSON.stringify leaves the value out of an object (and writes null for it in an array). */
function isUnserialisable(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A plain array or plain object, which is walked here (boxed primitives and the like go to JSON.stringify). */
function isWalkable(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** JSON.stringify of a value (toJSON already applied) at nesting `level`: its line breaks carry the level's indentation. */
function stringifyAt(w: ChunkWriter, value: unknown, level: number): string {
  const text = JSON.stringify(value, null, w.indent) ?? 'null';
  if (level === 0 || !w.indent || !text.includes('\n')) return text;
  return text.replace(/\n/g, '\n' + w.indent.repeat(level));
}

/** Writes one value (toJSON already applied, serialisable) at nesting `level`. */
function writeValue(w: ChunkWriter, value: unknown, level: number): void {
  if (level >= w.depth || !isWalkable(value)) return put(w, stringifyAt(w, value, level));
  if (Array.isArray(value)) return writeArray(w, value, level);
  writeObject(w, value as Record<string, unknown>, level);
}

function writeArray(w: ChunkWriter, items: readonly unknown[], level: number): void {
  if (items.length === 0) return put(w, '[]');
  const inner = w.indent ? '\n' + w.indent.repeat(level + 1) : '';
  put(w, '[');
  for (let i = 0; i < items.length; i++) {
    put(w, (i > 0 ? ',' : '') + inner);
    const item = jsonValueOf(items[i], String(i));
    if (isUnserialisable(item)) put(w, 'null');
    else writeValue(w, item, level + 1);
  }
  put(w, (w.indent ? '\n' + w.indent.repeat(level) : '') + ']');
}

function writeObject(w: ChunkWriter, object: Record<string, unknown>, level: number): void {
  const inner = w.indent ? '\n' + w.indent.repeat(level + 1) : '';
  const colon = w.indent ? ': ' : ':';
  let written = 0;
  for (const key of Object.keys(object)) {
    const item = jsonValueOf(object[key], key);
    if (isUnserialisable(item)) continue;
    put(w, (written++ > 0 ? ',' : '{') + inner + JSON.stringify(key) + colon);
    writeValue(w, item, level + 1);
  }
  put(w, written === 0 ? '{}' : (w.indent ? '\n' + w.indent.repeat(level) : '') + '}');
}

/**
 * Writes `JSON.stringify(value, null, indent)` to `sink` in chunks, never as one string: the
 * same text for plain data (objects, arrays, strings, numbers, booleans, null; toJSON methods
 * are honoured, those below `depth` with the key "" as JSON.stringify of a lone value gives).
 * Writes nothing for a value JSON.stringify gives no text for (undefined, a function).
 */
export function streamJson(value: unknown, sink: TextSink, options: JsonStreamOptions = {}): void {
  const w: ChunkWriter = { sink, chunkSize: options.chunkSize ?? 1 << 20, buffered: '', indent: ' '.repeat(Math.min(10, Math.max(0, options.indent ?? 2))), depth: options.depth ?? 2 };
  const root = jsonValueOf(value, '');
  if (isUnserialisable(root)) return;
  writeValue(w, root, 0);
  flush(w);
}
