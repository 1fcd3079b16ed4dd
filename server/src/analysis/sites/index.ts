// Every framework's recognizer, run by the one walk. Add a framework: write sites/<name>.ts and list it here.
import type { Recognizer } from '../walk/contract';
import { errorsRecognizer } from './errors';
import { escapeRecognizer } from './escapes';
import { expressRecognizer } from './express';
import { fastifyRecognizer } from './fastify';
import { fetchRecognizer } from './fetch';
import { honoRecognizer } from './hono';
import { koaRecognizer } from './koa';
import { nestRecognizer } from './nest';
import { rateLimiterRecognizer } from './rateLimiters';

export const recognizers: readonly Recognizer[] = [
  escapeRecognizer,
  expressRecognizer,
  fastifyRecognizer,
  koaRecognizer,
  honoRecognizer,
  fetchRecognizer,
  nestRecognizer,
  errorsRecognizer,
  rateLimiterRecognizer,
];
