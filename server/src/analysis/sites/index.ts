// Every framework's recognizer, run by the one walk. Add a framework: write sites/<name>.ts and list it here.
import type { Recognizer } from '../walker';
import { expressRecognizer } from './express';

export const recognizers: readonly Recognizer[] = [expressRecognizer];
