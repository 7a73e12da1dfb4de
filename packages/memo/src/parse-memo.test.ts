import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMemoText } from './parse-memo.js';
import { parseVenue } from './places.js';
import { readAction, readRoleChanges, splitSentences } from './sentences.js';

const SEED = readFileSync(
  join(import.meta.dirname, '../test/fixtures/muistio-2019-03-11.md'),
  'utf8',
);

describe('parseMemoText on the seed memo', () => {
  const draft = parseMemoText(SEED, { fileName: 'muistio-2019-03-11.md' });

  it('reads the header', () => {
    expect(draft.title).toBe('Alueellinen asiakaskokemuksen kehittämisen työryhmä');
    expect(draft.startsAt).toBe('2019-03-11T13:00:00+02:00');
    expect(draft.endsAt).toBe('2019-03-11T15:00:00+02:00');
    expect(draft.format).toBe('remote');
    expect(draft.remotePlatform).toBe('Skype');
    expect(draft.participants).toHaveLength(6);
  });

  it('reads decisions, actions, the next meeting and role changes', () => {
    const item2 = draft.agenda[1];
    expect(item2?.decisions[0]).toMatch(/^Kokouksessa keskusteltiin .* päädyttiin /u);
    expect(item2?.actions).toContainEqual({
      text: 'Kartoitetaan kouluttajia ja informoidaan työryhmän jäseniä.',
      owner: null,
    });
    expect(item2?.actions.find((a) => a.owner === 'Laura Similä')).toBeDefined();
    expect(draft.nextMeeting?.place).toEqual({
      text: 'Oulussa, pääkirjaston 4. kerroksessa koulutustila Nöömannissa',
      town: 'Oulu',
      building: 'pääkirjasto',
      floor: '4. kerros',
      room: 'Nöömanni',
    });
    expect(draft.roleChanges).toEqual([
      { name: 'Isa Kotilaine', role: 'secretary' },
      { name: 'Minna Männikkö', role: 'chair' },
    ]);
  });

  it('finds the planned trainings with seasons and places', () => {
    expect(
      draft.plannedTrainings.map(({ kind, season, year, places, remoteOption }) => ({
        kind,
        season,
        year,
        places,
        remoteOption,
      })),
    ).toEqual([
      {
        kind: 'training',
        season: 'spring',
        year: 2019,
        places: ['Oulu', 'Kajaani', 'Ylivieska', 'Nivala'],
        remoteOption: true,
      },
      { kind: 'language_training', season: 'autumn', year: 2019, places: [], remoteOption: false },
      { kind: 'training_day', season: 'autumn', year: 2019, places: [], remoteOption: false },
    ]);
    expect(draft.warnings.some((w) => w.code === 'training_uncertain')).toBe(true);
  });

  it('is deterministic and JSON-safe', () => {
    const again = parseMemoText(SEED, { fileName: 'muistio-2019-03-11.md' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(draft));
    expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
  });

  it('infers the year of a yearless date from the options and warns', () => {
    const memo = 'Työryhmä\n\nAika: pe 17.5. klo 10-15\n';
    const withYear = parseMemoText(memo, { year: 2019 });
    expect(withYear.startsAt).toBe('2019-05-17T10:00:00+03:00');
    expect(withYear.warnings.map((w) => w.code)).toContain('year_inferred');
    expect(parseMemoText(memo).warnings.map((w) => w.code)).toContain('date_no_year');
  });
});

describe('garbage input', () => {
  it('warns on an empty memo', () => {
    expect(parseMemoText('').warnings).toEqual([{ code: 'empty_input', params: {} }]);
    expect(parseMemoText(' \n\t\n').warnings[0]?.code).toBe('empty_input');
  });

  it('survives 100 kB of noise quickly, with warnings', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = 'abcdefghijklmnopqrstuvwxyzåäö ABCÄÖ0123456789.,:;()[]<>*_-#\\/\n\t•–';
    let noise = '';
    while (noise.length < 100_000) noise += alphabet[Math.floor(random() * alphabet.length)] ?? ' ';
    const started = performance.now();
    const draft = parseMemoText(noise);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(draft.warnings.length).toBeGreaterThan(0);
    expect(draft.participants).toEqual([]);
  });

  it('survives a long line of repeated link and date fragments', () => {
    const nasty = '[x](https://a.fi/(((((( 1.1. klo 1.1.1.1. '.repeat(3_000);
    expect(() => parseMemoText(nasty)).not.toThrow();
  });
});

describe('sentences', () => {
  it('does not split at dates, ordinals or abbreviations', () => {
    expect(
      splitSentences(
        'Seuraava kokous pidetään pe 17.5. klo 10-15 Oulussa, pääkirjaston 4. kerroksessa. Mm. Skype käy. Hyvä.',
      ),
    ).toEqual([
      'Seuraava kokous pidetään pe 17.5. klo 10-15 Oulussa, pääkirjaston 4. kerroksessa.',
      'Mm. Skype käy.',
      'Hyvä.',
    ]);
  });

  it('reads owners of action items', () => {
    expect(readAction('Voidaan myös harkita Zoomia.', [])).toBeNull();
    expect(readAction('Oulun Asko-tiimi suunnittelee kursseja.', [])).toBeNull();
    expect(readAction('Kartoitetaan kouluttajia.', [])).toEqual({
      text: 'Kartoitetaan kouluttajia.',
      owner: null,
    });
  });

  it('reads role changes but not this meeting’s chair', () => {
    expect(readRoleChanges('Kokouksen puheenjohtajana toimi Minna Männikkö.')).toEqual([]);
    expect(readRoleChanges('Uudeksi sihteeriksi valittiin Isa Kotilaine.')).toEqual([
      { name: 'Isa Kotilaine', role: 'secretary' },
    ]);
  });
});

describe('parseVenue', () => {
  it('turns case forms into base forms', () => {
    expect(parseVenue('Kajaanissa, kaupunginkirjaston kokoushuone Kaislassa')).toEqual({
      text: 'Kajaanissa, kaupunginkirjaston kokoushuone Kaislassa',
      town: 'Kajaani',
      building: 'kaupunginkirjasto',
      floor: null,
      room: 'Kaisla',
    });
    expect(parseVenue('Limingassa, Kuulas-salissa')?.town).toBe('Liminka');
    expect(parseVenue('Limingassa, Kuulas-salissa')?.room).toBe('Kuulas-sali');
  });
});
