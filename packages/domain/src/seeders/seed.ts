/**
 * Seed data: the region's library directory and the content of the working group's first memo
 * (11.3.2019). Every record is looked up by its natural key before it is created, so seeding
 * twice, or seeding a database that already has some of it, changes nothing.
 */
import { readFileSync } from 'node:fs';
import { type EntityManager } from '@mikro-orm/core';
import { type Actor, systemActor } from '../shared/actor.js';
import { type Result } from '../shared/errors.js';
import { helsinkiToUtc } from '../shared/time.js';
import { normaliseName } from '../shared/validation.js';
import { Meeting } from '../modules/meeting/meeting.entity.js';
import { MentoringProgramme } from '../modules/mentoring/mentoring.entity.js';
import {
  type Organisation,
  OrganisationMembership,
} from '../modules/organisation/organisation.entity.js';
import { Person } from '../modules/person/person.entity.js';
import { BestPractice } from '../modules/best-practice/best-practice.entity.js';
import { DevelopmentIdea } from '../modules/development-idea/development-idea.entity.js';
import { Training } from '../modules/training/training.entity.js';
import { GroupMembership, WorkingGroup } from '../modules/working-group/working-group.entity.js';
import { type Services, createServices } from '../services.js';
import {
  BOOKMOBILES,
  NETWORKS,
  type OrganisationSeed,
  PARTNERS,
  libraryName,
  regionLibraries,
  regionMemberships,
} from './region.data.js';

export const GROUP_NAME = 'Alueellinen asiakaskokemuksen kehittämisen työryhmä';
export const SEED_MEMO_FILE = 'muistio-2019-03-11.md';

/** The real memo the seed data comes from, shipped with the package. */
export function readSeedMemo(): string {
  return readFileSync(new URL(`../../seed-data/${SEED_MEMO_FILE}`, import.meta.url), 'utf8');
}

/** What a seed run created, by kind; all zeros on a second run. */
export type SeedReport = Record<string, number>;

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) {
    const detail = result.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new Error(`Seeding ${what} failed: ${detail}`);
  }
  return result.value;
}

class Seeder {
  readonly created: SeedReport = {};
  private readonly actor: Actor = systemActor('seed');
  private readonly orgs = new Map<string, Organisation>();
  private readonly people = new Map<string, Person>();

  constructor(
    private readonly em: EntityManager,
    private readonly s: Services,
  ) {}

  count(kind: string) {
    this.created[kind] = (this.created[kind] ?? 0) + 1;
  }

  org(name: string): Organisation {
    const org = this.orgs.get(name);
    if (!org) throw new Error(`Seed organisation missing: ${name}`);
    return org;
  }

  person(name: string): Person {
    const person = this.people.get(name);
    if (!person) throw new Error(`Seed person missing: ${name}`);
    return person;
  }

  async organisation(seed: OrganisationSeed): Promise<Organisation> {
    let org = await this.s.organisations.findByName(seed.name);
    if (!org) {
      org = unwrap(
        await this.s.organisations.create(this.actor, {
          ...seed,
          parentId: seed.parent ? this.org(seed.parent).id : null,
        }),
        seed.name,
      );
      this.count('organisations');
    }
    this.orgs.set(seed.name, org);
    return org;
  }

  async directory() {
    for (const seed of [...NETWORKS, ...PARTNERS, ...regionLibraries(), ...BOOKMOBILES]) {
      await this.organisation(seed);
    }
    for (const m of regionMemberships()) {
      const member = this.org(libraryName(m.town));
      const network = this.org(m.network);
      const exists = await this.em.count(OrganisationMembership, {
        member,
        network,
        validFrom: m.validFrom,
      });
      if (exists) continue;
      unwrap(
        await this.s.organisations.addMembership(this.actor, {
          memberId: member.id,
          networkId: network.id,
          validFrom: m.validFrom,
          validTo: m.validTo,
        }),
        `membership of ${m.town}`,
      );
      this.count('memberships');
    }
  }

  async personNamed(
    name: string,
    organisation: string,
    extra: { jobTitle?: string; team?: string } = {},
  ) {
    let person = await this.em.findOne(Person, { normalisedName: normaliseName(name) });
    if (!person) {
      person = unwrap(
        await this.s.people.create(this.actor, {
          name,
          organisationId: this.org(organisation).id,
          ...extra,
        }),
        name,
      );
      this.count('people');
    }
    this.people.set(name, person);
    return person;
  }

  async group(): Promise<WorkingGroup> {
    let group = await this.em.findOne(WorkingGroup, { name: GROUP_NAME });
    if (!group) {
      group = this.em.create(WorkingGroup, {
        name: GROUP_NAME,
        shortName: 'AKE-asiakaskokemustyöryhmä',
        description:
          'Pohjois-Pohjanmaan ja Kainuun yleisten kirjastojen alueellinen asiakaskokemuksen kehittämisen työryhmä. ' +
          'Kokoontuu kahdesti vuodessa, järjestää asiakaspalvelu- ja kielikoulutuksia sekä kehittää työvierailuja ja mentorointia.',
        host: this.org('Oulun kaupunginkirjasto'),
        createdAt: new Date(),
      });
      await this.em.flush();
      this.count('groups');
    }
    return group;
  }

  async role(
    group: WorkingGroup,
    name: string,
    organisation: string,
    role: 'chair' | 'secretary' | 'member',
    validFrom: string,
  ) {
    const person = this.person(name);
    if (await this.em.count(GroupMembership, { group, person, role, validFrom })) return;
    unwrap(
      await this.s.groups.assignRole(this.actor, {
        groupId: group.id,
        personId: person.id,
        organisationId: this.org(organisation).id,
        role,
        validFrom,
      }),
      `${role} ${name}`,
    );
    this.count('groupRoles');
  }
}

const MEMBERS: [name: string, organisation: string][] = [
  ['Minna Männikkö', 'Oulun kaupunginkirjasto'],
  ['Isa Kotilaine', 'Oulun kaupunginkirjasto'],
  ['Arja Nevala', 'Raahen kaupunginkirjasto'],
  ['Sirkka Seppälä', 'Kärsämäen kunnankirjasto'],
  ['Heidi Tuikka', 'Kajaanin kaupunginkirjasto'],
  ['Pirjo Tuomimäki', 'Sievin kunnankirjasto'],
];

async function seedMeetings(seeder: Seeder, s: Services, em: EntityManager, group: WorkingGroup) {
  const actor = systemActor('seed');
  const first = helsinkiToUtc('2019-03-11', '13:00');
  const next = helsinkiToUtc('2019-05-17', '10:00');

  let nextMeeting = await em.findOne(Meeting, { group, startsAt: next });
  if (!nextMeeting) {
    nextMeeting = unwrap(
      await s.meetings.create(actor, {
        groupId: group.id,
        title: 'Työryhmän kokous 17.5.2019',
        startsAt: '2019-05-17T10:00',
        endsAt: '2019-05-17T15:00',
        format: 'in_person',
        status: 'planned',
        venue: {
          room: 'Koulutustila Nöömanni',
          floor: '4. kerros',
          building: 'Oulun pääkirjasto',
          street: 'Kaarlenväylä 3',
          town: 'Oulu',
          organisationId: seeder.org('Oulun kaupunginkirjasto').id,
        },
      }),
      'meeting 17.5.2019',
    );
    seeder.count('meetings');
  }

  let meeting = await em.findOne(Meeting, { group, startsAt: first });
  if (meeting) return meeting;
  const p = (name: string) => seeder.person(name).id;
  meeting = unwrap(
    await s.meetings.create(actor, {
      groupId: group.id,
      title: 'Työryhmän kokous 11.3.2019',
      startsAt: '2019-03-11T13:00',
      endsAt: '2019-03-11T15:00',
      format: 'remote',
      status: 'held',
      remoteTool: 'Skype',
      sourceText: readSeedMemo(),
      nextMeetingId: nextMeeting.id,
      participants: MEMBERS.map(([name, organisation]) => ({
        personId: p(name),
        organisationId: seeder.org(organisation).id,
        roles: name === 'Minna Männikkö' ? ['chair', 'secretary'] : ['member'],
        attendance: 'present' as const,
      })),
      agenda: [
        {
          number: 1,
          title: 'Työryhmän jäsenten esittäytyminen',
          notes: 'Jäsenet kertoivat taustoistaan ja kokemuksistaan liittyen asiakaspalveluun.',
        },
        {
          number: 2,
          title: 'Asiakaspalveluun liittyvien koulutusten järjestäminen',
          notes:
            'Alueellisen asiakaskokemuksen kehittämistyöryhmän yhtenä tehtävänä on järjestää asiakaspalveluun ja mentorointiin/kyläilyyn liittyviä koulutuksia Pohjois-Pohjanmaalla ja Kainuussa. Tarkoitus on järjestää vuodessa kaksi koulutustilaisuutta, yksi keväällä ja yksi syksyllä.\n\n' +
            'Kokouksessa keskusteltiin erilaisista asiakaspalveluun liittyvistä koulutuksista. Koulutukset järjestettäisiin Oulussa, Kajaanissa ja joko Ylivieskassa tai Nivalassa sekä etäosallistumismahdollisuudella.\n\n' +
            'Kielikoulutuksia (eng, swe) suunnitteilla ake-alueelle syksylle 2019, Laura Similä Oulun Asko-tiimistä suunnittelee.',
          decisions: [
            'Päädyttiin yrittämään saada vielä tälle keväälle kouluttaja asiakaspalvelutilanteiden vuorovaikutuksesta ja viestinnästä.',
          ],
          actions: [
            { description: 'Kartoitetaan kouluttajia ja informoidaan työryhmän jäseniä.' },
            {
              description: 'Kielikoulutusten (englanti, ruotsi) suunnittelu syksylle 2019.',
              ownerId: p('Laura Similä'),
            },
          ],
        },
        {
          number: 3,
          title: 'Mentorointi, kyläilyt',
          notes:
            'Työryhmän jäsen Pirjo Tuomimäki on aiemmin ollut mukana hankkeessa Pää sisältöön – Oulun eteläisen kirjastopalvelun laadun arviointi, jossa toteutettiin 37 päivän mittaista työvierailua 16 eri kirjastoon ja kuuteen eri kirjastoautoon. Vierailujen tavoitteena oli kirjastopalveluiden laadun kehittäminen.\n\n' +
            'Alueellisen asiakaskokemuksen kehittämistyöryhmän tehtävänä on myös kartoittaa työvierailujen ja mentoroinnin kehittämismahdollisuudet alueella ja miten ne olisivat toteutettavissa. AVI on jo osoittanut kiinnostusta yhteistyöhön.\n\n' +
            'Uudellamaalla alueellista kehittämistehtävää toteuttava Porvoon kaupunginkirjasto järjesti maaliskuussa vertaisoppimiseen liittyvän koulutuspäivän Helsingissä, jonka ohjelmaa voitaisiin käyttää oman koulutuspäivämme runkona.',
          actions: [
            {
              description:
                'Kartoitetaan työvierailujen ja mentoroinnin kehittämismahdollisuudet alueella ja niiden toteutustavat.',
            },
            {
              description:
                'Suunnitellaan syksylle 2019 koulutuspäivä yhteistyössä Pohjois-Suomen AVI:n kanssa.',
            },
          ],
        },
        {
          number: 4,
          title: 'Kevään kokousajan päättäminen',
          notes:
            'Kokouksia pidetään kaksi kertaa vuodessa, yksi keväällä ja yksi syksyllä. Myös Skype-kokouksia voidaan pitää tarvittaessa ja viestitään sähköpostitse.\n\n' +
            'Koulutuspäivän ohjelmassa voisi olla Isan esitys Oulun Asko-tiimissä jo tehdystä kehittämistyöstä, Pirjo Tuomimäki kertoisi työvierailuhankkeesta eteläisen Oulun alueen kirjastoissa, esitellään Oulun koosteet kyläilyistä, kirjastonhoitaja Jarno Laakso Oulusta kertoisi kokemuksia mentorointiohjelmasta sekä käydään läpi PiKe-kirjastojen asiakaspalvelujulkaisusta nousseet ideat.',
          decisions: [
            'Seuraava kokous pidetään pe 17.5.2019 klo 10–15 Oulussa, pääkirjaston 4. kerroksessa koulutustila Nöömannissa.',
            'Jatkossa kokousten sihteerinä toimii Isa Kotilaine ja puheenjohtajana Minna Männikkö.',
          ],
        },
        { number: 5, title: 'Linkkejä tutustuttavaksi ja pohdittavaksi kehittämistyöhön' },
      ],
    }),
    'meeting 11.3.2019',
  );
  seeder.count('meetings');
  return meeting;
}

async function seedTrainings(seeder: Seeder, s: Services, em: EntityManager, meeting: Meeting) {
  const actor = systemActor('seed');
  const oulu = seeder.org('Oulun kaupunginkirjasto').id;
  const trainings = [
    {
      title: 'Asiakaspalvelukoulutus: vuorovaikutus ja viestintä asiakaspalvelutilanteissa',
      topic: 'Asiakaspalvelutilanteiden vuorovaikutus ja viestintä',
      kind: 'customer_service' as const,
      season: 'spring' as const,
      year: 2019,
      status: 'planned' as const,
      remoteParticipation: true,
      trainerNote: 'Kouluttajia kartoitetaan ja työryhmän jäseniä informoidaan.',
      organiserId: oulu,
      sourceMeetingId: meeting.id,
      sessions: [
        { venue: { town: 'Oulu' } },
        { venue: { town: 'Kajaani' } },
        { venue: { town: 'Ylivieska' }, alternativeGroup: 1 },
        { venue: { town: 'Nivala' }, alternativeGroup: 1 },
      ],
    },
    {
      title: 'Kielikoulutukset: englanti ja ruotsi',
      topic: 'Asiakaspalvelun kielitaito (englanti, ruotsi)',
      description:
        'Kielikoulutuksia (eng, swe) suunnitteilla AKE-alueelle syksylle 2019. Suunnittelijana Laura Similä Oulun Asko-tiimistä.',
      kind: 'language' as const,
      season: 'autumn' as const,
      year: 2019,
      status: 'planned' as const,
      organiserId: oulu,
      coordinatorId: seeder.person('Laura Similä').id,
      sourceMeetingId: meeting.id,
    },
    {
      title: 'Koulutuspäivä: vertaisoppiminen, työvierailut ja mentorointi',
      topic: 'Vertaisoppiminen, työvierailut (kyläily) ja mentorointi',
      description:
        'Koulutuspäivä syksyllä 2019 yhteistyössä Pohjois-Suomen AVI:n kanssa. Porvoon kaupunginkirjaston vertaisoppimisen ideapäivän ohjelmaa voidaan käyttää päivän runkona.',
      kind: 'training_day' as const,
      season: 'autumn' as const,
      year: 2019,
      status: 'planned' as const,
      organiserId: oulu,
      partnerId: seeder.org('Pohjois-Suomen aluehallintovirasto').id,
      sourceMeetingId: meeting.id,
      programme: [
        {
          title: 'Oulun Asko-tiimissä tehty kehittämistyö',
          presenterId: seeder.person('Isa Kotilaine').id,
        },
        {
          title: 'Työvierailuhanke eteläisen Oulun alueen kirjastoissa',
          presenterId: seeder.person('Pirjo Tuomimäki').id,
        },
        { title: 'Oulun koosteet kyläilyistä' },
        {
          title: 'Kokemuksia mentorointiohjelmasta',
          presenterId: seeder.person('Jarno Laakso').id,
        },
        { title: 'PiKe-kirjastojen asiakaspalvelujulkaisusta nousseet ideat' },
      ],
    },
  ];
  for (const training of trainings) {
    if (await em.count(Training, { title: training.title, year: training.year })) continue;
    unwrap(await s.trainings.create(actor, training), training.title);
    seeder.count('trainings');
  }
}

async function seedContent(seeder: Seeder, s: Services, em: EntityManager, meeting: Meeting) {
  const actor = systemActor('seed');
  const item = (n: number) => meeting.agendaItems.getItems().find((a) => a.number === n)!.id;

  if (!(await em.count(MentoringProgramme, { name: { $like: 'Pää sisältöön%' } }))) {
    unwrap(
      await s.mentoring.createProgramme(actor, {
        name: 'Pää sisältöön – Oulun eteläisen kirjastopalvelun laadun arviointi',
        kind: 'work_visits',
        description:
          'Hanke, jossa toteutettiin 37 päivän mittaista työvierailua 16 eri kirjastoon ja kuuteen eri kirjastoautoon. Vierailujen tavoitteena oli kirjastopalveluiden laadun kehittäminen.',
        url: 'https://bit.ly/2TEbgH2',
        contactId: seeder.person('Pirjo Tuomimäki').id,
        reportedDays: 37,
        reportedLibraries: 16,
        reportedBookmobiles: 6,
        sourceMeetingId: meeting.id,
      }),
      'Pää sisältöön',
    );
    seeder.count('programmes');
  }

  const resources = [
    {
      url: 'https://bit.ly/2TEbgH2',
      title: 'Pää sisältöön – Oulun eteläisen kirjastopalvelun laadun arviointi',
      description:
        'Työvierailuhankkeen sivu: 37 päivää työvierailuja 16 kirjastoon ja kuuteen kirjastoautoon.',
      kind: 'project_page' as const,
      tags: ['työvierailut', 'kyläily', 'laadun arviointi'],
      sourceAgendaItemId: item(3),
    },
    {
      url: 'https://www.kirjastot.fi/ammattikalenteri/koulutus-ja-seminaarit/kylla-me-taidamme-vertaisoppimisen-ideapaiva?language_content_entity=fi',
      title: 'Kyllä me taidamme! Vertaisoppimisen ideapäivä',
      description:
        'Porvoon kaupunginkirjaston järjestämä vertaisoppimisen koulutuspäivä Helsingissä maaliskuussa 2019; ohjelma mallina omalle koulutuspäivälle.',
      kind: 'event' as const,
      tags: ['vertaisoppiminen', 'koulutuspäivä'],
      organisationId: seeder.org('Porvoon kaupunginkirjasto').id,
      sourceAgendaItemId: item(3),
    },
    {
      url: 'https://pikeextra.wordpress.com/2018/06/28/pike-asiakaspalvelututkimuksen-tuloksia/',
      title: 'PiKe-asiakaspalvelututkimuksen tuloksia',
      description:
        'Blogikirjoitus Pirkanmaan PiKe-kirjastojen asiakaspalvelututkimuksen tuloksista (2018).',
      kind: 'blog_post' as const,
      tags: ['asiakaspalvelu', 'tutkimus'],
      organisationId: seeder.org('PiKe-kirjastot').id,
      sourceAgendaItemId: item(5),
    },
    {
      url: 'https://www.tampere.fi/kirjasto/pike/pike-kirja/#p=86',
      title: 'PiKe-kirja: asiakaspalvelujulkaisu',
      description: 'PiKe-kirjastojen asiakaspalvelujulkaisu, sivu 86.',
      kind: 'publication' as const,
      tags: ['asiakaspalvelu'],
      organisationId: seeder.org('PiKe-kirjastot').id,
      sourceAgendaItemId: item(5),
    },
  ];
  for (const resource of resources) {
    if (await s.resources.findByUrl(resource.url)) continue;
    unwrap(
      await s.resources.create(actor, { ...resource, language: 'fi', sourceMeetingId: meeting.id }),
      resource.url,
    );
    seeder.count('resources');
  }

  const porvooTitle = 'Vertaisoppimisen ideapäivä koulutuspäivän runkona';
  if (!(await em.count(BestPractice, { title: porvooTitle }))) {
    const event = await s.resources.findByUrl(resources[1]!.url);
    unwrap(
      await s.bestPractices.create(actor, {
        title: porvooTitle,
        summary:
          'Porvoon kaupunginkirjasto, joka toteuttaa alueellista kehittämistehtävää Uudellamaalla, järjesti vertaisoppimisen ideapäivän. Sen ohjelmaa voidaan käyttää oman koulutuspäivän runkona.',
        body:
          '## Mitä tehtiin\n\nPorvoon kaupunginkirjasto järjesti maaliskuussa 2019 Helsingissä vertaisoppimiseen keskittyvän koulutuspäivän ("Kyllä me taidamme!").\n\n' +
          '## Miten käytämme sitä\n\nTyöryhmä suunnittelee syksylle 2019 oman koulutuspäivän yhteistyössä Pohjois-Suomen AVI:n kanssa ja voi käyttää Porvoon ohjelmaa päivän runkona.',
        originOrganisationId: seeder.org('Porvoon kaupunginkirjasto').id,
        tags: ['vertaisoppiminen', 'koulutuspäivä'],
        relatedResourceIds: event ? [event.id] : [],
        sourceMeetingId: meeting.id,
        sourceAgendaItemId: item(3),
      }),
      porvooTitle,
    );
    seeder.count('bestPractices');
  }

  const ideas = [
    {
      title: 'Työvierailujen ja mentoroinnin kehittäminen alueella',
      description:
        'Kartoitetaan työvierailujen (kyläily) ja mentoroinnin kehittämismahdollisuudet Pohjois-Pohjanmaalla ja Kainuussa ja se, miten ne olisivat toteutettavissa. Mallina Pää sisältöön -hankkeen työvierailut.',
      status: 'under_consideration' as const,
      tags: ['mentorointi', 'työvierailut', 'kyläily'],
      sourceAgendaItemId: item(3),
    },
    {
      title: 'PiKe-asiakaspalvelujulkaisun ideat oman asiakaspalvelun kehittämiseen',
      description:
        'Käydään läpi PiKe-kirjastojen asiakaspalvelujulkaisusta nousseet ideat ja sovelletaan niitä alueen kirjastoissa.',
      status: 'proposed' as const,
      tags: ['asiakaspalvelu'],
      sourceAgendaItemId: item(5),
    },
    {
      title: 'Kaksi asiakaspalvelukoulutusta vuodessa',
      description:
        'Järjestetään vuosittain kaksi asiakaspalveluun liittyvää koulutustilaisuutta, yksi keväällä ja yksi syksyllä, useilla paikkakunnilla ja etäyhteydellä.',
      status: 'planned' as const,
      tags: ['asiakaspalvelu', 'koulutus'],
      sourceAgendaItemId: item(2),
    },
  ];
  for (const idea of ideas) {
    if (await em.count(DevelopmentIdea, { title: idea.title })) continue;
    unwrap(
      await s.developmentIdeas.create(actor, { ...idea, sourceMeetingId: meeting.id }),
      idea.title,
    );
    seeder.count('developmentIdeas');
  }
}

/**
 * Seeds the database in one transaction: all of it or, on any failure, nothing. Returns what
 * was created by kind (nothing on a second run).
 */
export async function seed(em: EntityManager): Promise<SeedReport> {
  return em.transactional(async (tx) => {
    const services = createServices(tx);
    const seeder = new Seeder(tx, services);
    await seeder.directory();
    for (const [name, organisation] of MEMBERS) await seeder.personNamed(name, organisation);
    await seeder.personNamed('Laura Similä', 'Oulun kaupunginkirjasto', { team: 'Asko-tiimi' });
    await seeder.personNamed('Jarno Laakso', 'Oulun kaupunginkirjasto', {
      jobTitle: 'kirjastonhoitaja',
    });

    const group = await seeder.group();
    for (const [name, organisation] of MEMBERS)
      await seeder.role(group, name, organisation, 'member', '2019-03-11');
    await seeder.role(group, 'Minna Männikkö', 'Oulun kaupunginkirjasto', 'chair', '2019-03-11');
    await seeder.role(
      group,
      'Minna Männikkö',
      'Oulun kaupunginkirjasto',
      'secretary',
      '2019-03-11',
    );
    // "Jatkossa kokouksien sihteerinä toimii Isa Kotilaine": from the next meeting on.
    await seeder.role(group, 'Isa Kotilaine', 'Oulun kaupunginkirjasto', 'secretary', '2019-05-17');

    const meeting = await seedMeetings(seeder, services, tx, group);
    await tx.populate(meeting, ['agendaItems']);
    await seedTrainings(seeder, services, tx, meeting);
    await seedContent(seeder, services, tx, meeting);
    return seeder.created;
  });
}
