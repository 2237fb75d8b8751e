// Plain-text news articles for scale tests and benchmarks: 3–10 KB each, datelined, with quotes and
// reported speech from many distinct named people, organisations and relaying outlets (deterministic).
import { rng } from './rng';

export const FIRST =
  `Amina Boris Carla Dmitri Elena Farid Grace Hiroshi Ines Jonas Katarzyna Luis Mariam Nikolai Olga Pedro
Quentin Rosa Samuel Tatiana Umar Vera William Xavier Yasmin Zoltan Adaeze Bjorn Chiara Diego Esther Fatou Gustavo
Helga Ibrahim Julia Kwame Leila Marco Nadia Oscar Priya Rafael Sofia Tomas Ulrike Viktor Wanjiru Yusuf`.split(
    /\s+/,
  );
export const LAST =
  `Abara Bauer Castillo Dubois Eriksen Fofana Gallagher Haddad Ivanova Jensen Kowalski Lindqvist Mensah
Nakamura Okafor Petrov Quiroga Rahman Santos Takahashi Uchenna Varga Weber Xu Yilmaz Zielinski Achebe Bianchi
Coulibaly Delacroix Estrada Fischer Gomez Horvat Ito Jovanovic Kamara Lopez Moreau Novak Ortega Popescu Rossi
Sokolov Traore Urbano Vasquez Wojcik Zhang Moyo Banda Diallo Keita Sow Toure`.split(/\s+/);
const ROLES = [
  'the interior minister',
  'a spokeswoman for the ministry of health',
  'the regional governor',
  'an opposition lawmaker',
  'the head of the port authority',
  'a senior diplomat',
  'the army chief of staff',
  'a United Nations envoy',
  'the central bank governor',
  'a union leader',
  'the mayor',
  'an energy analyst',
];
const ORGS = [
  'the Ministry of Defence',
  'the World Food Programme',
  'the Electoral Commission',
  'the National Grid Operator',
  'Amnesty International',
  'the Chamber of Commerce',
  'the Red Cross',
  'the Finance Ministry',
  'the Port Workers Union',
  'the Coast Guard',
];
const OUTLETS = [
  'Reuters',
  'the Associated Press',
  'AFP',
  'Tass',
  'Al Jazeera',
  'the BBC',
  'Interfax',
  'Xinhua',
];
const PLACES =
  `Harbourg Valmont Kessara Drovnik Port Elin Sanmarek Ostrava Belcourt Tamsin Ravel Norrby Akwenu
Lisgard Corvina Mbeya Talvik`.split(/\s+/);
const TOPICS = [
  ['fuel prices', 'subsidies', 'the budget'],
  ['flooding', 'the river', 'evacuations'],
  ['the election', 'ballots', 'the count'],
  ['the strike', 'wages', 'the docks'],
  ['the ceasefire', 'troops', 'the border'],
  ['the vaccine rollout', 'clinics', 'supplies'],
  ['the power cuts', 'the grid', 'generators'],
  ['the trade talks', 'tariffs', 'exports'],
];
const CUES = ['said', 'told reporters', 'added', 'warned', 'insisted', 'denied', 'confirmed', 'claimed'];
const MONTHS = ['January', 'March', 'April', 'June', 'August', 'September', 'October', 'December'];

/** One article: a headline, a dateline and 25–70 sentences of narrative, quotes and reported speech. */
export function newsArticle(i: number, seed = 1): { name: string; text: string } {
  const r = rng(seed * 100_003 + i);
  const place = r.pick(PLACES);
  const [topic, thing, other] = r.pick(TOPICS) as [string, string, string];
  const cast = Array.from({ length: 3 + r.int(5) }, () => ({
    name: `${r.pick(FIRST)} ${r.pick(LAST)}`,
    role: r.pick(ROLES),
  }));
  const n = () => 2 + r.int(9000);
  const day = `${r.pick(MONTHS)} ${1 + r.int(28)}`;
  const title = `${place}: ${cast[0]!.name} ${r.pick(['pledges', 'rejects', 'defends'])} plan on ${topic}`;
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  let lines: string[] = [
    `${place.toUpperCase()}, ${day} — Officials in ${place} faced new questions over ${topic} on ${r.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}, as ${n()} residents waited for news about ${thing}.`,
  ];
  const sentences = 25 + r.int(45);
  for (let s = 0; s < sentences; s++) {
    const who = r.pick(cast);
    const surname = who.name.split(' ')[1]!;
    const first = !seen.has(who.name);
    const speaker = first ? `${who.name}, ${who.role},` : surname;
    const figure = n();
    const kind = r.int(7);
    let sentence: string;
    if (kind === 0) sentence = `“We will not accept any delay on ${thing},” ${speaker} ${r.pick(CUES)}.`;
    else if (kind === 1)
      sentence = `${speaker} ${r.pick(CUES)} that ${figure} people had been affected by ${topic} since ${day}.`;
    else if (kind === 2)
      sentence = `According to ${r.pick(OUTLETS)}, ${r.pick(ORGS)} estimated the cost of ${other} at ${figure} million.`;
    else if (kind === 3)
      sentence = `${r.pick(ORGS).replace(/^the /, 'The ')} ${r.pick(CUES)} in a statement that ${thing} in ${r.pick(PLACES)} would reopen within ${1 + r.int(30)} days.`;
    else if (kind === 4)
      sentence = `“The figures on ${other} are simply wrong,” ${speaker} ${r.pick(CUES)}, citing ${figure} complaints.`;
    else if (kind === 5)
      sentence = `${speaker} ${r.pick(CUES)}, as quoted by ${r.pick(OUTLETS)}, that talks on ${topic} would continue.`;
    else
      sentence = `Crews worked through the night near ${r.pick(PLACES)} while ${figure} volunteers handed out supplies.`;
    if (first && sentence.includes(`${who.name},`)) seen.add(who.name);
    lines.push(sentence);
    if (lines.length >= 4) {
      paragraphs.push(lines.join(' '));
      lines = [];
    }
  }
  if (lines.length) paragraphs.push(lines.join(' '));
  return { name: `news-${String(i).padStart(5, '0')}.txt`, text: `${title}\n\n${paragraphs.join('\n\n')}\n` };
}
