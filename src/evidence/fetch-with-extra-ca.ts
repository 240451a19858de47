// HTTPS GET trusting the certificates of NODE_EXTRA_CA_CERTS besides Node's own (evidence stage).
// bin/ftree.js starts Node without that variable, which would parse the whole file at every start;
// the Prometheus client reads the file here instead, only when it queries an https URL.

import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { rootCertificates } from 'node:tls';
import { AnswerTooLarge, type FetchAnswer } from './read-answer-capped.js';

export type { FetchAnswer } from './read-answer-capped.js';

/** `maxBytes`: the GET below stops reading past it (fetch ignores it; the reader caps fetch's body). */
export type FetchLike = (url: URL, init: { headers: Record<string, string>; signal: AbortSignal; maxBytes?: number }) => Promise<FetchAnswer>;

/** The GET of the last file read: every query of a run uses the same one, read once. */
let trusting: { readonly file: string; readonly fetch: FetchLike } | undefined;

/**
 * The fetch for `url`: Node's own, unless the URL is https and NODE_EXTRA_CA_CERTS names a file,
 * then a GET that trusts Node's root certificates and that file's. A file that cannot be read is
 * an error naming it (Node itself only warns and goes on without it).
 */
export function fetchFor(url: URL, env: NodeJS.ProcessEnv = process.env): FetchLike {
  const file = env['NODE_EXTRA_CA_CERTS'];
  if (url.protocol !== 'https:' || !file) return fetch as unknown as FetchLike;
  if (trusting?.file !== file) {
    let extra: string;
    try {
      extra = readFileSync(file, 'utf8');
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new Error(`cannot read the certificates of NODE_EXTRA_CA_CERTS (${file}: ${why})`);
    }
    trusting = { file, fetch: httpsGetTrusting([...rootCertificates, extra]) };
  }
  return trusting.fetch;
}

function httpsGetTrusting(ca: string[]): FetchLike {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const req = request(url, { method: 'GET', headers: init.headers, ca, signal: init.signal }, (res) => {
        const chunks: Buffer[] = [];
        let total = 0;
        res.on('data', (c: Buffer) => {
          total += c.length;
          if (init.maxBytes !== undefined && total > init.maxBytes) {
            res.destroy();
            reject(new AnswerTooLarge(init.maxBytes));
            return;
          }
          chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ ok: status >= 200 && status < 300, status, statusText: res.statusMessage ?? '', text: () => Promise.resolve(body) });
        });
      });
      req.on('error', (e) => reject(Object.assign(new Error(e.message), { name: e.name, cause: e })));
      req.end();
    });
}
