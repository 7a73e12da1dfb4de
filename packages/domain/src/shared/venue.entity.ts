import { type InferEntity, defineEntity, p } from '@mikro-orm/core';

/**
 * Where something happens, as memos say it: "pääkirjaston 4. kerroksessa koulutustila Nöömannissa"
 * is room Nöömanni, floor 4, building Oulun pääkirjasto, town Oulu.
 */
export const Venue = defineEntity({
  name: 'Venue',
  embeddable: true,
  properties: {
    room: p.string().length(200).nullable(),
    floor: p.string().length(50).nullable(),
    building: p.string().length(200).nullable(),
    street: p.string().length(200).nullable(),
    town: p.string().length(100).nullable(),
  },
});
export type Venue = InferEntity<typeof Venue>;
