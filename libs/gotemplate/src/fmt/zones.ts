// IANA time zones for dateInZone: offsets from Intl (ICU's tz data), abbreviations as Go prints them
// from /usr/share/zoneinfo. Zones whose tzdata abbreviation is numeric ("+03", "+0530") are not listed.
import { UTC } from './time-parse';

export interface Zone { name: string; offsetSeconds: number }
export type Location = { fixed: Zone } | { iana: string };

// Generated with Go 1.19 from Debian's tzdata: "offset=abbreviation,…" and the zones using them (2024–2030).
const ABBREVIATIONS: [string, string][] = [
  ['-10800=ADT,-14400=AST', 'America/Glace_Bay America/Goose_Bay America/Halifax America/Moncton America/Thule Atlantic/Bermuda Canada/Atlantic'],
  ['-12600=NST,-9000=NDT', 'America/St_Johns Canada/Newfoundland'],
  ['-14400=AST', 'America/Anguilla America/Antigua America/Aruba America/Barbados America/Blanc-Sablon America/Curacao America/Dominica America/Grenada America/Guadeloupe America/Kralendijk America/Lower_Princes America/Marigot America/Martinique America/Montserrat America/Port_of_Spain America/Puerto_Rico America/Santo_Domingo America/St_Barthelemy America/St_Kitts America/St_Lucia America/St_Thomas America/St_Vincent America/Tortola America/Virgin'],
  ['-14400=CDT,-18000=CST', 'America/Havana Cuba'],
  ['-14400=EDT,-18000=EST', 'America/Detroit America/Fort_Wayne America/Grand_Turk America/Indiana/Indianapolis America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac America/Indianapolis America/Iqaluit America/Kentucky/Louisville America/Kentucky/Monticello America/Louisville America/Montreal America/Nassau America/New_York America/Nipigon America/Pangnirtung America/Port-au-Prince America/Thunder_Bay America/Toronto Canada/Eastern EST5EDT US/East-Indiana US/Eastern US/Michigan'],
  ['-18000=CDT,-21600=CST', 'America/Chicago America/Indiana/Knox America/Indiana/Tell_City America/Knox_IN America/Matamoros America/Menominee America/North_Dakota/Beulah America/North_Dakota/Center America/North_Dakota/New_Salem America/Ojinaga America/Rainy_River America/Rankin_Inlet America/Resolute America/Winnipeg CST6CDT Canada/Central US/Central US/Indiana-Starke'],
  ['-18000=EST', 'America/Atikokan America/Cancun America/Cayman America/Coral_Harbour America/Jamaica America/Panama EST Jamaica'],
  ['-21600=CST', 'America/Bahia_Banderas America/Belize America/Chihuahua America/Costa_Rica America/El_Salvador America/Guatemala America/Managua America/Merida America/Mexico_City America/Monterrey America/Regina America/Swift_Current America/Tegucigalpa Canada/Saskatchewan Mexico/General'],
  ['-21600=MDT,-25200=MST', 'America/Boise America/Cambridge_Bay America/Ciudad_Juarez America/Denver America/Edmonton America/Inuvik America/Shiprock America/Yellowknife Canada/Mountain MST7MDT Navajo US/Mountain'],
  ['-25200=MST', 'America/Creston America/Dawson America/Dawson_Creek America/Fort_Nelson America/Hermosillo America/Mazatlan America/Phoenix America/Whitehorse Canada/Yukon MST Mexico/BajaSur US/Arizona'],
  ['-25200=PDT,-28800=PST', 'America/Ensenada America/Los_Angeles America/Santa_Isabel America/Tijuana America/Vancouver Canada/Pacific Mexico/BajaNorte PST8PDT US/Pacific'],
  ['-28800=AKDT,-32400=AKST', 'America/Anchorage America/Juneau America/Metlakatla America/Nome America/Sitka America/Yakutat US/Alaska'],
  ['-32400=HDT,-36000=HST', 'America/Adak America/Atka US/Aleutian'],
  ['-36000=HST', 'HST Pacific/Honolulu Pacific/Johnston US/Hawaii'],
  ['-39600=SST', 'Pacific/Midway Pacific/Pago_Pago Pacific/Samoa US/Samoa'],
  ['0=GMT', 'Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Bissau Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome Africa/Monrovia Africa/Nouakchott Africa/Ouagadougou Africa/Sao_Tome Africa/Timbuktu America/Danmarkshavn Atlantic/Reykjavik Atlantic/St_Helena Etc/GMT Etc/GMT+0 Etc/GMT-0 Etc/GMT0 Etc/Greenwich GMT GMT+0 GMT-0 GMT0 Greenwich Iceland'],
  ['0=GMT,3600=BST', 'Europe/Belfast Europe/Guernsey Europe/Isle_of_Man Europe/Jersey Europe/London GB GB-Eire'],
  ['0=GMT,3600=IST', 'Eire Europe/Dublin'],
  ['0=UTC', 'Etc/UCT Etc/UTC Etc/Universal Etc/Zulu UCT UTC Universal Zulu'],
  ['0=WET,3600=WEST', 'Atlantic/Canary Atlantic/Faeroe Atlantic/Faroe Atlantic/Madeira Europe/Lisbon Portugal WET'],
  ['10800=EAT', 'Africa/Addis_Ababa Africa/Asmara Africa/Asmera Africa/Dar_es_Salaam Africa/Djibouti Africa/Kampala Africa/Mogadishu Africa/Nairobi Indian/Antananarivo Indian/Comoro Indian/Mayotte'],
  ['10800=EEST,7200=EET', 'Africa/Cairo Asia/Beirut Asia/Famagusta Asia/Gaza Asia/Hebron Asia/Nicosia EET Egypt Europe/Athens Europe/Bucharest Europe/Chisinau Europe/Helsinki Europe/Kiev Europe/Kyiv Europe/Mariehamn Europe/Nicosia Europe/Riga Europe/Sofia Europe/Tallinn Europe/Tiraspol Europe/Uzhgorod Europe/Vilnius Europe/Zaporozhye'],
  ['10800=IDT,7200=IST', 'Asia/Jerusalem Asia/Tel_Aviv Israel'],
  ['10800=MSK', 'Europe/Kirov Europe/Moscow Europe/Simferopol Europe/Volgograd W-SU'],
  ['18000=PKT', 'Asia/Karachi'],
  ['19800=IST', 'Asia/Calcutta Asia/Kolkata'],
  ['25200=WIB', 'Asia/Jakarta Asia/Pontianak'],
  ['28800=AWST', 'Australia/Perth Australia/West'],
  ['28800=CST', 'Asia/Chongqing Asia/Chungking Asia/Harbin Asia/Macao Asia/Macau Asia/Shanghai Asia/Taipei PRC ROC'],
  ['28800=HKT', 'Asia/Hong_Kong Hongkong'],
  ['28800=PST', 'Asia/Manila'],
  ['28800=WITA', 'Asia/Makassar Asia/Ujung_Pandang'],
  ['32400=JST', 'Asia/Tokyo Japan'],
  ['32400=KST', 'Asia/Pyongyang Asia/Seoul ROK'],
  ['32400=WIT', 'Asia/Jayapura'],
  ['34200=ACST', 'Australia/Darwin Australia/North'],
  ['34200=ACST,37800=ACDT', 'Australia/Adelaide Australia/Broken_Hill Australia/South Australia/Yancowinna'],
  ['36000=AEST', 'Australia/Brisbane Australia/Lindeman Australia/Queensland'],
  ['36000=AEST,39600=AEDT', 'Antarctica/Macquarie Australia/ACT Australia/Canberra Australia/Currie Australia/Hobart Australia/Melbourne Australia/NSW Australia/Sydney Australia/Tasmania Australia/Victoria'],
  ['36000=ChST', 'Pacific/Guam Pacific/Saipan'],
  ['3600=CET', 'Africa/Algiers Africa/Tunis'],
  ['3600=CET,7200=CEST', 'Africa/Ceuta Arctic/Longyearbyen Atlantic/Jan_Mayen CET Europe/Amsterdam Europe/Andorra Europe/Belgrade Europe/Berlin Europe/Bratislava Europe/Brussels Europe/Budapest Europe/Busingen Europe/Copenhagen Europe/Gibraltar Europe/Ljubljana Europe/Luxembourg Europe/Madrid Europe/Malta Europe/Monaco Europe/Oslo Europe/Paris Europe/Podgorica Europe/Prague Europe/Rome Europe/San_Marino Europe/Sarajevo Europe/Skopje Europe/Stockholm Europe/Tirane Europe/Vaduz Europe/Vatican Europe/Vienna Europe/Warsaw Europe/Zagreb Europe/Zurich Poland'],
  ['3600=MET,7200=MEST', 'MET'],
  ['3600=WAT', 'Africa/Bangui Africa/Brazzaville Africa/Douala Africa/Kinshasa Africa/Lagos Africa/Libreville Africa/Luanda Africa/Malabo Africa/Ndjamena Africa/Niamey Africa/Porto-Novo'],
  ['43200=NZST,46800=NZDT', 'Antarctica/McMurdo Antarctica/South_Pole NZ Pacific/Auckland'],
  ['7200=CAT', 'Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Harare Africa/Juba Africa/Khartoum Africa/Kigali Africa/Lubumbashi Africa/Lusaka Africa/Maputo Africa/Windhoek'],
  ['7200=EET', 'Africa/Tripoli Europe/Kaliningrad Libya'],
  ['7200=SAST', 'Africa/Johannesburg Africa/Maseru Africa/Mbabane'],
];

let byZone: Map<string, Map<number, string>> | undefined;
function abbreviations(zone: string): Map<number, string> | undefined {
  if (!byZone) {
    byZone = new Map();
    for (const [abbrs, zones] of ABBREVIATIONS) {
      const m = new Map(abbrs.split(',').map((p) => [Number(p.slice(0, p.indexOf('='))), p.slice(p.indexOf('=') + 1)] as const));
      for (const z of zones.split(' ')) byZone.set(z, m);
    }
  }
  return byZone.get(zone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
  } catch {
    return undefined;
  }
  formatters.set(zone, f);
  return f;
}

/** time.LoadLocation: "" and "UTC" are UTC, "Local" is Local (UTC here), else a tz database name. */
export function loadLocation(name: string): Location | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return { fixed: UTC };
  if (name.startsWith('/') || name.includes('..') || /^[+-]/.test(name)) return undefined;
  const f = formatter(name);
  // Intl matches names case-insensitively; zoneinfo files (as Go opens them) do not.
  if (!f || (f.resolvedOptions().timeZone.toLowerCase() === name.toLowerCase() && f.resolvedOptions().timeZone !== name)) return undefined;
  return { iana: name };
}

function offsetAt(f: Intl.DateTimeFormat, ms: number): number {
  const p: Record<string, string> = {};
  for (const { type, value } of f.formatToParts(new Date(ms))) p[type] = value;
  const year = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  wall.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
  return Math.round((wall.getTime() - (ms - (((ms % 1000) + 1000) % 1000))) / 1000);
}

function numericAbbreviation(off: number): string {
  const a = Math.abs(off);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = Math.floor((a % 3600) / 60);
  return (off < 0 ? '-' : '+') + hh + (mm === 0 ? '' : String(mm).padStart(2, '0'));
}

/** The zone (abbreviation and offset) in effect at instant ms: time.Time.In(loc). */
export function zoneAt(loc: Location, ms: number): Zone {
  if ('fixed' in loc) return loc.fixed;
  const off = offsetAt(formatter(loc.iana)!, ms);
  return { name: abbreviations(loc.iana)?.get(off) ?? numericAbbreviation(off), offsetSeconds: off };
}
