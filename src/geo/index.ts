/** The offline gazetteer (see gazetteer.ts). */
export { type Gazetteer, type GazetteerStats, type GeoEntity, gazetteer } from './gazetteer.ts';
export { placeKey } from './normalize.ts';
