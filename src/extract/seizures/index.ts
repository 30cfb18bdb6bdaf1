/**
 * Seizure figures and trends, and whether the article is a seizure story.
 * OWNER: seizures work. Stub until implemented.
 */
import type { Seizure, Trend } from '../../types.ts';
import type { PlaceMention } from '../entities/index.ts';
import type { ParsedText } from '../parse.ts';

export interface SeizureFindings {
  seizureStory: boolean;
  seizures: Seizure[];
  trends: Trend[];
}

export function extractSeizures(_parsed: ParsedText, _places: PlaceMention[]): SeizureFindings {
  return { seizureStory: false, seizures: [], trends: [] };
}
