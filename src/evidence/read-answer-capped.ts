// The body of an HTTP answer as text, read up to a size cap (evidence stage): a Prometheus that
// answers 100 MB, or a small gzip that inflates to gigabytes, is cut off at the cap instead of
// filling the memory. Counts the bytes after decompression, as `fetch` hands them over.

/** The part of `fetch`'s answer the Prometheus client reads. */
export interface FetchAnswer {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  /** `fetch`'s answer has both: the reader caps the body as it streams (below). */
  readonly headers?: { get(name: string): string | null };
  readonly body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

/** The answer passed the cap; the rest of it was not read. */
export class AnswerTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer is larger than ${maxBytes} bytes`);
    this.name = 'AnswerTooLarge';
  }
}

export async function readAnswerCapped(answer: FetchAnswer, maxBytes: number): Promise<string> {
  const declared = Number(answer.headers?.get('content-length') ?? Number.NaN);
  if (answer.headers?.get('content-encoding') == null && Number.isFinite(declared) && declared > maxBytes) {
    await answer.body?.cancel().catch(() => undefined);
    throw new AnswerTooLarge(maxBytes);
  }
  if (!answer.body) {
    const text = await answer.text();
    if (Buffer.byteLength(text) > maxBytes) throw new AnswerTooLarge(maxBytes);
    return text;
  }
  const reader = answer.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
