#!/usr/bin/env node
// Memo import benchmark (not a test): writes 1,000 realistic memos (seeded, deterministic),
// then times `ake import memo` importing all of them in one run into a seeded database, and a
// second run that finds them all imported already. Run `pnpm build` first.
//
//   pnpm bench:memos          (BENCH_MEMOS=1000)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const COUNT = Number(process.env.BENCH_MEMOS ?? 1000);
const main = new URL('../dist/main.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ake-memos-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'bench.sqlite')}` };

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (items) => items[Math.floor(random() * items.length)];
const PEOPLE = [
  ['Minna Männikkö', 'Oulun kaupunginkirjasto'],
  ['Isa Kotilaine', 'Oulun kaupunginkirjasto'],
  ['Arja Nevala', 'OUTI, Raahe'],
  ['Sirkka Seppälä', 'Kiri, Kärsämäki'],
  ['Heidi Tuikka', 'Kainet, Kajaani'],
  ['Pirjo Tuomimäki', 'Tiekkö, Sievi'],
  ['Laura Similä', 'Oulun kaupunginkirjasto'],
  ['Jarno Laakso', 'Oulun kaupunginkirjasto'],
];
const TOPICS = [
  'Asiakaspalvelukoulutus',
  'Kyläilyt ja työvierailut',
  'Mentorointi',
  'Kielikoulutukset',
  'Koulutuspäivä AVI:n kanssa',
  'Saavutettavuus',
  'PiKe-julkaisun ideat',
  'Kirjastoautot',
];
const DAYS = ['ma', 'ti', 'ke', 'to', 'pe'];

function memo(i) {
  const date = new Date(Date.UTC(2019, 0, 7) + i * 86_400_000 * 1.3);
  const d = date.getUTCDate();
  const m = date.getUTCMonth() + 1;
  const y = date.getUTCFullYear();
  const people = PEOPLE.filter(() => random() < 0.7);
  const chair = people[0] ?? PEOPLE[0];
  const items = Array.from({ length: 3 + Math.floor(random() * 4) }, (_, n) => {
    const topic = pick(TOPICS);
    return `**${n + 1}. ${topic}**\n\n- o Keskusteltiin aiheesta ${topic.toLowerCase()} ja sen järjestämisestä alueella.\n- o Sovittiin, että asiaa valmistellaan seuraavaan kokoukseen.\n- o Kartoitetaan vaihtoehtoja ja informoidaan työryhmän jäseniä.\n- o Lisätietoa: <https://example.org/muistio/${i}/${n}>`;
  });
  return [
    '**Alueellinen asiakaskokemuksen kehittämisen työryhmä**',
    `**Aika: ${DAYS[i % 5]} ${d}.${m}.${y} klo 13.00 - 15.00**`,
    i % 3 ? '**Teams-kokous**' : '**Paikka:** Oulun pääkirjasto, koulutustila Nöömanni',
    `**Osallistujat:** ${[chair, ...people.slice(1)].map(([name, org], k) => `${name} (${org}${k === 0 ? ', pj.' : ''})`).join(', ')}`,
    '**Käsiteltävät asiat:**',
    ...items,
  ].join('\n\n');
}

const files = Array.from({ length: COUNT }, (_, i) => {
  const file = join(dir, `muistio-${String(i).padStart(4, '0')}.md`);
  writeFileSync(file, memo(i));
  return file;
});
await run(process.execPath, [main, 'db', 'setup'], { env });

const first = performance.now();
const out = (
  await run(process.execPath, [main, 'import', 'memo', ...files], {
    env,
    maxBuffer: 64 * 1024 * 1024,
  })
).stdout;
const firstSeconds = (performance.now() - first) / 1000;
const imported = (out.match(/imported as meeting/g) ?? []).length;

const second = performance.now();
const again = (
  await run(process.execPath, [main, 'import', 'memo', ...files], {
    env,
    maxBuffer: 64 * 1024 * 1024,
  })
).stdout;
const secondSeconds = (performance.now() - second) / 1000;
const already = (again.match(/already imported/g) ?? []).length;
rmSync(dir, { recursive: true, force: true });

console.log(
  `${COUNT} memos: imported ${imported} in ${firstSeconds.toFixed(1)} s (${(COUNT / firstSeconds).toFixed(0)} memos/s); target under 60 s: ${firstSeconds < 60}`,
);
console.log(`again: ${already} already imported, in ${secondSeconds.toFixed(1)} s`);
