import { articleFromText, extractRecord } from './src/extract/index.ts';
