/** The offline gazetteer (see gazetteer.ts). */
export { type GazetteerStats, type GeoEntity, type Gazetteer, gazetteer } from './gazetteer.ts';
export { placeKey } from './normalize.ts';
