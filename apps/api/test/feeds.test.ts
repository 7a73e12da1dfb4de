import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

describe('feeds', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    // A dated training session, so the calendar has a training event too.
    await api.gql(
      `mutation { createTraining(input: { title: "Asiakaspalvelukoulutus Kajaanissa", kind: CUSTOMER_SERVICE, year: 2019, season: SPRING, status: SCHEDULED,
        sessions: [{ startsAt: "2019-04-10T09:00", endsAt: "2019-04-10T15:00", venue: { room: "Auditorio", town: "Kajaani" } }] }) { errors { field } } }`,
      {},
      api.curatorToken,
    );
  });
  afterAll(() => api.close());

  it('serves meetings and trainings as valid iCalendar', async () => {
    const response = await fetch(`${api.url}/calendar.ics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    expect(text).toMatch(/\r\n/);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const byTitle = Object.fromEntries(events.map((e) => [e.summary, e]));
    const first = byTitle['Työryhmän kokous 11.3.2019']!;
    expect(first.startDate.toJSDate().toISOString()).toBe('2019-03-11T11:00:00.000Z');
    expect(first.location).toBe('Skype');
    expect(byTitle['Työryhmän kokous 17.5.2019']!.location).toContain('Nöömanni');
    expect(byTitle['Asiakaspalvelukoulutus Kajaanissa']!.location).toBe('Auditorio, Kajaani');
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    const meetingsOnly = await (await fetch(`${api.url}/calendar.ics?kind=meeting`)).text();
    expect(meetingsOnly).not.toContain('Asiakaspalvelukoulutus Kajaanissa');
    const trainingsOnly = await (await fetch(`${api.url}/calendar.ics?kind=training`)).text();
    expect(trainingsOnly).not.toContain('Työryhmän kokous');
    expect((await fetch(`${api.url}/calendar.ics?kind=party`)).status).toBe(400);
  });

  it('serves new resources as a valid Atom feed', async () => {
    const response = await fetch(`${api.url}/feeds/resources.atom`);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = (
      new XMLParser({ ignoreAttributes: false }).parse(xml) as {
        feed: { '@_xmlns': string; entry: { title: string; link: { '@_href': string } }[] };
      }
    ).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.entry).toHaveLength(4);
    expect(feed.entry.map((e) => e.link['@_href'])).toContain('https://bit.ly/2TEbgH2');
  });
});
