/** Story clustering: one alert per story, whichever outlets report it. */
export { type BCubed, bcubed } from './bcubed.ts';
export { type Assignment, type ClusterMember, StoryClusterer } from './clusterer.ts';
export {
  type CorpusArticle,
  type CorpusClusterLine,
  clusterCorpus,
  readCorpusDir,
  recordOfCorpusArticle,
} from './corpus.ts';
export { type StoryFeatures, storyFeatures } from './features.ts';
export type { Quantity } from './quantities.ts';
export { type Comparison, compareStories, sameFigure, THRESHOLDS } from './similarity.ts';
