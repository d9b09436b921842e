"""Word lists the rules type names with: general English, never names from particular articles.

The large gazetteers (first names, places) and the org/demonym lists are text files in ``data/``
(see ``build_lexicons.py`` for where the generated ones come from); they are read once, lazily.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles written right before a name: "Mr. Smith", "Gen. Milley", "Sen. Warren".
HONORIFICS = _words(
    """Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame Lord Lady Madame Mme Mme.
    Gen Gen. Lt Lt. Col Col. Maj Maj. Capt Capt. Cpl Sgt Sgt. Adm Adm. Cmdr Brig Brig. Gov Gov.
    Sen Sen. Rep Rep. Rev Rev. Fr Fr. Pope Sheikh Sheik Imam Rabbi Father Sister Brother
    Archbishop Bishop Cardinal Ayatollah Mullah Judge Justice Officer Detective
    Sergeant Lieutenant Colonel Major Captain Corporal Private Admiral Marshal Commander
    General President Vice Prime Premier Chancellor Minister Secretary Ambassador Senator
    Congressman Congresswoman Representative Governor Mayor King Queen Prince Princess Emperor
    Empress Duke Duchess Count Baron Tsar Czar Crown Speaker Chairman Chairwoman Chair CEO
    Chief Director Dean Commissioner Attorney Prosecutor Coach Professor Doctor Deputy Acting
    Foreign Defence Defense Interior Finance Economy Health Justice Trade Energy Education
    Former Presidents Ministers Secretaries Leaders Leader Spokesman Spokeswoman Spokesperson
    Engineer Coroner Sheriff Inspector Superintendent Constable Trooper Agent Pastor Deacon
    Envoy Emir Sultan Patriarch Metropolitan Ombudsman Head Editor Founder Chairperson"""
)

# Lower-case role nouns that make the next capitalised words a person: "spokesman Dmitry Peskov".
ROLE_NOUNS = _words(
    """spokesman spokeswoman spokesperson president minister secretary chancellor leader chief
    director official officer envoy ambassador governor mayor senator lawmaker congressman
    congresswoman representative deputy aide adviser advisor analyst economist expert professor
    researcher scientist author writer journalist reporter correspondent editor columnist
    commentator anchor host actor actress singer rapper musician artist player striker midfielder
    defender goalkeeper coach manager captain athlete star champion chairman chairwoman ceo
    founder co-founder owner executive investor billionaire businessman businesswoman
    entrepreneur lawyer
    attorney prosecutor judge justice general commander colonel lieutenant sergeant soldier
    diplomat negotiator premier king queen prince princess emperor dictator strongman rival
    opponent challenger candidate nominee incumbent predecessor successor colleague counterpart
    ally allies wife husband son daughter mother father brother sister widow uncle aunt cousin
    friend partner girlfriend boyfriend activist dissident campaigner protester blogger pastor
    priest bishop cleric imam rabbi monk pope patriarch head boss presenter producer director
    designer architect engineer inventor doctor surgeon nurse physician spokespeople told
    member lawmakers senators presidents ministers leaders officials by"""
) - {"told", "by"}

# Words in a role phrase between a title and the name: "Secretary of State Antony Blinken".
ROLE_FILLERS = _words(
    """of the for and State Defence Defense Foreign Affairs Interior Home Homeland Security
    Justice Health Finance Treasury Commerce Energy Education Labor Labour Agriculture Transport
    Transportation Economy Economic Development Trade Culture Environment Housing Veterans
    Emergency Emergencies Situations Digital Internal External International Relations National
    General Staff Joint Chiefs Armed Forces Army Navy Air Force Intelligence Information Press
    Media Public Social Sciences Science Technology Industry Investment Tourism Sport Sports
    Youth Women Family Children Welfare Planning Budget Revenue Customs Immigration Police
    Attorney Solicitor Vice Deputy Prime First Second Third Senior Chief Acting Interim Former
    Executive Managing Assistant Under Permanent Special High Supreme Grand Lord Lieutenant
    Major Rear Commander Secretary Minister Director Chairman President"""
)

# Head words that make a capitalised sequence an organisation: "Anadolu Agency".
ORG_HEADS = _words(
    """Ministry Ministries Agency Bank Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. LLC Plc
    PLC GmbH AG SA NV Group Holdings Holding Party Council Committee Commission University
    College Institute Institution Foundation Association Society Union Federation League
    Organisation Organization Department Office Bureau Service Services Authority Court Tribunal
    Assembly Parliament Congress Senate Cabinet Government Administration Church Mosque
    Synagogue Temple Museum Hospital Clinic School Academy Club Team United Airlines Airways
    Airline Motors Energy Oil Petroleum Gas Telecom Communications Media News Times Post
    Journal Herald Tribune Gazette Press Network Channel Television TV Radio Broadcasting
    Sentinel Chronicle Telegraph Inquirer Enquirer Observer Examiner Dispatch Bulletin Statesman
    Studios Records Pictures Entertainment Systems Technologies Technology Software
    Electronics Industries Industry Pharmaceuticals Labs Laboratories Partners Capital Fund
    Funds Trust Exchange Reserve Treasury Force Forces Army Navy Guard Police Brigade Regiment
    Battalion Division Corps Command Front Movement Alliance Coalition Bloc Caucus Board
    Center Centre Agencies Company Companies Enterprises Brands Foods Stores Group's Firm
    Consortium Cooperative Network Initiative Fund Programme Program Watch Council's Inc's
    Commission's Ministry's Directorate Secretariat Inspectorate Prosecutor's Mission Embassy
    Consulate House Legion Militia Brotherhood Front Review Magazine Daily Weekly
    FC CF Rovers Athletic Wanderers Orchestra Band Choir Ensemble Chamber Chambers Railway
    Railways Railroad Lottery Centers Centres Publishing Publications Productions Studio
    Diocese Archdiocese Seminary Conservatory Polytechnic Fleet Squadron Wing
    Battalions Brigades Regiments Cooperative Co-operative Brewery Brewing Distillery Mining
    Pty Limited Incorporated Trust's Bancorp Insurance Assurance Securities Investments
    Democrats Republicans Conservatives Liberals Greens Socialists Communists Moderates Tories
    Nationalists Progressives Unionists Populists"""
)

# Words before a place head that make it an administrative body: "Unified School District".
DISTRICT_BODIES = _words(
    """School Schools Water Fire Sewer Sanitation Transit Hospital Health Library Police
    Utility Irrigation Conservation Park Parks Development Housing"""
)

# Head nouns that open a sentence as ordinary words ("Police said"): alone, no name.
GENERIC_HEADS = _words("Police Government Authorities Officials Troops Prosecutors")

# Head words of places: "Black Sea", "Gulf of Mexico", "Luhansk People's Republic".
PLACE_HEADS = _words(
    """Republic Kingdom Emirates States Islands Island Isles Sea Ocean Gulf Bay Strait Straits
    Channel River Lake Lakes Mountains Mountain Mount Mt Mt. Hills Valley Desert Peninsula Coast
    Plain Plains Basin Delta Canal Province Region Oblast Krai County District Territory
    Territories City Town Village Square Street Avenue Road Boulevard Bridge Park Airport Port
    Harbour Harbor Stadium Arena Palace Hall Cathedral Pond Brook Creek Reservoir Dock
    Junction Plateau Canyon Gorge Lagoon Marsh Springs Gym Heights Peak Falls Forest Beach Cape
    Glacier Prefecture Governorate
    Municipality Borough Canton Federation Union Caliphate Empire Land Highlands Steppe Reef"""
)
COMPASS = frozenset(
    [
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Upper",
        "Lower",
        "Greater",
        "Central",
    ]
)
PLACE_PREFIXES = _words("Mount Mt Mt. Lake Cape Fort Port Gulf Isle Lac Rio San Santa St St.")

# Lower-case words after a name that make it a place: "the Donetsk region".
PLACE_NOUNS_AFTER = _words(
    """region regions province provinces oblast oblasts state states county counties city
    cities town towns village villages district districts area areas territory territories
    border borders capital peninsula island islands river valley coast"""
)
# Lower-case words before a name that make it a place: "in Moscow", "near Kharkiv".
PLACE_PREPS = _words("in near from to outside across into toward towards via at around")

# Speech and action verbs after a name that make it a person ("Smith said").
PERSON_VERBS_AFTER = _words(
    """said says told added noted stressed explained argued insisted claimed wrote tweeted
    asked replied warned urged denied admitted acknowledged announced recalled declared
    believes believed thinks thought wants wanted hopes hoped met visited died was is has had
    who whose himself herself"""
)
SPEECH_VERBS = _words(
    """said says told added noted stressed explained argued insisted claimed wrote tweeted
    asked replied warned urged denied admitted acknowledged announced recalled declared"""
)

# Connectors allowed inside a name: "Bank of England", "Leonardo da Vinci", "Ludwig van Beethoven".
NAME_PARTICLES = _words(
    """de da di del della der den van von le la du des dos das bin ibn bint al el ul abu ter
    zu y e"""
)
ORG_CONNECTORS = _words("of for on the and & de du des der")

# Possessive owners that belong inside names: "People's Republic", "Workers' Party".
POSSESSIVE_IN_NAME = _words(
    """People Peoples Workers Women Children Men Veterans Farmers Nation Nations Citizens
    Youth Soldiers Martyrs Mothers Saint St St. Lloyd McDonald Macy Domino Wendy Moody"""
)

# Common capitalised words that are not names on their own (sentence starts, headlines).
FUNCTION_WORDS = _words(
    """a an the this that these those there here it its it's he she they we you i me my our
    your his her their them us him who whom whose what which when where why how whether if
    then than so as at by for from in into of on onto off out over under up down with without
    within about above across after against along amid among around before behind below
    beneath beside besides between beyond but despite during except inside near outside past
    since through throughout till to toward towards until upon via and or nor not no yes all
    any both each either every few many more most much neither none other others several some
    such one two three four five six seven eight nine ten first second third last next new old
    also although though however meanwhile moreover nevertheless nonetheless therefore thus
    hence instead still yet already even just only ever never always often sometimes perhaps
    maybe indeed certainly clearly obviously according while because unless once whereas
    today yesterday tomorrow tonight now later earlier recently currently finally eventually
    again further furthermore additionally overall anyway otherwise besides likewise similarly
    is are was were be been being am do does did done have has had having will would shall
    should can could may might must need ought let lets get got say says said tell told
    ask asked see seen watch read click share follow subscribe sign log comment comments
    reply related latest more most top breaking live update updated updates advertisement
    advertising sponsored source sources photo photos image images video videos file credit
    copyright reserved rights home page menu search contact about privacy terms cookies
    news story stories article articles report reports editor editorial opinion analysis
    monday tuesday wednesday thursday friday saturday sunday january february march april june
    july august september october november december jan feb mar apr jun jul aug sep sept oct
    nov dec mon tue wed thu fri sat sun mr mrs ms dr"""
)

# Words in FUNCTION_WORDS that can still end a name ("League of Rights", "Fox News",
# "Formula One", "Air Force One"): nouns, numerals, ordinals.
NAME_ENDING_WORDS = _words(
    """one two three four five six seven eight nine ten first second third last next new old
    watch read share follow comment comments reply related latest top breaking live update
    updates advertisement advertising source sources photo photos image images video videos
    file credit copyright rights home page menu search contact privacy terms cookies news
    story stories article articles report reports editor editorial opinion analysis today
    tomorrow tonight"""
)

# All-caps words that are not names: "TV shows", "GDP growth", "LNG".
UPPER_NOT_NAMES = _words(
    """TV GDP CEO CFO COO CTO PM AM ID DNA AI IT PR HIV AIDS COVID COVID-19 LNG GMT UTC EST PST
    PDF FAQ USD EUR RUB GBP JPY CNY VIP SUV ATM OK UFO IQ HQ RSS URL PHOTO VIDEO WATCH READ MORE
    UPDATE LIVE BREAKING EXCLUSIVE I CD DVD DJ EP LP KO ERA RPM MVP SMS GPS USB OST FM AM"""
)

# Last words of events, laws, prizes and other MISC names: "World War II", "Paris Agreement".
MISC_HEADS = _words(
    """War Wars Games Olympics Cup Championship Championships Prize Award Awards Festival
    Agreement Accord Accords Treaty Act Doctrine Plan Protocol Convention Declaration Charter
    Revolution Crisis Summit Expo Open Marathon Grand Prix Series Day Week Year Campaign Battle
    Trophy Bowl Medal Operation Ages Slam Olympiad Paralympics Derby Classic Rally"""
)

WEEKDAYS_MONTHS = _words(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec"""
)


@dataclass(frozen=True, slots=True)
class Gazetteers:
    """The shipped data files, parsed once."""

    first_names: frozenset[str]
    places: dict[str, str]  # name -> country | city | region | continent
    orgs: frozenset[str]
    orgs_folded: frozenset[str]  # ALL-CAPS org entries in Title case ("Tass")
    demonyms: frozenset[str]


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def gazetteers() -> Gazetteers:
    """Load the data files (about 20 ms, once per process)."""
    common = FUNCTION_WORDS | WEEKDAYS_MONTHS
    first = frozenset(
        n for n in _lines("first_names.txt") if n.lower() not in common or n.isupper()
    )
    places: dict[str, str] = {}
    for row in _lines("places.tsv") + _lines("places_extra.tsv"):
        name, _, kind = row.partition("\t")
        if name.lower() not in common or name.isupper():
            places[name] = kind
    orgs = frozenset(_lines("orgs.txt"))
    folded = frozenset(o.title() for o in orgs if o.isupper() and len(o) > 3)
    return Gazetteers(first, places, orgs, folded, frozenset(_lines("demonyms.txt")))
