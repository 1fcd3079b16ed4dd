// Every recognizer the one walk runs: the frameworks' (frameworks/registry.ts) between the escape
// hatches and the rate limiters, which belong to no framework.
import type { Recognizer } from '../walk/contract';
import { frameworkRecognizers } from '../../frameworks/registry';
import { escapeRecognizer } from './escapes';
import { rateLimiterRecognizer } from './rateLimiters';

export const recognizers: readonly Recognizer[] = [escapeRecognizer, ...frameworkRecognizers, rateLimiterRecognizer];
