"""Trigger lexicons: the verbs, phrases and nominalisations that express each PLOVER event type.

Each entry is written once in a small phrase syntax and compiled at import into
``head word -> [Trigger]``: the extractor looks words up in a dict and only then tries the short
tail pattern, so an article costs one dict look-up per word, not one regex per entry.

Phrase syntax (space-separated tokens, case-insensitive):
``lemma~`` any verb form, ``lemma+`` singular or plural, ``a|b`` one of the words,
``?tok`` optional token, ``...`` up to seven other words, ``..`` up to three,
``!a|b`` the next word is none of these.
The first token is the head and must be a plain word, verb or noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.events.inflect import noun_forms, verb_forms

# (type, mode, flags, phrases). Flags: "N" nominal trigger (an act named by a noun),
# "swap" the grammatical object is the actor (hosting: the visitor is the actor),
# "gov" governs an infinitive ("refused to meet"): the inner act is what is rejected, requested...
# "pass" only in the passive ("aid was delivered to X by Y": the thing moved is no party)
_ENTRIES: tuple[tuple[str, str, str, str], ...] = (
    # ---------------------------------------------------------------- verbal cooperation
    (
        "AGREE",
        "",
        "gov",
        "agree~ to; offer~ to; promise~ to; pledge~ to; commit~ to; vow~ to;"
        " agree~ on monday|tuesday|wednesday|thursday|friday|saturday|sunday to;"
        " agree~ last|this|earlier|late ?this week|month|year|night|monday|tuesday|wednesday|"
        "thursday|friday|saturday|sunday to;"
        " undertake~ to; consent~ to; sign~ up to",
    ),
    (
        "AGREE",
        "",
        "",
        "agree~ on; agree~ a|an|the; reach~ .. agreement+|deal+|accord+|"
        "compromise|understanding; invite~;"
        " strike~ ?a ?new deal;"
        " offer~ to host; announce~ ?a|an|the deal|agreement",
    ),
    ("AGREE", "", "N", "invitation+"),
    (
        "CONSULT",
        "",
        "",
        "meet~; hold~ ?a|an ?bilateral|direct|formal|informal|fresh|new|peace"
        " talks|meeting|meetings|negotiations|discussions|consultations; negotiate~; consult~;"
        " discuss~; confer~; speak~ with|to; talk~ with|to; hold~ ?a phone|telephone call|talks;"
        " hold~ .. round+ of .. talks|negotiations|consultations|discussions",
    ),
    (
        "CONSULT",
        "",
        "N",
        "talks with|between; negotiations with|between; meeting+ with|between; summit+ with",
    ),
    (
        "CONSULT",
        "phone",
        "",
        "phone~; telephone~; call~ !on|for|off|to|it|up; speak~ by phone|"
        "telephone; tell~ ... phone|telephone call|conversation",
    ),
    (
        "CONSULT",
        "phone",
        "N",
        "phone call+; telephone call+; video call+; videoconference+; phone conversation+",
    ),
    (
        "CONSULT",
        "visit",
        "",
        "visit~ !by; travel~ to; arrive~ in; fly~ to; flew to; send~ ?a|an|its|their ?high-level"
        " ?trade|government|official|parliamentary delegation|envoy|mission",
    ),
    ("CONSULT", "visit", "swap", "host~; welcome~ ... to|in ?the capital|city|country"),
    (
        "SUPPORT",
        "",
        "",
        "praise~; welcome~; endorse~; back~ !down|off|out|away|up|to|in;"
        " support~; hail~; commend~; applaud~; laud~; congratulate~; thank~; ratify~; sign~"
        " ?a|an|the|its ... agreement|deal|treaty|accord|pact|memorandum|declaration|contract;"
        " recognise~; recognize~; restore~ ?full ?diplomatic ties|relations; establish~ ?full"
        " diplomatic ties|relations; express~ ?its|his|her|their ?full|strong|unwavering"
        " support|solidarity; stand~ with|by; apologise~; apologize~; defend~ ?the|his|her|its"
        " decision|policy|move|record|choice",
    ),
    ("SUPPORT", "", "N", "support for; endorsement+; solidarity with"),
    (
        "CONCEDE",
        "",
        "",
        "concede~; make~ ?a|any|new|further ?major concession+; back~ down;"
        " yield~ to; accept~ ?the|their|his|her|its demand+|terms|conditions; ease~ ?the|its"
        " restrictions|curbs|rules; declare~ ?a|an ?unilateral|temporary ceasefire|truce;"
        " announce~ ?a|an ?unilateral|temporary ceasefire|truce; relent~; cave~ in",
    ),
    ("CONCEDE", "", "N", "concession+"),
    (
        "CONCEDE",
        "",
        "",
        "suspend~ .. strike|strikes|protest+|walkout|boycott|sit-in; call~ off .. strike|strikes|"
        "protest+|walkout|boycott|sit-in",
    ),
    # ---------------------------------------------------------------- material cooperation
    (
        "COOPERATE",
        "",
        "",
        "cooperate~; co-operate~; collaborate~; extradite~; hand~ over"
        " ?the ?suspect|suspects|fugitive; share~ .. intelligence|information|data|evidence;"
        " partner~ with; team~ up;"
        " hold~ ?a ?joint ?military|naval exercise+|drill+|manoeuvres|maneuvers;"
        " conduct~ ?a joint; resume~ .. trade|flights|cooperation|exports|imports|exchanges|"
        "services|shipments|deliveries|links|patrols",
    ),
    (
        "COOPERATE",
        "",
        "N",
        "cooperation with|between|on; joint ?military|naval|air"
        " exercise+|drill+|patrol+|operation+|manoeuvres|maneuvers",
    ),
    (
        "AID",
        "",
        "",
        "send~ ... aid|assistance|weapons|arms|ammunition|tanks|missiles|jets|"
        "supplies|food|medicine|medicines|vaccines|equipment|troops|money|funds|loan|loans|"
        "systems|rockets|shells|doctors|rescuers|package|help|teams|experts|personnel|workers;"
        " provide~; deliver~ ... aid|"
        "assistance|weapons|arms|ammunition|tanks|missiles|jets|supplies|food|medicine|vaccines|"
        "equipment|systems|rockets|shells|package|funding|funds|money|boats|vessels|tents|"
        "blankets; supply~; donate~; give~ ... aid|assistance|"
        "weapons|arms|million|billion|money|funds|loan|grant; grant~ ... asylum|aid|loan|"
        "assistance|million|billion; lend~; fund~; finance~; rescue~; airlift~; ship~ ... aid|"
        "weapons|arms|supplies|food|fuel|grain|ammunition|rice|wheat|vaccines|"
        "medicine|medicines|tents; approve~ ... aid|assistance|loan|"
        "package|tranche; announce~ ... aid|assistance|package; pledge~ ... aid|assistance|"
        "million|billion|support|troops; forgive~ ?the debt|debts|loans",
    ),
    ("AID", "", "N", "aid to|for; assistance to|for; shipment+ of; delivery of; deliveries of"),
    (
        "RETREAT",
        "withdraw",
        "",
        "withdraw~; pull~ out|back; retreat~; evacuate~ ?its troops|"
        "forces|soldiers; leave~ ?the city|town|region|area|territory",
    ),
    ("RETREAT", "withdraw", "N", "withdrawal+ of|from"),
    (
        "RETREAT",
        "release",
        "",
        "release~ !a|an|its|their|his|her|the|new|statement|report|"
        "video|figures|data|details|footage|images|photos|results|album|film|funds; free~;"
        " release~ the|a|an|their|its|his|her|two|three|four|five|dozens|hundreds|some|all"
        " ... prisoner+|hostage+|detainee+|captive+|journalist+|activist+|soldier+|"
        "sailor+|citizen+|crew|man|woman|men|women|children|tourist+|worker+|student+|"
        "national+|dissident+|opposition|leader|critic+|missionary+|passenger+|employee+|"
        "villager+|migrant+|staff; swap~"
        " ?prisoners; exchange~ ?the prisoners|captives|bodies|pows",
    ),
    ("RETREAT", "release", "N", "prisoner swap+; prisoner exchange+; release of"),
    (
        "RETREAT",
        "return",
        "",
        "return~ ?the control|bodies|territory|artefacts|artifacts|"
        "property|remains|children|assets; hand~ ?power|control|territory|authority back;"
        " give~ back",
    ),
    (
        "RETREAT",
        "disarm",
        "",
        "disarm~; surrender~; lay~ down ?their|its ?arms|weapons;"
        " demobilise~; demobilize~; decommission~",
    ),
    (
        "RETREAT",
        "ceasefire",
        "",
        "observe~ ?the|a ceasefire|truce; halt~ ?its|their attacks|"
        "strikes|fighting|offensive; stop~ ?the|its|their shelling|fighting|attacks|offensive",
    ),
    (
        "RETREAT",
        "access",
        "",
        "allow~ .. inspectors|observers|"
        "monitors|aid|access|peacekeepers|journalists|convoys|humanitarian; grant~ ?full"
        " access; open~ ?a ?humanitarian corridor+|border|crossing+",
    ),
    ("RETREAT", "resign", "", "resign~; step~ down|aside; quit; stand~ down"),
    ("RETREAT", "", "", "ease~ ?the|its|some ... sanctions|embargo|blockade"),
    (
        "RETREAT",
        "",
        "",
        "lift~ ... sanctions|blockade|embargo|curfew|curbs|tariffs|controls|"
        "ban|restrictions|siege|state; unfreeze~",
    ),
    # ---------------------------------------------------------------- verbal conflict
    (
        "REQUEST",
        "",
        "gov",
        "call~ on|upon; urge~; ask~; appeal~ to|for; press~; plead~ with;"
        " implore~; beg~; demand~; request~; push~ for; call~ for; "
        " petition~",
    ),
    (
        "REQUEST",
        "",
        "gov,N",
        "demand+; request+; appeal+; call+ for|on",
    ),
    (
        "ACCUSE",
        "allege",
        "",
        "accuse~ ... of; accuse~; allege~; blame~; charge~ ... with; indict~; sue~; prosecute~;"
        " file~ ?a lawsuit|complaint|case|charges; bring~ charges; put~ on trial; hold~ ..."
        " responsible",
    ),
    ("ACCUSE", "allege", "N", "accusation+; allegation+; charges against; lawsuit+ against"),
    (
        "ACCUSE",
        "disapprove",
        "",
        "condemn~; criticise~; criticize~; denounce~; decry~; slam~;"
        " lambast~; lambaste~; rebuke~; deplore~; castigate~; blast~; assail~; berate~; censure~;"
        " complain~; protest~ to; lodge~ ?a ?formal|strong protest|complaint; summon~ ... "
        "ambassador|envoy|diplomat|charge; reprimand~",
    ),
    ("ACCUSE", "disapprove", "N", "condemnation+; criticism+ of; rebuke+"),
    (
        "ACCUSE",
        "investigate",
        "",
        "investigate~; probe~; launch~ ?a|an ?criminal|formal|new|"
        "independent investigation|probe|inquiry; open~ ?a|an ?criminal|formal|new investigation|"
        "probe|inquiry|case",
    ),
    ("ACCUSE", "investigate", "N", "investigation into; probe into; inquiry into"),
    (
        "REJECT",
        "",
        "",
        "reject~; dismiss~ ?the|these|such|those|his|her|their|its|all|any"
        " claim+|allegation+|accusation+|report+|call+|demand+|criticism|suggestion+|"
        "idea|proposal+|charge+|concern+|speculation|request+|offer+; turn~ down; rebuff~;"
        " veto~; spurn~; rule~ out; snub~; cancel~ ?the|a|his|her|its|their ?planned|scheduled"
        " talks|meeting|visit|summit; call~ off .. talks|meeting|visit|summit|negotiations|"
        "trip|deal|agreement|dialogue",
    ),
    ("REJECT", "", "gov", "refuse~; decline~ to"),
    (
        "REJECT",
        "",
        "",
        "block~ ?a|an|the ... package|deal|resolution|bid|proposal|plan|statement|decision|"
        "nomination|membership|accession|appointment|declaration|motion",
    ),
    ("REJECT", "", "N", "rejection of; refusal to"),
    (
        "REJECT",
        "deny",
        "",
        "deny~; deny~ ?any ?involvement|responsibility; refute~; dismiss~ as .."
        " allegation+|accusation+|claim+|report+|charge+; deny~"
        " ... allegation+|accusation+|claim+|report+",
    ),
    ("REJECT", "deny", "N", "denial+"),
    ("THREATEN", "", "gov", "threaten~ to; vow~ to; warn~ ?that ?it|they ... would|will"),
    (
        "THREATEN",
        "",
        "",
        "threaten~; warn~ ... of|against ?serious|severe|grave|dire|harsh|"
        "retaliation|consequences|response|action|measures|reprisals|attacks; issue~ ?a|an"
        " ?final ultimatum|threat|warning; vow~ revenge|retaliation|retribution",
    ),
    ("THREATEN", "", "N", "ultimatum+; threat+ against|to|of"),
    # ---------------------------------------------------------------- material conflict
    (
        "PROTEST",
        "demo",
        "",
        "protest~ !to; demonstrate~ against|outside|in|at|near; rally~"
        " against|outside|in|at|near|for; march~ through|to|on|in|against; take~ to the streets;"
        " stage~ ?a|an ?mass|large|peaceful|street|noisy protest|protests|rally|demonstration|"
        "sit-in|march|vigil; hold~ ?a|an ?mass|large|peaceful|street protest|rally|"
        "demonstration|vigil",
    ),
    (
        "PROTEST",
        "demo",
        "N",
        "protest+ against|outside|in|at|over; demonstration+; rally+ against|in|outside; sit-in+",
    ),
    ("PROTEST", "riot", "", "riot~; clash~ with police; loot~"),
    (
        "PROTEST",
        "strike",
        "",
        "go~ on strike; stage~ ?a|an ?general|national|one-day|24-hour"
        " strike|walkout; walk~ out; down~ tools; strike~ over|for",
    ),
    ("PROTEST", "strike", "N", "walkout+; general strike"),
    ("PROTEST", "hunger", "", "hunger strike; hunger-strike"),
    ("PROTEST", "boycott", "", "boycott~"),
    (
        "PROTEST",
        "obstruct",
        "",
        "block~ ?the|a ?main|major|key road+|highway+|street+|motorway+|bridge+|"
        "entrance+|port+|border|traffic; blockade~ ?the road+|highway+|street+|port+|border",
    ),
    (
        "SANCTION",
        "discontinue",
        "",
        "sanctioned|sanctioning; impose~ ?new|further|more|fresh"
        " ?sanctions|restrictions|tariffs|penalties on|against;"
        " impose~ ... sanctions|embargo|tariffs|"
        "restrictions|ban|curbs|duties; slap~ ... sanctions|tariffs|embargo; freeze~ ... assets|"
        "accounts|funds|aid|talks|relations|cooperation; suspend~; halt~ ?all imports|exports|"
        "trade|deliveries|shipments|flights|supplies|cooperation|aid|funding|talks|purchases;"
        " stop~ using|buying|selling|importing|exporting|accepting|supplying; cut~ ?off|back"
        " ?all ties|relations|aid|funding|supplies|exports|imports|trade; sever~; downgrade~;"
        " blacklist~; ban~ .. import|imports|export|exports|flights|sales; cancel~ ... contract+|"
        "deal+|agreement+; terminate~; curtail~; restrict~ ... exports|imports|trade|sales|"
        "flights|access",
    ),
    (
        "SANCTION",
        "discontinue",
        "N",
        "sanctions on|against|targeting; embargo+ on|against; tariffs on",
    ),
    (
        "SANCTION",
        "expel",
        "",
        "expel~ ... diplomat+|ambassador+|envoy+|embassy|staff|mission|representative+|"
        "from; kick~ out; oust~; suspend~ ... from; bar~ ... from",
    ),
    (
        "SANCTION",
        "withdraw",
        "",
        "quit the|a; pull~ out of; withdraw~ from ... treaty|"
        "agreement|accord|deal|pact|alliance|organisation|organization|talks|council|"
        "convention; recall~ ?its|their|his|her ambassador|envoy|diplomats",
    ),
    (
        "SANCTION",
        "convict",
        "",
        "convict~; sentence~; find~ ... guilty; fined|fining; jail~; order~ ... to pay",
    ),
    (
        "MOBILIZE",
        "troops",
        "",
        "deploy~; mobilise~; mobilize~; massed|massing; amass~;"
        " reinforce~; station~ ... troops|forces|soldiers|missiles|weapons;"
        " send~ ... troops|soldiers|forces|warships|carrier|destroyer+|submarine+|frigate+|"
        "fleet|battalion+|brigade+|"
        "reinforcements|paratroopers|marines;"
        " put~ ... on ?high|full|combat ?combat|high alert|standby;"
        " build~ up; call~ up ?reservists; move~ ... troops|forces|tanks|warships",
    ),
    ("MOBILIZE", "troops", "N", "deployment+ of; mobilisation+; mobilization+; build-up; buildup"),
    (
        "MOBILIZE",
        "weapons",
        "",
        "test~ ?a|an|its|new missile+|rocket+|weapon+|nuclear;"
        " test-fire~; launch~ ?a|an|two|three|several ?ballistic|cruise|hypersonic missile+"
        " !at|on|into|against",
    ),
    (
        "MOBILIZE",
        "weapons",
        "",
        "hold~ ?a|an !joint ?large-scale|major|massive|annual|snap|new|fresh|large"
        " ?live-fire|military|naval|air|missile drill+|exercise+|manoeuvres|maneuvers;"
        " conduct~ ?a|an !joint ?large-scale|major|massive|annual|snap|new|fresh|large"
        " ?live-fire|military|naval|air|missile drill+|exercise+",
    ),
    ("MOBILIZE", "police", "", "deploy~ ... police|riot|officers|guard|gendarmes"),
    (
        "COERCE",
        "arrest",
        "",
        "arrest~; detain~; imprison~; jail~; round~ up; take~ into"
        " custody; apprehend~; lock~ up; place~ under house arrest",
    ),
    ("COERCE", "arrest", "N", "arrest+ of; detention of"),
    (
        "COERCE",
        "seize",
        "",
        "raid~; seize~; confiscate~; search~; storm~; nationalise~;"
        " nationalize~; expropriate~; impound~",
    ),
    ("COERCE", "seize", "N", "raid+ on"),
    (
        "COERCE",
        "ban",
        "",
        "ban~; outlaw~; proscribe~; dissolve~; designate~ ... terrorist|"
        "extremist|undesirable|foreign agent",
    ),
    (
        "COERCE",
        "censor",
        "",
        "censor~; block~ access; shut~ down ?the newspaper|website|"
        "broadcaster|channel|station|outlet; restrict~ access; throttle~",
    ),
    (
        "COERCE",
        "curfew",
        "",
        "impose~ ?a|an ?nationwide|night-time|overnight|strict"
        " curfew|martial|emergency; declare~ .. state of emergency; declare~ martial law",
    ),
    ("COERCE", "deport", "", "deport~; expel~"),
    (
        "COERCE",
        "withhold",
        "",
        "cut~ off ?the ?power|electricity|gas|water|internet|supplies;"
        " shut~ off; withhold~; block~ ?the aid|supplies|deliveries|convoys; suspend~ ... internet|"
        "electricity|power|water|mobile; shut~ down ?the internet|electricity|power",
    ),
    (
        "COERCE",
        "restrict",
        "",
        "blockade~; cordon~ off; seal~ off; restrict~; besiege~; close~ ?its|the|their"
        " border|borders|crossing|crossings|airspace|ports",
    ),
    ("COERCE", "", "swap", "under ... pressure; under pressure from"),
    ("COERCE", "cyber", "", "hack~; cyberattack~; cyber-attack~"),
    ("COERCE", "cyber", "N", "cyberattack+ on|against; cyber-attack+ on|against; cyber attack+"),
    (
        "COERCE",
        "misinformation",
        "",
        "spread~ ... disinformation|misinformation|propaganda|lies|fake",
    ),
    (
        "ASSAULT",
        "",
        "",
        "attack~; assault~; invade~; kill~; strike~ !over|for !a|an/deal|agreement|accord|balance|"
        "blow|note|chord|tone|pose|bargain|compromise|deals; hit~; target~;"
        " ambush~; overrun~; capture~; fire~ at|on|into|upon; open~ fire; wound~; injure~;"
        " fight~; clash~; exchange~ fire|gunfire|shots; occupy~; annex~",
    ),
    (
        "ASSAULT",
        "",
        "N",
        "attack+ on|against; assault+ on|against; invasion+ of; offensive"
        " against|on; incursion+ into; strike+ on|against; killing of; killings of",
    ),
    (
        "ASSAULT",
        "heavy-weapons",
        "",
        "shell~; bombard~; pound~; fire~ ... artillery|rockets|"
        "shells|mortars|missiles|missile|rocket",
    ),
    ("ASSAULT", "heavy-weapons", "N", "shelling of; artillery fire; rocket attack+|fire"),
    ("ASSAULT", "aerial", "", "bomb~; airstrike~; air-strike~"),
    ("ASSAULT", "aerial", "N", "airstrike+; air strike+; air raid+; bombing+ of"),
    ("ASSAULT", "drone", "", "drone attack+|strike+"),
    ("ASSAULT", "drone", "N", "drone attack+|strike+"),
    ("ASSAULT", "explosives", "", "blow~ up; detonate~"),
    ("ASSAULT", "firearms", "", "shoot~; gun~ down"),
    (
        "ASSAULT",
        "abduct",
        "",
        "abduct~; kidnap~; kidnapp~; hijack~; take~ ... hostage|captive|prisoner",
    ),
    ("ASSAULT", "assassinate", "", "assassinate~"),
    ("ASSAULT", "assassinate", "N", "assassination+ of"),
    ("ASSAULT", "torture", "", "torture~"),
    ("ASSAULT", "execute", "", "execute~"),
    ("ASSAULT", "beat", "", "beat~; beat up"),
    ("ASSAULT", "destroy", "", "destroy~; demolish~; raze~; burn~ down; torch~"),
    ("ASSAULT", "massacre", "", "massacre~; slaughter~"),
    (
        "ASSAULT",
        "crowd-control",
        "",
        "fire~ tear gas; fire~ rubber bullets; fire~ water cannon; use~ tear gas; use~ water"
        " cannon|cannons; use~ rubber bullets; use~ live ammunition; tear-gas~; disperse~",
    ),
    ("ASSAULT", "cleansing", "", "expel~ ... thousands|residents|population|villagers"),
    # ------------------------------------------------------------ more general news wording
    (
        "ACCUSE",
        "disapprove",
        "",
        "hit~ out at; lash~ out at; take~ aim at; express~ ?its|his|her|their"
        " ?deep|grave|serious|strong concern|alarm|dismay|outrage; voice~ ?its|his|her|their"
        " ?deep|grave|serious|strong concern|alarm|outrage; raise~ ?serious concern+; object~ to;"
        " chastise~; scold~",
    ),
    ("REJECT", "", "", "oppose~; vote~ against; defy~; ignore~ ... call+|demand+|appeal+|warning+"),
    ("REQUEST", "", "gov", "encourage~"),
    ("REQUEST", "", "", "seek~ ... help|aid|support|assistance|extradition|clarification|relief"),
    (
        "SANCTION",
        "discontinue",
        "",
        "penalise~; penalize~; embargo~; revoke~ ... licence+|license+|visa+|accreditation|"
        "citizenship|permit+; strip~ ... of",
    ),
    (
        "MOBILIZE",
        "troops",
        "",
        "dispatch~ ... troops|soldiers|forces|warships|jets|reinforcements|police; scramble~ ..."
        " jets|fighters|warplanes|aircraft",
    ),
    ("COERCE", "restrict", "", "crack~ down; harass~; intimidate~; suppress~; evict~"),
    ("COERCE", "restrict", "N", "crackdown+ on|against"),
    (
        "COERCE",
        "seize",
        "",
        "intercept~ ... ship+|vessel+|boat+|tanker+|flotilla; board~ ... ship+|vessel+|tanker+",
    ),
    ("ASSAULT", "", "", "murder~; retake~; recapture~; lay~ siege"),
    ("ASSAULT", "", "", "down~ ... drone+|aircraft|plane+|jet+|helicopter+"),
    ("ASSAULT", "", "", "stab~"),
    # ------------------------------------- PLOVER codebook coverage (CAMEO2PLOVER descriptions)
    (
        "AGREE",
        "",
        "",
        "accept~ ?a|an|the|their|his|her|its invitation|offer|proposal|plan|mediation;"
        " settle~ ?the|their|a|its dispute|conflict|differences|row; seal~ ?a|an|the"
        " ?new deal|agreement|accord|pact; offer~ .. aid|assistance|asylum|help|loan+|troops|"
        "refuge|mediation",
    ),
    (
        "AGREE",
        "",
        "gov",
        "express~ ?its|his|her|their willingness|readiness to; signal~ ?its|his|her|their"
        " willingness|readiness to; agree~ in principle to",
    ),
    (
        "CONSULT",
        "",
        "",
        "attend~ ?the|a|an ?peace talks|summit|meeting|negotiations; sit~ down with;"
        " exchange~ views; resume~ ?the ?peace talks|negotiations|dialogue; mediate~ between",
    ),
    ("CONSULT", "visit", "", "pay~ .. visit+"),
    ("CONSULT", "visit", "N", "visit+ to"),
    (
        "CONSULT",
        "visit",
        "swap",
        "receive~ !a|an|letter+|call+|aid|support|money|funds|report+|news|criticism|"
        "training|treatment|award+|prize+|vote+|offer+|invitation+|warning+|threat+"
        " .. counterpart+|minister+|president+|premier+|leader+|delegation+|envoy+|king|queen|"
        "chancellor+|secretary|emir|sheikh|pope; welcome~ by ... in|to; receive~ in|at ... by",
    ),
    (
        "SUPPORT",
        "",
        "",
        "voice~ ?its|his|her|their ?full|strong|unwavering support|backing|solidarity;"
        " express~ ?its|his|her|their ?full|strong|unwavering backing; pay~ tribute to;"
        " throw~ ?its|his|her|their ?full weight behind; vouch~ for; rally~ behind|around;"
        " reaffirm~ ?its|his|her|their ?full|strong|unwavering support|backing|commitment;"
        " extend~ ?its|his|her|their ?full support|backing|congratulations|condolences;"
        " offer~ ?its|his|her|their condolences|congratulations|support; forgive~",
    ),
    (
        "CONCEDE",
        "",
        "",
        "accede~ to; give~ in; bow~ to .. pressure|demand+; reverse~ ?its|the|his|her|their"
        " decision|course|policy|ban|plan; drop~ ?its|their|his|her demand+|opposition|"
        "objection+|veto; withdraw~ ?the|its|a|their .. bill|decree|proposal|plan|law|reform|"
        "nomination; admit~ .. responsibility|wrongdoing|mistake+|error+|guilt|fault|failings;"
        " meet~ ?the|their|its|his|her|all|some|key ?key demand+; relax~ .. restriction+|"
        "curb+|rule+|control+|limits",
    ),
    (
        "COOPERATE",
        "",
        "",
        "work~ ?closely|together with ... to; join~ forces; coordinate~ with;"
        " exchange~ .. intelligence|information|data",
    ),
    (
        "AID",
        "",
        "",
        "evacuate~ .. citizens|nationals|civilians|residents|people|wounded|children|families|"
        "villagers|foreigners|staff|patients|refugees; train~ .. troops|soldiers|forces|pilots|"
        "officers|police|personnel|army; disburse~; contribute~ .. troops|aid|funds to;"
        " bail~ out",
    ),
    (
        "AID",
        "",
        "pass",
        "deliver~ to; send~ to !prison|jail|trial|court|hospital|death|exile|camps|camp|school;"
        " ship~ to; airlift~ to; fly~ to !hospital|prison; donate~ to",
    ),
    (
        "RETREAT",
        "",
        "",
        "lift~ .. closure|lockdown|moratorium|suspension|emergency|martial|travel|visa",
    ),
    (
        "RETREAT",
        "release",
        "",
        "pardon~; grant~ .. amnesty|pardon+|clemency; commute~ .. sentence+",
    ),
    (
        "RETREAT",
        "withdraw",
        "",
        "abandon~ ?its|their|the .. position+|post+|base+|offensive|outpost+; de-escalate~",
    ),
    (
        "REQUEST",
        "",
        "",
        "seek~ .. loan+|funding|talks|meeting|release|ceasefire|asylum|protection|guarantees|"
        "explanation|compensation|access|mediation|extradition; solicit~; lobby~",
    ),
    (
        "ACCUSE",
        "disapprove",
        "",
        "fault~; point~ ?the finger at; single~ out; call~ out; take~ issue with; find~ fault"
        " with; voice~ .. criticism|objection+|opposition|anger|frustration; reproach~;"
        " vilify~; ridicule~; mock~; implicate~",
    ),
    (
        "REJECT",
        "",
        "",
        "vote~ down; throw~ out .. bill|motion|case|appeal|proposal|plan|request; walk~ away"
        " from ?the talks|deal|negotiations|agreement|accord|table|treaty; brush~ aside|off;"
        " shun~; resist~ .. call+|pressure|demand+; disregard~;"
        " decline~ .. invitation|offer|request; deny~ .. entry|visa+|access|permission|bail|"
        "asylum|landing|request+",
    ),
    (
        "THREATEN",
        "",
        "",
        "put~ .. on notice",
    ),
    (
        "PROTEST",
        "demo",
        "",
        "picket~; chant~ .. slogans; wave~ .. placards|banners",
    ),
    (
        "PROTEST",
        "riot",
        "",
        "rampage~; erect~ .. barricades; burn~ .. tyres|tires|effigy|effigies",
    ),
    ("PROTEST", "strike", "", "walk~ off ?the job"),
    (
        "SANCTION",
        "discontinue",
        "",
        "cut~ .. ties|relations|aid|funding|links|contacts; break~ off .. ties|relations|talks|"
        "contacts|negotiations; scale~ back .. aid|ties|cooperation|presence|funding;"
        " reduce~ .. aid|funding|ties|cooperation",
    ),
    (
        "SANCTION",
        "withdraw",
        "",
        "close~ ?its|the|their embassy|embassies|consulate+|mission; withdraw~ ?its|their|his|her"
        " ambassador|envoy|diplomats|staff",
    ),
    ("SANCTION", "expel", "", "declare~ .. persona non grata"),
    (
        "MOBILIZE",
        "troops",
        "",
        "raise~ ?the|its|their .. alert|readiness; heighten~ .. alert|security|readiness;"
        " step~ up .. patrols|security|presence|deployment+; beef~ up .. security|presence|"
        "defences|defenses; bolster~ .. forces|troops|defences|defenses|presence|military;"
        " rush~ .. troops|reinforcements|forces|soldiers; position~ .. troops|missiles|forces|"
        "tanks|warships; tighten~ security; place~ .. on ?high|full ?combat|high alert|standby;"
        " conscript~; move~ .. warheads|weapons|missiles|artillery|jets|warplanes|bombers",
    ),
    (
        "MOBILIZE",
        "weapons",
        "",
        "stage~ ?a|an !joint .. drill+|exercise+|manoeuvres|maneuvers; stage~ .. war games;"
        " launch~|begin~|start~ ?a|an|the !joint .. drill+|exercise+|manoeuvres|maneuvers;"
        " launch~|begin~|start~ .. war games",
    ),
    (
        "COERCE",
        "withhold",
        "",
        "shut~ down ?the ?mobile|phone|broadband ?internet|network+; cut~ .. internet|"
        "electricity|power|water|gas",
    ),
    (
        "COERCE",
        "restrict",
        "",
        "curb~ .. freedom+|protest+|media|press|speech|access|rights|dissent; tighten~ .."
        " restriction+|control+|censorship; clamp~ down",
    ),
    ("COERCE", "censor", "", "jam~ .. signal+|broadcast+|gps; block~ .. website+|platform+|social"),
    (
        "ASSAULT",
        "",
        "",
        "launch~ .. drone+|missile+|rocket+ at|against|into|toward|towards; launch~ .. drone+|"
        "missile+|rocket+ on !monday|tuesday|wednesday|thursday|friday|saturday|sunday|board;"
        " sink~ ..."
        " ship+|vessel+|boat+|warship+|frigate+|tanker+; violate~ ?the|a ceasefire|truce|"
        "armistice; breach~ ?the|a ceasefire|truce; advance~ into|toward|towards; push~ into;"
        " behead~; lynch~; maim~; poison~; sabotage~; burn~ .. alive",
    ),
    (
        "AID",
        "",
        "swap",
        "secure~ .. loan+|aid|funding|grant+|package|bailout|assistance|weapons|arms from;"
        " receive~ .. aid|loan+|weapons|arms|funding|assistance|grant+|bailout|supplies|"
        "ammunition from; obtain~ .. loan+|bailout|aid|funding|weapons from",
    ),
    ("ASSAULT", "sexual", "", "rape~"),
    ("ASSAULT", "aerial", "", "strafe~"),
    ("ASSAULT", "pro_autocracy", "", "put~ down .. protest+|uprising|rebellion|revolt+|unrest"),
)

_WORD_RE = re.compile(r"[a-z][a-z'-]*")


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry seen from its head word: what it codes and the rest of its phrase."""

    type: str
    mode: str
    nominal: bool
    verbal_head: bool  # the head is a verb form ("accused"), not a literal word ("under")
    swap: bool
    governs: bool
    tail: re.Pattern[str] | None
    phrase: str  # the entry as written, for evidence
    passive_only: bool = False


def _forms(token: str) -> list[str]:
    out: list[str] = []
    for alt in token.split("|"):
        if alt.endswith("+"):
            out += sorted(noun_forms(alt[:-1]))
        elif alt.endswith("~"):
            out += sorted(verb_forms(alt[:-1]))
        else:
            out.append(alt)
    return out


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


# An adverb between a verb and its particle or preposition: "stood firmly with", "spoke
# directly to".
_ADVERB = r"(?:\s+[a-z]+ly)?"


def _tail(tokens: list[str], verbal: bool = False) -> re.Pattern[str] | None:
    parts: list[str] = []
    if verbal and tokens and tokens[0][0] not in "!?.":
        parts.append(_ADVERB)
    for tok in tokens:
        if tok == "...":
            parts.append(r"(?:\s+[\w'’,$.-]+){0,7}?")
        elif tok == "..":
            parts.append(r"(?:\s+[\w'’-]+){0,3}?")
        elif tok.startswith("!") and "/" in tok:
            # "!a|an/deal|agreement": not "a deal", "a new deal"
            first, last = tok[1:].split("/")
            parts.append(
                r"(?!\s+" + _alt(_forms(first)) + r"(?:\s+[\w-]+)?\s+" + _alt(_forms(last)) + r"\b)"
            )
        elif tok.startswith("!"):
            parts.append(r"(?!\s+" + _alt(_forms(tok[1:])) + r"\b)")
        elif tok.startswith("?"):
            parts.append(r"(?:\s+" + _alt(_forms(tok[1:])) + r"\b)?")
        else:
            parts.append(r"\s+" + _alt(_forms(tok)) + r"\b")
    if not parts:
        return None
    return re.compile("".join(parts), re.IGNORECASE)


def _compile() -> dict[str, tuple[Trigger, ...]]:
    table: dict[str, list[Trigger]] = {}
    for etype, mode, flags, phrases in _ENTRIES:
        for phrase in phrases.split(";"):
            tokens = phrase.split()
            if not tokens:
                continue
            trig = Trigger(
                type=etype,
                mode=mode,
                nominal="N" in flags.split(","),
                verbal_head=tokens[0].endswith("~"),
                swap="swap" in flags,
                governs="gov" in flags,
                tail=_tail(tokens[1:], tokens[0].endswith("~")),
                phrase=phrase.strip(),
                passive_only="pass" in flags.split(","),
            )
            for head in _forms(tokens[0]):
                table.setdefault(head.lower(), []).append(trig)
    # Longer (more specific) phrases first: "hold talks" before "hold".
    return {
        k: tuple(sorted(v, key=lambda t: (t.tail is None, -len(t.phrase))))
        for k, v in table.items()
    }


TRIGGERS: dict[str, tuple[Trigger, ...]] = _compile()
# Words that are a verb form of some trigger ("released", "attacks"), as opposed to nouns only.
VERB_HEADS: frozenset[str] = frozenset(
    w for w, trigs in TRIGGERS.items() if any(t.verbal_head for t in trigs)
)

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# Types whose PLOVER definition requires a recipient.
NEEDS_RECIPIENT: frozenset[str] = frozenset({"COOPERATE", "AID", "SANCTION"})


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped as a character trie: a single pass over an article finds
    every head word, at about the cost of splitting it into words."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


#: Every trigger head word in lower-cased text, as a whole word ("US-led" holds no "led").
HEAD_RE: re.Pattern[str] = re.compile(
    r"(?<![\w'’-])" + _trie_pattern(sorted(TRIGGERS)) + r"(?![\w'’-])"
)
