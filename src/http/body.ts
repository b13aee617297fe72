import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

/** Why a body could not be read: answered as a GraphQL-shaped 4xx. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** True for `application/json` (any parameters), the one type the body is parsed as. */
export function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase() === 'application/json';
}

/**
 * Reads a JSON request body of at most `limit` bytes (after decompression: gzip and deflate are accepted) and
 * parses it strictly (an object or an array, as Express's `json()` did). A declared length over the limit is
 * refused before anything is read. Returns undefined when the request has no JSON body.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!isJson(req.headers['content-type'])) {
    req.resume();
    return undefined;
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  const charset = /;\s*charset=([^;\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8')
    throw new BodyError(415, `The charset ${charset} is not supported; send UTF-8.`);
  const text = await readText(decoded(req), limit);
  if (text.length === 0) return undefined;
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') throw notJson();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson();
  }
}

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return req;
  if (encoding === 'gzip') return req.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return req.pipe(zlib.createInflate());
  req.resume();
  throw new BodyError(415, `The content encoding ${encoding} is not supported.`);
}

function readText(stream: Readable, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => {
      if (!failed)
        resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    stream.on('error', () => {
      if (failed) return;
      failed = true;
      reject(new BodyError(400, 'The request body cannot be read.'));
    });
  });
}

const tooLarge = (limit: number) =>
  new BodyError(413, `The request body is larger than the limit of ${limit} bytes.`);
const notJson = () => new BodyError(400, 'The request body is not valid JSON.');
