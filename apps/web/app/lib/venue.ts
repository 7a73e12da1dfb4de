/** A venue as one line: "koulutustila Nöömanni, 4. krs, pääkirjasto, Oulu". */
export function venueText(
  venue:
    | {
        room?: string | null;
        floor?: string | null;
        building?: string | null;
        street?: string | null;
        town?: string | null;
        organisation?: { name: string } | null;
      }
    | null
    | undefined,
): string {
  if (!venue) return '';
  return [
    venue.room,
    venue.floor,
    venue.building ?? venue.organisation?.name,
    venue.street,
    venue.town,
  ]
    .filter(Boolean)
    .join(', ');
}
