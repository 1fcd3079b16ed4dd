import { BadRequestError, PayloadTooLargeError } from './errors.js';

const LIMIT = 1_000_000;

// Reads a JSON body; throws a 400 or 413 error the caller's catch is meant to answer.
export async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > LIMIT) throw new PayloadTooLargeError();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequestError('Malformed JSON body');
  }
}
