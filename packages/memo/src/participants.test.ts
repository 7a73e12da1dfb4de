import { describe, expect, it } from 'vitest';
import { parseParticipant, parseRoles, splitParticipantList } from './participants.js';

const parse = (text: string) =>
  splitParticipantList(text).map((entry) => parseParticipant(entry).participant);

describe('participants', () => {
  it('reads the seed memo paragraph with commas inside parentheses', () => {
    const people = parse(
      'Minna Männikkö (Oulun kaupunginkirjasto, pj.+siht.), Isa Kotilaine (Oulun kaupunginkirjasto), Arja Nevala (OUTI, Raahe), Sirkka Seppälä (Kiri, Kärsämäki)',
    );
    expect(people).toEqual([
      {
        name: 'Minna Männikkö',
        organisation: 'Oulun kaupunginkirjasto',
        place: null,
        roles: ['chair', 'secretary'],
      },
      { name: 'Isa Kotilaine', organisation: 'Oulun kaupunginkirjasto', place: null, roles: [] },
      { name: 'Arja Nevala', organisation: 'OUTI', place: 'Raahe', roles: [] },
      { name: 'Sirkka Seppälä', organisation: 'Kiri', place: 'Kärsämäki', roles: [] },
    ]);
  });

  it('keeps "Name, Place (pj.)" together even in one comma-separated paragraph', () => {
    expect(parse('Marja-Liisa Hakala, Oulu (pj.), Tuomas Keränen, Ylivieska (siht.)')).toEqual([
      { name: 'Marja-Liisa Hakala', organisation: null, place: 'Oulu', roles: ['chair'] },
      { name: 'Tuomas Keränen', organisation: null, place: 'Ylivieska', roles: ['secretary'] },
    ]);
  });

  it('splits "A ja B" only between names', () => {
    expect(
      parse('Sirkka Seppälä (Kiri) ja Pirjo Tuomimäki (Tiekkö, sihteeri)').map((p) => p.name),
    ).toEqual(['Sirkka Seppälä', 'Pirjo Tuomimäki']);
    expect(parse('Anna Laine (Kirjasto- ja kulttuuripalvelut)')).toEqual([
      {
        name: 'Anna Laine',
        organisation: 'Kirjasto- ja kulttuuripalvelut',
        place: null,
        roles: [],
      },
    ]);
  });

  it('reads role words and role combinations', () => {
    expect(parseRoles('pj.+siht.')).toEqual(['chair', 'secretary']);
    expect(parseRoles('vpj.')).toEqual(['vice_chair']);
    expect(parseRoles('puheenjohtaja')).toEqual(['chair']);
    expect(parseRoles('sihteeri')).toEqual(['secretary']);
    expect(parseRoles('Oulu')).toBeNull();
    expect(parseParticipant('Minna Männikkö pj.').participant.roles).toEqual(['chair']);
    expect(parseParticipant('- Heidi Tuikka (Kainet, Kajaani, vpj.)').participant).toEqual({
      name: 'Heidi Tuikka',
      organisation: 'Kainet',
      place: 'Kajaani',
      roles: ['vice_chair'],
    });
  });

  it('ignores how someone attended', () => {
    expect(parseParticipant('Anu Hyvärinen, Joki-kirjastot (etänä)').participant.place).toBeNull();
  });

  it('flags entries that are not names', () => {
    expect(parseParticipant('kaikki jäsenet paikalla').clear).toBe(false);
  });
});
