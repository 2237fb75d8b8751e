// A small curated gazetteer shipped with the app: countries and capitals, international organisations,
// news agencies and outlets, with the abbreviations news copy uses for them.
import { normaliseName } from './names';

export type GazetteerKind = 'country' | 'place' | 'organisation' | 'government' | 'agency' | 'outlet';

export interface GazetteerEntry {
  name: string;
  kind: GazetteerKind;
  aliases: string[];
}

// "Country|Capital|alias,alias" — aliases include the abbreviations used in copy.
const COUNTRIES = `Afghanistan|Kabul|
Albania|Tirana|
Algeria|Algiers|
Angola|Luanda|
Argentina|Buenos Aires|
Armenia|Yerevan|
Australia|Canberra|
Austria|Vienna|
Azerbaijan|Baku|
Bahrain|Manama|
Bangladesh|Dhaka|
Belarus|Minsk|
Belgium|Brussels|
Benin|Porto-Novo|
Bolivia|La Paz|
Bosnia and Herzegovina|Sarajevo|Bosnia
Botswana|Gaborone|
Brazil|Brasilia|
Bulgaria|Sofia|
Burkina Faso|Ouagadougou|
Burundi|Gitega|
Cambodia|Phnom Penh|
Cameroon|Yaounde|
Canada|Ottawa|
Central African Republic|Bangui|CAR,C.A.R.
Chad|N'Djamena|
Chile|Santiago|
China|Beijing|People's Republic of China,PRC
Colombia|Bogota|
Congo|Brazzaville|Republic of the Congo,Congo-Brazzaville
Democratic Republic of the Congo|Kinshasa|DRC,DR Congo,Congo-Kinshasa
Croatia|Zagreb|
Cuba|Havana|
Cyprus|Nicosia|
Czech Republic|Prague|Czechia
Denmark|Copenhagen|
Djibouti|Djibouti|
Ecuador|Quito|
Egypt|Cairo|
Equatorial Guinea|Malabo|
Eritrea|Asmara|
Estonia|Tallinn|
Ethiopia|Addis Ababa|
Finland|Helsinki|
France|Paris|
Gabon|Libreville|
Gambia|Banjul|
Georgia|Tbilisi|
Germany|Berlin|
Ghana|Accra|
Greece|Athens|
Guinea|Conakry|
Guinea-Bissau|Bissau|
Hungary|Budapest|
India|New Delhi|
Indonesia|Jakarta|
Iran|Tehran|
Iraq|Baghdad|
Ireland|Dublin|
Israel|Jerusalem|
Italy|Rome|
Ivory Coast|Yamoussoukro|Cote d'Ivoire,Côte d'Ivoire
Japan|Tokyo|
Jordan|Amman|
Kazakhstan|Astana|
Kenya|Nairobi|
Kosovo|Pristina|
Kuwait|Kuwait City|
Kyrgyzstan|Bishkek|
Latvia|Riga|
Lebanon|Beirut|
Lesotho|Maseru|
Liberia|Monrovia|
Libya|Tripoli|
Lithuania|Vilnius|
Madagascar|Antananarivo|
Malawi|Lilongwe|
Malaysia|Kuala Lumpur|
Mali|Bamako|
Mauritania|Nouakchott|
Mexico|Mexico City|
Moldova|Chisinau|
Mongolia|Ulaanbaatar|
Montenegro|Podgorica|
Morocco|Rabat|
Mozambique|Maputo|
Myanmar|Naypyidaw|Burma
Namibia|Windhoek|
Nepal|Kathmandu|
Netherlands|Amsterdam|Holland
New Zealand|Wellington|
Nicaragua|Managua|
Niger|Niamey|
Nigeria|Abuja|
North Korea|Pyongyang|DPRK
North Macedonia|Skopje|Macedonia
Norway|Oslo|
Oman|Muscat|
Pakistan|Islamabad|
Palestine|Ramallah|
Peru|Lima|
Philippines|Manila|
Poland|Warsaw|
Portugal|Lisbon|
Qatar|Doha|
Romania|Bucharest|
Russia|Moscow|Russian Federation
Rwanda|Kigali|
Saudi Arabia|Riyadh|
Senegal|Dakar|
Serbia|Belgrade|
Sierra Leone|Freetown|
Singapore|Singapore|
Slovakia|Bratislava|
Slovenia|Ljubljana|
Somalia|Mogadishu|
South Africa|Pretoria|
South Korea|Seoul|
South Sudan|Juba|
Spain|Madrid|
Sri Lanka|Colombo|
Sudan|Khartoum|
Sweden|Stockholm|
Switzerland|Bern|
Syria|Damascus|
Taiwan|Taipei|
Tajikistan|Dushanbe|
Tanzania|Dodoma|
Thailand|Bangkok|
Togo|Lome|
Tunisia|Tunis|
Turkey|Ankara|Turkiye,Türkiye
Turkmenistan|Ashgabat|
Uganda|Kampala|
Ukraine|Kyiv|Kiev
United Arab Emirates|Abu Dhabi|UAE
United Kingdom|London|UK,U.K.,Britain,Great Britain
United States|Washington|US,U.S.,USA,U.S.A.,United States of America,America
Uruguay|Montevideo|
Uzbekistan|Tashkent|
Venezuela|Caracas|
Vietnam|Hanoi|
Yemen|Sanaa|
Zambia|Lusaka|
Zimbabwe|Harare|`;

const REGIONS = `Africa,Europe,Asia,Middle East,Sahel,Sahara,Latin America,North Africa,West Africa,East Africa,Central Africa,
Southern Africa,Horn of Africa,Balkans,Caucasus,Crimea,Donbas,Gaza,West Bank,Indian Ocean,Atlantic Ocean,Pacific Ocean,
Mediterranean,Red Sea,Black Sea,Persian Gulf,Arctic,Darfur,Benghazi,Aleppo,Idlib,St Petersburg`;

// "Name|kind|alias,alias"
const ORGANISATIONS = `United Nations|organisation|UN,U.N.
UN Security Council|organisation|Security Council,UNSC
UN General Assembly|organisation|General Assembly
MONUSCO|organisation|
MINUSMA|organisation|
African Union|organisation|AU
European Union|organisation|EU,E.U.
NATO|organisation|North Atlantic Treaty Organization
ECOWAS|organisation|Economic Community of West African States
ECCAS|organisation|Economic Community of Central African States
Southern African Development Community|organisation|SADC
World Bank|organisation|
International Monetary Fund|organisation|IMF
World Health Organization|organisation|WHO
UNICEF|organisation|
UN refugee agency|organisation|UNHCR
World Food Programme|organisation|WFP
OCHA|organisation|UN Office for the Coordination of Humanitarian Affairs
International Criminal Court|organisation|ICC
International Court of Justice|organisation|ICJ
Amnesty International|organisation|Amnesty
Human Rights Watch|organisation|HRW
International Committee of the Red Cross|organisation|ICRC,Red Cross
Doctors Without Borders|organisation|MSF,Médecins Sans Frontières
OSCE|organisation|Organization for Security and Co-operation in Europe
OPEC|organisation|
Wagner Group|organisation|Wagner
Kremlin|government|
White House|government|
Pentagon|government|
State Department|government|US State Department
Foreign Ministry|government|
Defense Ministry|government|Defence Ministry,Ministry of Defence,Ministry of Defense
Tass|agency|TASS,ITAR-TASS
Interfax|agency|
RIA Novosti|agency|RIA
Sputnik|outlet|
Reuters|agency|
Agence France-Presse|agency|AFP
Associated Press|agency|AP
Xinhua|agency|
Anadolu Agency|agency|Anadolu
Deutsche Presse-Agentur|agency|dpa
EFE|agency|
Bloomberg|agency|
United Press International|agency|UPI
Kyodo|agency|
Yonhap|agency|
Radio Free Europe/Radio Liberty|outlet|RFE/RL,RFERL,Radio Free Europe,Radio Liberty
Voice of America|outlet|VOA
BBC|outlet|British Broadcasting Corporation
CNN|outlet|
Al Jazeera|outlet|
RT|outlet|Russia Today
The Moscow Times|outlet|
Meduza|outlet|
Kommersant|outlet|
Izvestia|outlet|
Novaya Gazeta|outlet|
The New York Times|outlet|NYT,New York Times
The Washington Post|outlet|Washington Post
The Wall Street Journal|outlet|WSJ,Wall Street Journal
The Guardian|outlet|Guardian
Financial Times|outlet|FT
The Economist|outlet|Economist
Le Monde|outlet|
Radio France Internationale|outlet|RFI
France 24|outlet|
Deutsche Welle|outlet|DW
Jeune Afrique|outlet|`;

function buildEntries(): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  const list = (s: string | undefined): string[] =>
    s
      ? s
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean)
      : [];
  for (const line of COUNTRIES.split('\n')) {
    const [name, capital, aliases] = line.split('|');
    if (!name) continue;
    entries.push({ name, kind: 'country', aliases: list(aliases) });
    if (capital && capital !== name) entries.push({ name: capital, kind: 'place', aliases: [] });
  }
  for (const region of list(REGIONS.replace(/\n/g, '')))
    entries.push({ name: region, kind: 'place', aliases: [] });
  for (const line of ORGANISATIONS.split('\n')) {
    const [name, kind, aliases] = line.split('|');
    if (!name || !kind) continue;
    entries.push({ name, kind: kind as GazetteerKind, aliases: list(aliases) });
  }
  return entries;
}

export const GAZETTEER: readonly GazetteerEntry[] = buildEntries();

let index: Map<string, GazetteerEntry> | null = null;
let firstWords: Set<string> | null = null;
/** The last word of every normalised gazetteer key. */
let lastWords: Set<string> | null = null;

/** Whether some gazetteer name starts with this word (cheap pre-check before trying longer phrases). */
export function gazetteerMayStartWith(word: string): boolean {
  if (!firstWords) lookupGazetteer('');
  const plain = /^[A-Za-z]+$/.test(word)
    ? word.toLowerCase()
    : (normaliseName(word).split(' ', 1)[0] as string);
  return firstWords?.has(plain) ?? false;
}

/**
 * Whether some gazetteer name can end with this word, given as the lower case of a word of ASCII letters only
 * (the last word of such a surface's normalised form is exactly that): a pre-check before building and
 * looking up a phrase that ends with it.
 */
export function gazetteerMayEndWith(plainLowerWord: string): boolean {
  if (!lastWords) lookupGazetteer('');
  return lastWords?.has(plainLowerWord) ?? false;
}

/** The gazetteer entry a surface form names, compared by normalised name ("U.N." = "UN", "Tass" = "TASS"). */
export function lookupGazetteer(surface: string): GazetteerEntry | null {
  if (!index) {
    index = new Map();
    firstWords = new Set();
    lastWords = new Set();
    for (const entry of GAZETTEER) {
      for (const form of [entry.name, ...entry.aliases]) {
        const key = normaliseName(form);
        if (key && !index.has(key)) index.set(key, entry);
        if (isAcronym(form) && normaliseName(entry.name) !== key) acronymKeys.add(key);
        firstWords.add(key.split(' ', 1)[0] as string);
        lastWords.add(key.slice(key.lastIndexOf(' ') + 1));
      }
    }
  }
  const cached = surfaceCache.get(surface);
  if (cached !== undefined) return cached;
  if (surfaceCache.size > 50_000) surfaceCache.clear();
  const key = normaliseName(surface);
  // An acronym alias matches only when written in capitals: "who" is not the WHO, "us" not the US.
  const entry = acronymKeys.has(key) && !isAcronym(surface) ? null : lookupNormalised(key);
  surfaceCache.set(surface, entry);
  return entry;
}

const surfaceCache = new Map<string, GazetteerEntry | null>();
const acronymKeys = new Set<string>();

/** Capitals only, with optional dots or slashes ("WHO", "U.N.", "RFE/RL"). */
function isAcronym(form: string): boolean {
  return /^[\p{Lu}\d.&/-]{2,10}$/u.test(form.replace(/^the\s+/i, ''));
}

function lookupNormalised(key: string): GazetteerEntry | null {
  if (!index) return null;
  // Most capitalised phrases are not in the gazetteer: reject them on their first word.
  if (!firstWords?.has(key.split(' ', 1)[0] as string)) return null;
  return index.get(key) ?? null;
}

/** The longest gazetteer surface form (in words) — bounds the phrase lengths worth looking up. */
export const GAZETTEER_MAX_WORDS = 12;
