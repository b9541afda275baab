# ruff: noqa: E501 -- Dutch prose: each text stays on one line so it can be read and edited as a whole.
"""The Dutch demo content loaded by `manage.py load_demo_content`.

Plain data only: the command turns it into pages, snippets, images and users. Cross references
(to images, documents and pages created by the command) are written as `Ref(kind, key)`.
Everything here is invented for the demo: people, organisations and figures are fictional; the
sources on the knowledge pages are real publications.
"""

from typing import NamedTuple

PASSWORD = "buurtwijs-demo"  # noqa: S105 -- dev-only password of every demo account, printed at the end
VIDEO_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


class Ref(NamedTuple):
    """A reference to an object the command creates: kind is image, document, index, theme, knowledge, story or region."""

    kind: str
    key: str


# StreamField blocks, as (block type, raw value) pairs.


def paragraph(html):
    return ("paragraph", html)


def quote(text, attribution=""):
    return ("pull_quote", {"quote": text, "attribution": attribution})


def image(key, alt_text, caption=""):
    return ("image", {"image": Ref("image", key), "alt_text": alt_text, "caption": caption, "credit": ""})


def video(title, caption=""):
    return ("video", {"url": VIDEO_URL, "title": title, "caption": caption})


def dilemma(question, considerations, choice=""):
    return ("dilemma", {"question": question, "considerations": considerations, "choice": choice})


def lessons(worked, did_not_work):
    return ("lessons", {"worked": worked, "did_not_work": did_not_work})


def facts(items, heading="Kerngegevens"):
    return ("key_facts", {"heading": heading, "facts": [{"label": label, "value": value} for label, value in items]})


def call_to_action(title, button_label, text="", page=None, url=""):
    return ("call_to_action", {"title": title, "text": text, "button_label": button_label, "page": page, "url": url})


def document(key, description="", title=""):
    return ("document", {"document": Ref("document", key), "title": title, "description": description})


APPLIES_METHOD = "applies_method"
BUILDS_ON_RESEARCH = "builds_on_research"
IN_TRADITION = "in_tradition"

# How the buurtmakers a story names or shows gave their consent (PracticeStoryPage.ConsentMethod). The command
# records who gave it (the buurtmakers named) and when (two weeks before the story went live or was written).
WRITTEN_CONSENT = "written"
EMAIL_CONSENT = "email"
VERBAL_CONSENT = "verbal"

# Images are drawn by the command (nothing is downloaded). "region" puts an image in that region's collection.

IMAGES = {
    "buurthuis": {
        "title": "Illustratie: buurthuis aan het plein",
        "photographer": "Lotte Brouwer",
        "motif": "houses",
        "colours": ("#f4a259", "#f9dc5c"),
    },
    "tafel": {
        "title": "Illustratie: lange tafel in de buurtkamer",
        "photographer": "Beeldbank Buurtwijs",
        "motif": "table",
        "colours": ("#2a9d8f", "#b7e4c7"),
    },
    "moestuin": {
        "title": "Illustratie: moestuin tussen de flats",
        "photographer": "Joris Hendriks",
        "motif": "hills",
        "colours": ("#90be6d", "#f9f7d9"),
    },
    "flats": {
        "title": "Illustratie: flats aan de rand van de wijk",
        "photographer": "Lotte Brouwer",
        "motif": "flats",
        "colours": ("#577590", "#cdb4db"),
    },
    "plein": {
        "title": "Illustratie: plein met bomen",
        "photographer": "Beeldbank Buurtwijs",
        "motif": "trees",
        "colours": ("#43aa8b", "#fefae0"),
    },
    "water": {
        "title": "Illustratie: kade aan de rivier",
        "photographer": "Joris Hendriks",
        "motif": "waves",
        "colours": ("#277da1", "#caf0f8"),
    },
    "kennis": {
        "title": "Illustratie: boekenkast in de bibliotheek",
        "photographer": "Beeldbank Buurtwijs",
        "motif": "books",
        "colours": ("#6d597a", "#eaac8b"),
    },
    "straat": {
        "title": "Illustratie: straat met lantaarnpalen",
        "photographer": "Lotte Brouwer",
        "motif": "lamps",
        "colours": ("#22223b", "#9a8c98"),
    },
    "utrecht": {
        "title": "Illustratie: torens van Utrecht",
        "photographer": "Sanne de Vries",
        "motif": "tower",
        "colours": ("#e76f51", "#ffe8d6"),
        "region": "utrecht",
    },
    "groningen": {
        "title": "Illustratie: dorp op de wierde",
        "photographer": "Jelle Hoekstra",
        "motif": "mound",
        "colours": ("#8ecae6", "#fefae0"),
        "region": "groningen",
    },
    "rotterdam": {
        "title": "Illustratie: brug over de Maas",
        "photographer": "Priscilla Martina",
        "motif": "bridge",
        "colours": ("#1d3557", "#a8dadc"),
        "region": "rotterdam-rijnmond",
    },
    "brabant": {
        "title": "Illustratie: Brabantse laan met bomen",
        "photographer": "Fleur van den Heuvel",
        "motif": "lane",
        "colours": ("#606c38", "#fefae0"),
        "region": "brabant",
    },
}

DOCUMENTS = {
    "werkblad-keukentafelgesprek": {
        "title": "Werkblad: het eerste keukentafelgesprek",
        "filename": "werkblad-keukentafelgesprek.pdf",
        "lines": [
            "Werkblad: het eerste keukentafelgesprek",
            "",
            "Voor vrijwilligers die bij een buurtgenoot aan tafel schuiven.",
            "",
            "1. Hoe gaat het met je? Neem de tijd voor het antwoord.",
            "2. Wat houdt je op dit moment het meest bezig?",
            "3. Is er post waar je tegenop ziet? We hoeven die vandaag niet te openen.",
            "4. Wie helpt je nu al, in de familie of in de buurt?",
            "5. Wat zou een eerste kleine stap kunnen zijn?",
            "",
            "Sluit af met een afspraak: wanneer zien we elkaar weer?",
            "Schrijf niets op zonder dat de ander het ziet en ermee instemt.",
        ],
    },
    "werkblad-buurt-in-huis": {
        "title": "Werkblad: wat heeft onze buurt al in huis?",
        "filename": "werkblad-buurt-in-huis.pdf",
        "lines": [
            "Werkblad: wat heeft onze buurt al in huis?",
            "",
            "Vul dit samen in, met buren aan tafel of tijdens een rondgang door de straat.",
            "",
            "Talenten: wat kunnen bewoners, en wat doen ze graag?",
            "Verenigingen en groepen: ook de informele, zoals de moeders op het schoolplein.",
            "Plekken: welke ruimtes kunnen we gebruiken, en wie heeft de sleutel?",
            "Organisaties en bedrijven: wie wil iets bijdragen?",
            "",
            "Verbinden: welke mensen hebben een gedeelde wens?",
            "Pas daarna: welke hulp van buiten hebben we nodig?",
        ],
    },
}

TARGET_GROUPS = [
    "ouderen",
    "jongeren",
    "kinderen",
    "gezinnen",
    "nieuwkomers",
    "mantelzorgers",
    "huurders",
    "mensen met geldzorgen",
    "mensen met een beperking",
    "alleenstaanden",
    "vrijwilligers",
]

PARTNERS = [
    {
        "name": "Welzijnsorganisatie Samen Verder",
        "url": "https://www.example.org/samen-verder",
        "description": "Welzijnsorganisatie met opbouwwerkers en vrijwilligerscoördinatoren in verschillende gemeenten.",
    },
    {
        "name": "Woningcorporatie Thuis aan de Vaart",
        "url": "https://www.example.org/thuis-aan-de-vaart",
        "description": "Woningcorporatie met huurwoningen in flats en portieken.",
    },
    {
        "name": "Huurdersvereniging De Sleutel",
        "url": "",
        "description": "Vereniging van huurders die samen optrekken richting hun verhuurder.",
    },
    {
        "name": "Voedselbank De Brug",
        "url": "https://www.example.org/voedselbank-de-brug",
        "description": "Lokale voedselbank die ook doorverwijst naar schuldhulp.",
    },
    {
        "name": "Huisartsenpraktijk De Linde",
        "url": "",
        "description": "Huisartsenpraktijk met een praktijkondersteuner voor ouderen en mantelzorgers.",
    },
    {
        "name": "Stichting Jongerenwerk Oost",
        "url": "https://www.example.org/jongerenwerk-oost",
        "description": "Jongerenwerkers die op straat en in de wijk te vinden zijn.",
    },
    {
        "name": "Repair Café De Schroevendraaier",
        "url": "",
        "description": "Vrijwilligers die samen met bezoekers spullen repareren.",
    },
    {
        "name": "Bibliotheek De Boekenbrug",
        "url": "https://www.example.org/de-boekenbrug",
        "description": "Bibliotheek met een taalcafé en een buurtkamer.",
    },
    {
        "name": "Wijkteam Noord",
        "url": "",
        "description": "Wijkteam met maatschappelijk werkers, wijkverpleging en schuldhulp.",
    },
    {"name": "Wijkteam Schiedam-Oost", "url": "", "description": "Wijkteam met een inloopspreekuur voor geldzaken."},
    {
        "name": "Dorpsbelang Het Wierdenland",
        "url": "",
        "description": "Vereniging van dorpsbewoners die opkomt voor de leefbaarheid van het dorp.",
    },
    {
        "name": "Vervoersvereniging De Dorpsbus",
        "url": "https://www.example.org/dorpsbus",
        "description": "Vrijwillige chauffeurs die ouderen en mensen met een beperking vervoeren.",
    },
    {"name": "Woonzorgcentrum Het Oosterpark", "url": "", "description": "Woonzorgcentrum waar ook studenten wonen."},
    {
        "name": "Buurtcentrum De Ploeg",
        "url": "",
        "description": "Buurtcentrum met een opbouwwerker en een open keuken.",
    },
    {
        "name": "Buurtsportcoaches Noord",
        "url": "",
        "description": "Buurtsportcoaches die sport inzetten om buurtbewoners te verbinden.",
    },
    {
        "name": "Energiecoöperatie Zonnig Midden",
        "url": "https://www.example.org/zonnig-midden",
        "description": "Coöperatie van bewoners die energie besparen en zelf opwekken.",
    },
    {
        "name": "Wijkkeuken Zuid",
        "url": "https://www.example.org/wijkkeuken-zuid",
        "description": "Kookgroep en cateraar van moeders uit de wijk.",
    },
    {
        "name": "Stichting Zomer in de Wijk",
        "url": "",
        "description": "Organiseert met jongeren een zomerprogramma voor kinderen die niet op vakantie gaan.",
    },
    {"name": "Buurtvaders Maassluis", "url": "", "description": "Vaders uit de wijk die 's avonds een ronde lopen."},
    {
        "name": "Zorgcoöperatie Hart van Helmond",
        "url": "https://www.example.org/hart-van-helmond",
        "description": "Coöperatie van bewoners die zorg en hulp dichtbij organiseert.",
    },
    {
        "name": "Jongerencentrum De Schakel",
        "url": "",
        "description": "Jongerencentrum met gespreksgroepen, huiswerkbegeleiding en een studio.",
    },
]

HOME = {
    "title": "Buurtwijs",
    "slug": "buurtwijs",
    "intro": "<p>Buurtwijs is het online ontmoetingspunt van <b>buurtmakers</b>: bewoners, vrijwilligers en opbouwwerkers die hun buurt laten werken. Lees hun verhalen, leer van wat wel en niet werkte, en ontdek wat er al bekend is over buurtwerk.</p>",
    "summary": "Praktijkverhalen van buurtmakers uit heel Nederland, verbonden met wat we weten over buurtwerk.",
    "featured_themes": ["sociale-cohesie", "eenzaamheid", "armoede", "jongeren"],
}

INDEX_PAGES = {
    "stories": {
        "title": "Praktijkverhalen",
        "slug": "praktijkverhalen",
        "intro": "<p>Verhalen van buurtmakers uit heel Nederland: wat ze deden, wat werkte en wat niet. Van een soepmaaltijd in Overvecht tot een zorgcoöperatie in Helmond.</p>",
        "summary": "Alle verhalen van buurtmakers, het nieuwste eerst.",
    },
    "themes": {
        "title": "Thema's",
        "slug": "themas",
        "intro": "<p>Lees verhalen en kennis per thema, van eenzaamheid tot wonen. Bij elk thema schreef de redactie een inleiding en koos ze verhalen uit om mee te beginnen.</p>",
        "summary": "Verhalen en kennis per thema, met een keuze van de redactie.",
    },
    "knowledge": {
        "title": "Kennis",
        "slug": "kennis",
        "intro": "<p>Wat weten we al over buurtwerk? Hier vind je onderzoek, theorie, geschiedenis en methodes, in gewone taal samengevat. Bij elke kennispagina zie je welke praktijkverhalen erop voortbouwen.</p>",
        "summary": "Onderzoek, theorie, geschiedenis en methodes van buurtwerk.",
    },
    "regions": {
        "title": "Regio's",
        "slug": "regios",
        "intro": "<p>In vier regio's werken Buurtwijscorrespondenten met een eigen regioredactie. Zij schrijven over wat er in hun regio gebeurt, van de stad tot het dorp.</p>",
        "summary": "De regio's met een eigen redactie van correspondenten.",
    },
    "kennisplein": {
        "title": "Kennisplein",
        "slug": "kennisplein",
        "intro": "<p>Alles van Buurtwijs op één plek: praktijkverhalen, kennis en nieuws uit de regio's. Filter op soort, thema, regio en jaar, en deel de link van precies wat je zocht.</p>",
        "summary": "Alle verhalen, kennis en regionaal nieuws op één plek, te filteren op soort, thema, regio en jaar.",
    },
}

# Promoted search results (wagtail.contrib.search_promotions): a query and the pages the editors put on top of it.
SEARCH_PROMOTIONS = [
    {
        "query": "eenzaamheid",
        "picks": [
            (Ref("theme", "eenzaamheid"), "Waar eenzaamheid vandaan komt en wat buurten ertegen doen: begin hier."),
            (
                Ref("knowledge", "eenzaamheid-sociaal-en-emotioneel"),
                "Het verschil tussen sociale en emotionele eenzaamheid.",
            ),
        ],
    },
    {
        "query": "armoede",
        "picks": [
            (Ref("theme", "armoede"), "Verhalen en kennis over geldzorgen en schaarste in de buurt."),
            (Ref("story", "geldzorgen-aan-de-keukentafel"), "Hoe vrijwilligers geldzorgen bespreekbaar maken."),
        ],
    },
    {
        "query": "opbouwwerk",
        "picks": [
            (Ref("knowledge", "geschiedenis-opbouwwerk"), "Honderd jaar opbouwwerk in Nederland, kort verteld."),
        ],
    },
]

THEMES = [
    {
        "slug": "sociale-cohesie",
        "title": "Sociale cohesie",
        "image": "tafel",
        "summary": "Hoe buren elkaar leren kennen en vertrouwen, en waarom dat ertoe doet.",
        "intro": "<p>Sociale cohesie gaat over de vraag of mensen in een buurt zich met elkaar verbonden voelen. Kennen buren elkaar, vertrouwen ze elkaar, en helpen ze elkaar als het nodig is? Het is geen doel op zich, maar het maakt een buurt veerkrachtiger: bij tegenslag, bij ziekte, bij een crisis.</p><p>In deze verhalen lees je hoe buurtmakers kleine en grote ontmoetingen organiseren, van een kaartje op de deurmat tot een wekelijkse maaltijd voor zestig mensen.</p>",
        "related": ["eenzaamheid", "participatie", "wonen"],
        "picks": [
            Ref("story", "soep-op-woensdag-overvecht"),
            Ref("story", "portiek-die-weer-groet"),
            Ref("story", "dorp-praat-weer-samen"),
            Ref("knowledge", "sociaal-kapitaal"),
        ],
    },
    {
        "slug": "opbouwwerk",
        "title": "Opbouwwerk",
        "image": "buurthuis",
        "summary": "Opbouwwerkers en bewoners die samen iets organiseren, vroeger en nu.",
        "intro": "<p>Opbouwwerkers werken samen met bewoners aan een betere buurt. Ze zijn geen hulpverleners die problemen oplossen, maar bondgenoten die helpen om zelf iets te organiseren: een huurderscommissie, een buurtonderzoek, een plek om samen te komen.</p><p>Het vak heeft een lange geschiedenis en keert na jaren van bezuinigingen in veel gemeenten terug. Hier lees je hoe opbouwwerkers en bewoners dat vandaag aanpakken.</p>",
        "related": ["participatie", "sociale-cohesie"],
        "picks": [
            Ref("story", "opbouwwerk-woensel"),
            Ref("story", "buurtonderzoek-selwerd"),
            Ref("knowledge", "geschiedenis-opbouwwerk"),
            Ref("knowledge", "abcd"),
        ],
    },
    {
        "slug": "eenzaamheid",
        "title": "Eenzaamheid",
        "image": "straat",
        "summary": "Plekken en momenten waar contact vanzelf ontstaat, voor jong en oud.",
        "intro": "<p>Eenzaamheid komt in elke buurt voor, bij jong en oud. Het is niet hetzelfde als alleen zijn: je kunt eenzaam zijn tussen veel mensen, en tevreden alleen wonen. Buurtmakers kunnen eenzaamheid niet wegnemen, maar wel plekken en momenten maken waar contact vanzelf ontstaat.</p><p>Deze verhalen gaan over buurtkamers, gespreksgroepen en woonvormen waarin mensen elkaar weer vinden, en over wat daarbij wel en niet werkt.</p>",
        "related": ["sociale-cohesie", "zorg-en-welzijn", "jongeren"],
        "picks": [
            Ref("story", "buurtkamer-in-de-bibliotheek"),
            Ref("story", "gespreksgroep-jongeren-den-bosch"),
            Ref("story", "studenten-en-ouderen"),
            Ref("knowledge", "eenzaamheid-sociaal-en-emotioneel"),
        ],
    },
    {
        "slug": "armoede",
        "title": "Armoede",
        "image": "buurthuis",
        "summary": "Geldzorgen bespreekbaar maken en de drempel naar hulp verlagen.",
        "intro": "<p>Armoede is meer dan weinig geld. Het is stress over de post, kinderen die niet mee kunnen op schoolreisje, en schaamte die ervoor zorgt dat mensen pas hulp vragen als het al laat is. Buurtmakers zien het vaak eerder dan instanties.</p><p>In deze verhalen lees je hoe bewoners en professionals samen de drempel verlagen: aan de keukentafel, in een kledingruil of op een spreekuur zonder wachtlijst.</p>",
        "related": ["zorg-en-welzijn", "wonen"],
        "picks": [
            Ref("story", "geldzorgen-aan-de-keukentafel"),
            Ref("story", "schuldhulp-zonder-wachtlijst"),
            Ref("story", "kledingruil-breda"),
            Ref("knowledge", "schaarste"),
        ],
    },
    {
        "slug": "jongeren",
        "title": "Jongeren",
        "image": "plein",
        "summary": "Jongeren die een plein ontwerpen, een zomer organiseren of een groep leiden.",
        "intro": "<p>Jongeren worden in buurtverhalen vaak genoemd als probleem: overlast, hangplekken, verveling. De verhalen hier laten een ander beeld zien. Jongeren die een plein ontwerpen, een zomerprogramma draaien of een gespreksgroep leiden.</p><p>De rode draad: neem jongeren serieus, geef ze echte verantwoordelijkheid en zorg dat er volwassenen zijn die ze kennen.</p>",
        "related": ["participatie", "eenzaamheid"],
        "picks": [
            Ref("story", "jongeren-ontwerpen-hun-plein"),
            Ref("story", "voetbalkooi-hoogezand"),
            Ref("story", "buurtvaders-maassluis"),
            Ref("knowledge", "community-organizing"),
        ],
    },
    {
        "slug": "participatie",
        "title": "Participatie",
        "image": "plein",
        "summary": "Bewoners die meedoen en meebeslissen, en wat er met hun inbreng gebeurt.",
        "intro": "<p>Participatie is een groot woord voor iets eenvoudigs: bewoners die meedoen en meebeslissen over hun eigen buurt. In de praktijk is het lastig. Wie praat er mee, wie niet? En wat gebeurt er met wat bewoners zeggen?</p><p>Deze verhalen laten zien waar participatie echt invloed opleverde, en waar het bleef bij meepraten.</p>",
        "related": ["opbouwwerk", "jongeren", "wonen"],
        "picks": [
            Ref("story", "tien-jaar-buurtbudget"),
            Ref("story", "huurders-en-de-renovatie"),
            Ref("story", "moeders-koken-afrikaanderwijk"),
            Ref("knowledge", "participatieladder"),
        ],
    },
    {
        "slug": "wonen",
        "title": "Wonen",
        "image": "flats",
        "summary": "Huurders die samen optrekken, buren in portiek en flat, en verhuizen op latere leeftijd.",
        "intro": "<p>Waar je woont, bepaalt voor een groot deel wie je tegenkomt. Een portiek, een flat of een straat kan een plek zijn waar je je thuis voelt, of waar je langs elkaar heen leeft. En bij renovatie, sloop en nieuwbouw staat er voor bewoners veel op het spel.</p><p>Hier lees je hoe huurders samen optrekken, hoe buren een grasveld omtoveren tot moestuin en hoe ouderen hulp krijgen bij een verhuizing.</p>",
        "related": ["sociale-cohesie", "participatie", "zorg-en-welzijn"],
        "picks": [
            Ref("story", "huurders-en-de-renovatie"),
            Ref("story", "moestuin-tussen-de-flats"),
            Ref("story", "verhuisbuddys-eindhoven"),
        ],
    },
    {
        "slug": "zorg-en-welzijn",
        "title": "Zorg en welzijn",
        "image": "moestuin",
        "summary": "Wat buren, vrijwilligers en professionals samen dichtbij regelen.",
        "intro": "<p>Sinds gemeenten verantwoordelijk zijn voor veel zorg en ondersteuning dichtbij, is de buurt belangrijker geworden. Buren, vrijwilligers en professionals vullen elkaar aan, soms vanzelf en soms na veel gepuzzel.</p><p>Deze verhalen gaan over zorgcoöperaties, dorpsbussen en mantelzorgers die elkaar vinden, en over de vraag waar de grens ligt tussen wat buren kunnen en wat een professional moet doen.</p>",
        "related": ["eenzaamheid", "armoede", "wonen"],
        "picks": [
            Ref("story", "zorgcooperatie-helmond"),
            Ref("story", "mantelzorgers-via-de-huisarts"),
            Ref("story", "dorpsbus-westerkwartier"),
            Ref("knowledge", "geschiedenis-opbouwwerk"),
        ],
    },
]

REGIONS = [
    {
        "slug": "utrecht",
        "title": "Utrecht",
        "image": "utrecht",
        "summary": "Buurtmakers in de stad Utrecht, Amersfoort, Nieuwegein, Zeist en Houten.",
        "intro": "<p>De regioredactie Utrecht volgt buurtmakers in de stad Utrecht en de gemeenten eromheen, van Overvecht en Kanaleneiland tot de wijken van Zeist en Houten.</p>",
        "municipalities": ["Utrecht", "Amersfoort", "Nieuwegein", "Zeist", "Houten"],
        "people": {
            "correspondent": {
                "username": "correspondent-utrecht",
                "first_name": "Sanne",
                "last_name": "de Vries",
                "email": "sanne.devries@buurtwijs.test",
                "public_email": "sanne.devries@example.org",
                "website_url": "",
                "linkedin_url": "https://www.linkedin.com/in/sanne-de-vries-buurtwijs/",
                "photo": {"photographer": "Youssef El Amrani", "colours": ("#e76f51", "#ffd6a5")},
                "bio": "Sanne de Vries woont in Overvecht en werkte tien jaar als journalist bij een regionale krant. Voor Buurtwijs schrijft ze over bewoners die zonder veel omhaal iets voor hun buurt beginnen.",
            },
            "editor": {
                "username": "redacteur-utrecht",
                "first_name": "Youssef",
                "last_name": "El Amrani",
                "email": "youssef.elamrani@buurtwijs.test",
                "public_email": "youssef.elamrani@example.org",
                "website_url": "",
                "linkedin_url": "https://www.linkedin.com/in/youssef-el-amrani-buurtwijs/",
                "photo": {"photographer": "Sanne de Vries", "colours": ("#bc4749", "#f2e8cf")},
                "bio": "Youssef El Amrani was opbouwwerker in Kanaleneiland en Lombok. Als regioredacteur begeleidt hij de Utrechtse correspondenten en let hij erop dat bewoners zelf aan het woord komen.",
            },
        },
    },
    {
        "slug": "groningen",
        "title": "Groningen",
        "image": "groningen",
        "summary": "Buurten in de stad Groningen en dorpen in Midden-Groningen, Eemsdelta en het Westerkwartier.",
        "intro": "<p>De regioredactie Groningen schrijft over buurten in de stad en over dorpen op het platteland. Hier spelen eigen vragen: krimp, voorzieningen die verdwijnen en de gevolgen van de gaswinning.</p>",
        "municipalities": ["Groningen", "Midden-Groningen", "Eemsdelta", "Westerkwartier"],
        "people": {
            "correspondent": {
                "username": "correspondent-groningen",
                "first_name": "Jelle",
                "last_name": "Hoekstra",
                "email": "jelle.hoekstra@buurtwijs.test",
                "public_email": "jelle.hoekstra@example.org",
                "website_url": "https://www.example.org/jellehoekstra",
                "linkedin_url": "",
                "photo": {"photographer": "Anouk Bakker", "colours": ("#219ebc", "#e0fbfc")},
                "bio": "Jelle Hoekstra groeide op in een dorp in het Westerkwartier en studeerde sociologie in Groningen. Hij schrijft over dorpen en wijken waar bewoners het heft in eigen hand nemen.",
            },
            "editor": {
                "username": "redacteur-groningen",
                "first_name": "Anouk",
                "last_name": "Bakker",
                "email": "anouk.bakker@buurtwijs.test",
                "public_email": "anouk.bakker@example.org",
                "website_url": "",
                "linkedin_url": "https://www.linkedin.com/in/anouk-bakker-buurtwijs/",
                "photo": {"photographer": "Jelle Hoekstra", "colours": ("#3a5a40", "#dad7cd")},
                "bio": "Anouk Bakker werkte als beleidsadviseur sociaal domein bij een Groninger gemeente. Als regioredacteur zoekt ze naar verhalen die laten zien wat er tussen beleid en praktijk gebeurt.",
            },
        },
    },
    {
        "slug": "rotterdam-rijnmond",
        "title": "Rotterdam-Rijnmond",
        "image": "rotterdam",
        "summary": "Buurtmakers in Rotterdam, Schiedam, Vlaardingen, Maassluis en Capelle aan den IJssel.",
        "intro": "<p>De regioredactie Rotterdam-Rijnmond volgt buurtmakers in Rotterdam en de gemeenten eromheen: Schiedam, Vlaardingen, Maassluis en Capelle aan den IJssel. Een regio met veel nieuwkomers, veel jongeren en veel eigen initiatief.</p>",
        "municipalities": ["Rotterdam", "Schiedam", "Vlaardingen", "Capelle aan den IJssel", "Maassluis"],
        "people": {
            "correspondent": {
                "username": "correspondent-rotterdam",
                "first_name": "Priscilla",
                "last_name": "Martina",
                "email": "priscilla.martina@buurtwijs.test",
                "public_email": "priscilla.martina@example.org",
                "website_url": "https://www.example.org/priscilla-podcast",
                "linkedin_url": "",
                "photo": {"photographer": "Thijs van Leeuwen", "colours": ("#9d4edd", "#e0aaff")},
                "bio": "Priscilla Martina is geboren op Curaçao en woont sinds haar twaalfde in Rotterdam-Zuid. Ze maakt podcasts en schrijft over de mensen die haar wijk draaiende houden.",
            },
            "editor": {
                "username": "redacteur-rotterdam",
                "first_name": "Thijs",
                "last_name": "van Leeuwen",
                "email": "thijs.vanleeuwen@buurtwijs.test",
                "public_email": "thijs.vanleeuwen@example.org",
                "website_url": "",
                "linkedin_url": "https://www.linkedin.com/in/thijs-van-leeuwen-buurtwijs/",
                "photo": {"photographer": "Priscilla Martina", "colours": ("#1d3557", "#f1faee")},
                "bio": "Thijs van Leeuwen was jongerenwerker in Schiedam en Vlaardingen. Als regioredacteur helpt hij correspondenten om verhalen eerlijk te vertellen, ook als iets niet lukte.",
            },
        },
    },
    {
        "slug": "brabant",
        "title": "Brabant",
        "image": "brabant",
        "summary": "Buurtmakers in Eindhoven, Tilburg, Breda, 's-Hertogenbosch en Helmond.",
        "intro": "<p>De regioredactie Brabant bestrijkt de grote steden van Noord-Brabant: Eindhoven, Tilburg, Breda, 's-Hertogenbosch en Helmond. Van zorgcoöperaties tot speeltuinverenigingen: Brabanders regelen graag samen dingen zelf.</p>",
        "municipalities": ["Eindhoven", "Tilburg", "Breda", "'s-Hertogenbosch", "Helmond"],
        "people": {
            "correspondent": {
                "username": "correspondent-brabant",
                "first_name": "Fleur",
                "last_name": "van den Heuvel",
                "email": "fleur.vandenheuvel@buurtwijs.test",
                "public_email": "fleur.vandenheuvel@example.org",
                "website_url": "",
                "linkedin_url": "https://www.linkedin.com/in/fleur-van-den-heuvel-buurtwijs/",
                "photo": {"photographer": "Bram Verhoeven", "colours": ("#f77f00", "#fcbf49")},
                "bio": "Fleur van den Heuvel woont in Tilburg en is vrijwilliger in een buurthuis. Ze schrijft over Brabanders die samen dingen regelen, van zorg tot speeltuin.",
            },
            "editor": {
                "username": "redacteur-brabant",
                "first_name": "Bram",
                "last_name": "Verhoeven",
                "email": "bram.verhoeven@buurtwijs.test",
                "public_email": "bram.verhoeven@example.org",
                "website_url": "https://www.example.org/bramverhoeven",
                "linkedin_url": "",
                "photo": {"photographer": "Fleur van den Heuvel", "colours": ("#283618", "#dda15e")},
                "bio": "Bram Verhoeven was twintig jaar opbouwwerker in Eindhoven en Helmond. Als regioredacteur brengt hij zijn kennis van de praktijk in bij de redactie.",
            },
        },
    },
]

# The accounts that are not a correspondent profile.
ADMINISTRATOR = {
    "username": "beheerder",
    "first_name": "Pieter",
    "last_name": "Jansen",
    "email": "beheer@buurtwijs.test",
}
CENTRAL_EDITOR = {
    "username": "redactie",
    "first_name": "Marieke",
    "last_name": "Dekker",
    "email": "marieke.dekker@buurtwijs.test",
}

# Who runs the demo site and how to reach the editors: filled in to setup_site's privacy statement and footer.
ORGANISATION = "Stichting Buurtwijs"
CONTACT = '<a href="mailto:redactie@buurtwijs.nl">redactie@buurtwijs.nl</a>'

SITE_SETTINGS = {
    "facebook_group_url": "https://www.facebook.com/groups/buurtwijs",
    "x_url": "https://x.com/buurtwijs",
    "linkedin_url": "https://www.linkedin.com/company/buurtwijs",
    "newsletter_url": "https://www.buurtwijs.nl/nieuwsbrief/",
    "footer_text": "Buurtwijs is het online ontmoetingspunt van buurtmakers in heel Nederland, gemaakt door een centrale redactie en correspondenten in de regio's. Een verhaal, een vraag of een tip? Mail de redactie: redactie@buurtwijs.nl.",
}

# Information pages (home.InformationPage) under the home page, linked from every page's footer.
INFORMATION_PAGES = [
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheid",
        "intro": "Buurtwijs wil dat iedereen de verhalen van buurtmakers kan lezen en gebruiken, ook wie slecht ziet, een schermlezer gebruikt of de website alleen met het toetsenbord bedient. Hier lees je hoe toegankelijk de website is, hoe we dat controleren en wat je kunt doen als iets niet werkt.",
        "summary": "De toegankelijkheidsverklaring van Buurtwijs: onze norm, hoe we die controleren en waar je terechtkunt als iets niet werkt.",
        "body": [
            paragraph(
                "<h2>Onze norm</h2><p>Buurtwijs wil voldoen aan de <a href=\"https://www.w3.org/Translations/WCAG21-nl/\">Web Content Accessibility Guidelines (WCAG) 2.1</a> op niveau A en AA. Dat is de norm voor digitale toegankelijkheid in Nederland, vastgelegd in de Europese standaard EN 301 549. Hij geldt voor elke pagina van Buurtwijs: de praktijkverhalen, de thema's, de kennis, de regio's, het zoeken en de formulieren.</p>"
            ),
            paragraph(
                "<h2>Hoe we dat controleren</h2><ul><li>Bij elke wijziging aan de website draaien automatische tests in een echte browser. Ze controleren met axe-core elk soort pagina, elke stand van de filters en elk formulier op de regels van WCAG 2.0, 2.1 en 2.2 op niveau A en AA en op EN 301 549. Vindt de test één fout, dan gaat de wijziging niet live.</li><li>Redacteuren en correspondenten zien bij het schrijven in het beheer van de website de controles van Wagtail. Die wijzen bijvoorbeeld op een afbeelding zonder alternatieve tekst, een link zonder tekst of koppen in de verkeerde volgorde, nog voordat een pagina gepubliceerd wordt.</li><li>Automatische tests vinden niet elk probleem. Nieuwe onderdelen van de website proberen we daarom ook zelf uit met alleen het toetsenbord en met een schermlezer.</li></ul>"
            ),
            paragraph(
                "<h2>Wat nog niet goed is</h2><ul><li>Video's staan op YouTube of Vimeo. Niet elke video heeft ondertiteling. We vragen de makers erom, en bij elke video staat waar hij over gaat.</li><li>Sommige documenten van initiatieven, zoals verslagen en werkbladen in pdf, zijn niet volledig toegankelijk. Heb je zo'n document nodig in een andere vorm? Mail ons, dan sturen we je de tekst.</li></ul>"
            ),
            paragraph(
                '<h2>Werkt iets niet?</h2><p>Loop je vast op Buurtwijs, of kun je iets niet lezen of gebruiken? Laat het ons weten via <a href="mailto:redactie@buurtwijs.nl">redactie@buurtwijs.nl</a>. Vertel op welke pagina het was en wat er misging. We antwoorden binnen vijf werkdagen en laten je weten wanneer het is opgelost.</p>'
            ),
        ],
    },
]

# The partners page (stories.PartnerIndexPage) under the home page: every partner above, linked from the footer.
PARTNER_PAGE = {
    "slug": "partners",
    "title": "Partners",
    "intro": "<p>Buurtwijs werkt samen met welzijnsorganisaties, woningcorporaties, bibliotheken en groepen bewoners. Hier zie je wie ze zijn, welke bijeenkomsten ze mee organiseren en in welke verhalen ze een rol spelen.</p>",
    "summary": "De organisaties waarmee Buurtwijs samenwerkt, met hun bijeenkomsten en verhalen.",
}

# "Deel je verhaal" (stories.StorySubmissionPage) under the home page, in the main menu.
STORY_SUBMISSION_PAGE = {
    "slug": "deel-je-verhaal",
    "title": "Deel je verhaal",
    "intro": "<p>Heb jij in je buurt iets in gang gezet? Vertel het andere buurtmakers. Beantwoord de vragen hieronder in je eigen woorden. Het hoeft niet af of mooi te zijn: een redacteur van Buurtwijs helpt je het verhaal samen af te maken.</p>",
    "summary": "Vertel wat jij in je buurt deed, wat werkte en wat niet. Een redacteur helpt je met je verhaal.",
    "privacy_statement": '<p>Wat je hier invult, komt alleen bij de redactie van Buurtwijs terecht. Je naam, e-mailadres en telefoonnummer gebruiken we om contact met je op te nemen over je verhaal. Ze komen nooit op de website.</p><p>Je verhaal en je foto\'s worden eerst een concept. Een redacteur uit jouw regio wordt je coach en maakt het samen met jou af. Pas als jij het eens bent met de tekst, publiceren we het.</p><p>Wil je dat we je gegevens en je verhaal weggooien? Mail dan naar <a href="mailto:redactie@buurtwijs.nl">redactie@buurtwijs.nl</a>. We verwijderen alles binnen vier weken. Is je verhaal al gepubliceerd, dan halen we het op jouw verzoek offline.</p>',
}

# Bijeenkomsten (community.events): the overview under the home page and its gatherings. Dates are relative to the
# day the demo is loaded ("in_days"; negative: in the past), at a time in Amsterdam. "registrations": how many demo
# registrations the own registration form already has.
EVENT_INDEX = {
    "slug": "bijeenkomsten",
    "title": "Bijeenkomsten",
    "intro": "<p>Praat mee met andere buurtmakers. Op een buurtavond, een leerdag of online bespreken we een dilemma uit de praktijk, met de mensen die het zelf meemaakten en met onze partners.</p>",
    "summary": "Buurtavonden, leerdagen en online gesprekken over wat werkt in de buurt.",
}

# The names of the demo registrations (their addresses: deelnemer1@example.org, deelnemer2@…).
EVENT_REGISTRANTS = [
    "Fatima El Amrani",
    "Henk Bosman",
    "Sanne de Vries",
    "Mohamed Yilmaz",
    "Els Jansen",
    "Joost van Dijk",
    "Priya Ramdin",
    "Wim Kuipers",
    "Naima Bakkali",
    "Kees Visser",
]

EVENTS = [
    {
        "slug": "buurtavond-vrijwilligers-vasthouden",
        "title": "Buurtavond: hoe houd je vrijwilligers vast?",
        "intro": "Veel bewonersinitiatieven draaien op een paar mensen. Hoe voorkom je dat zij opbranden? We praten erover met de soepploeg uit Overvecht en Welzijnsorganisatie Samen Verder.",
        "in_days": 12,
        "time": ("19:30", "21:30"),
        "venue": "Buurthuis De Boog",
        "address": "Boogstraat 12, Utrecht",
        "municipality": "Utrecht",
        "online_url": "",
        "themes": ["sociale-cohesie", "participatie"],
        "partners": ["Welzijnsorganisatie Samen Verder"],
        "dilemma": "Vraag je vrijwilligers om meer, of laat je een activiteit stoppen als niemand hem trekt?",
        "stories": ["soep-op-woensdag-overvecht", "tien-jaar-buurtbudget"],
        "registration_url": "",
        "capacity": 12,
        "registrations": 10,
        "published_days_ago": 20,
    },
    {
        "slug": "leerdag-geldzorgen-in-de-wijk",
        "title": "Leerdag: geldzorgen bespreekbaar maken",
        "intro": "Een dag voor vrijwilligers en professionals over schaarste en schaamte. Met verhalen uit Schiedam en Vlaardingen en een workshop van de Voedselbank.",
        "in_days": 26,
        "time": ("10:00", "16:00"),
        "venue": "Wijkcentrum De Kaap",
        "address": "Kaapstraat 3, Schiedam",
        "municipality": "Schiedam",
        "online_url": "",
        "themes": ["armoede"],
        "partners": ["Voedselbank De Brug", "Wijkteam Schiedam-Oost"],
        "dilemma": "Spreek je iemand aan op geldzorgen die je vermoedt, of wacht je tot hij zelf komt?",
        "stories": ["schuldhulp-zonder-wachtlijst", "geldzorgen-aan-de-keukentafel"],
        "registration_url": "https://www.example.org/voedselbank-de-brug/leerdag",
        "capacity": None,
        "registrations": 0,
        "published_days_ago": 15,
    },
    {
        "slug": "online-gesprek-jongeren-en-de-openbare-ruimte",
        "title": "Online gesprek: jongeren en de openbare ruimte",
        "intro": "Een uur online praten over hangplekken, voetbalkooien en pleinen die jongeren zelf ontwerpen. Iedereen kan aanschuiven.",
        "in_days": 40,
        "time": ("20:00", "21:00"),
        "venue": "",
        "address": "",
        "municipality": "",
        "online_url": "https://www.example.org/online/jongeren-en-de-openbare-ruimte",
        "themes": ["jongeren"],
        "partners": ["Stichting Jongerenwerk Oost"],
        "dilemma": "Maak je een plek voor jongeren, of laat je ze de plek zelf kiezen?",
        "stories": ["jongeren-ontwerpen-hun-plein", "voetbalkooi-hoogezand"],
        "registration_url": "",
        "capacity": None,
        "registrations": 0,
        "published_days_ago": 5,
    },
    {
        "slug": "buurtmakersavond-eenzaamheid",
        "title": "Buurtmakersavond over eenzaamheid",
        "intro": "Met veertig buurtmakers spraken we over eenzaamheid: hoe vind je de buren die nooit buiten komen? Lees de verhalen die we bespraken.",
        "in_days": -45,
        "time": ("19:30", "22:00"),
        "venue": "Bibliotheek De Boekenbrug",
        "address": "Stationsplein 2, Nieuwegein",
        "municipality": "Nieuwegein",
        "online_url": "",
        "themes": ["eenzaamheid"],
        "partners": ["Bibliotheek De Boekenbrug"],
        "dilemma": "Klop je aan bij een buur die niemand meer ziet, of laat je hem met rust?",
        "stories": ["buurtkamer-in-de-bibliotheek", "studenten-en-ouderen"],
        "registration_url": "",
        "capacity": 40,
        "registrations": 0,
        "published_days_ago": 80,
    },
]

KNOWLEDGE = [
    {
        "slug": "sociaal-kapitaal",
        "title": "Sociaal kapitaal: waarom buren ertoe doen",
        "kind": "theory",
        "author_name": "Marieke Dekker, centrale redactie",
        "themes": ["sociale-cohesie", "participatie", "eenzaamheid"],
        "image": "tafel",
        "intro": "Sociaal kapitaal is de waarde van de relaties tussen mensen: wie je kent, wie je vertrouwt en bij wie je kunt aankloppen. Het begrip helpt te begrijpen waarom een buurt waar mensen elkaar groeten, meer aankan dan een buurt waar iedereen langs elkaar heen leeft.",
        "body": [
            paragraph(
                "<h2>Wat is sociaal kapitaal?</h2><p>De Amerikaanse politicoloog Robert Putnam maakte het begrip bekend met zijn boek <i>Bowling Alone</i> (2000). Hij beschreef hoe Amerikanen steeds minder lid werden van verenigingen, kerken en clubs, en wat dat betekende voor het vertrouwen in elkaar.</p><p>Putnam onderscheidt twee soorten. <b>Bindend</b> sociaal kapitaal zit in de sterke banden binnen een groep die op elkaar lijkt: familie, vrienden, een hechte gemeenschap. <b>Overbruggend</b> sociaal kapitaal verbindt mensen die van elkaar verschillen: buren met een andere achtergrond, jong en oud.</p>"
            ),
            paragraph(
                "<h2>De kracht van losse contacten</h2><p>Al in 1973 liet de socioloog Mark Granovetter zien dat juist losse contacten veel waard zijn. Wie een baan zoekt, vindt die vaak via een kennis en niet via een goede vriend: kennissen bewegen zich in andere kringen en horen andere dingen. Voor buurten betekent dit dat het groeten in de lift en het praatje bij de school ertoe doen.</p>"
            ),
            quote(
                "Een buurt hoeft geen vriendenclub te zijn. Het helpt al als je weet bij wie je kunt aanbellen.",
                "Een opbouwwerker in gesprek met Buurtwijs",
            ),
            paragraph(
                "<h2>Wat betekent dit voor buurtmakers?</h2><ul><li>Activiteiten die mensen met verschillende achtergronden samenbrengen, bouwen overbruggend kapitaal op.</li><li>Kleine, terugkerende ontmoetingen wegen zwaarder dan één groot feest.</li><li>Let op wie er niet is: wie al veel contacten heeft, profiteert het snelst.</li></ul>"
            ),
        ],
        "sources": [
            (
                "Putnam, R.D. (2000). Bowling Alone: The Collapse and Revival of American Community. New York: Simon & Schuster.",
                "",
            ),
            (
                "Granovetter, M.S. (1973). The Strength of Weak Ties. American Journal of Sociology, 78(6), 1360–1380.",
                "",
            ),
            (
                "Sampson, R.J., Raudenbush, S.W. & Earls, F. (1997). Neighborhoods and Violent Crime: A Multilevel Study of Collective Efficacy. Science, 277(5328), 918–924.",
                "",
            ),
        ],
    },
    {
        "slug": "participatieladder",
        "title": "De participatieladder: hoeveel zeggenschap hebben bewoners?",
        "kind": "theory",
        "author_name": "Ingrid Smit",
        "themes": ["participatie", "wonen", "opbouwwerk"],
        "image": "plein",
        "intro": "In 1969 beschreef Sherry Arnstein acht treden van burgerparticipatie, van manipulatie tot echte zeggenschap. Haar ladder wordt nog steeds gebruikt om eerlijk te kijken naar de vraag: mogen bewoners meedenken, of mogen ze ook meebeslissen?",
        "body": [
            paragraph(
                "<h2>Acht treden</h2><p>Sherry Arnstein werkte voor de Amerikaanse overheid aan stadsvernieuwing. Ze zag hoe bewoners werden ‘betrokken’ zonder dat er iets veranderde. In haar artikel <i>A Ladder of Citizen Participation</i> zette ze de vormen van participatie op een ladder.</p><ol><li>Onderaan staan <b>manipulatie</b> en <b>therapie</b>: bewoners worden bewerkt, niet gehoord.</li><li>In het midden staan <b>informeren</b>, <b>raadplegen</b> en <b>sussen</b>: bewoners mogen iets zeggen, maar anderen beslissen.</li><li>Bovenaan staan <b>partnerschap</b>, <b>gedelegeerde macht</b> en <b>burgercontrole</b>.</li></ol>"
            ),
            facts(
                [
                    ("Onderaan", "niet-participatie: manipulatie en therapie"),
                    ("In het midden", "schijnparticipatie: informeren, raadplegen en sussen"),
                    ("Bovenaan", "burgermacht: partnerschap, gedelegeerde macht en burgercontrole"),
                ],
                heading="De ladder in het kort",
            ),
            paragraph(
                "<h2>In Nederland</h2><p>In Nederland wordt vaak een eenvoudiger versie gebruikt met vijf treden: informeren, raadplegen, adviseren, coproduceren en meebeslissen. De Wetenschappelijke Raad voor het Regeringsbeleid pleitte in 2012 in <i>Vertrouwen in burgers</i> voor meer ruimte voor wat burgers zelf al doen, in plaats van hen alleen te laten meepraten over plannen van de overheid.</p>"
            ),
            paragraph(
                "<h2>Een eerlijke vraag</h2><p>De ladder is geen meetlat waarop hoger altijd beter is. Soms is goed informeren precies wat nodig is. Maar hij helpt om eerlijk te zijn tegen bewoners over wat er met hun inbreng gebeurt. Niets is zo ontmoedigend als meedenken over een besluit dat al genomen is.</p>"
            ),
        ],
        "sources": [
            (
                "Arnstein, S.R. (1969). A Ladder of Citizen Participation. Journal of the American Institute of Planners, 35(4), 216–224.",
                "",
            ),
            (
                "Wetenschappelijke Raad voor het Regeringsbeleid (2012). Vertrouwen in burgers. Amsterdam: Amsterdam University Press.",
                "https://www.wrr.nl/",
            ),
        ],
    },
    {
        "slug": "schaarste",
        "title": "Schaarste: wat geldzorgen met je hoofd doen",
        "kind": "research",
        "author_name": "Sendhil Mullainathan en Eldar Shafir (samenvatting: redactie Buurtwijs)",
        "themes": ["armoede", "zorg-en-welzijn"],
        "image": "kennis",
        "intro": "Wie te weinig heeft, van geld of van tijd, denkt anders. Dat is geen karakterfout, maar een gevolg van de schaarste zelf, laten de econoom Sendhil Mullainathan en de psycholoog Eldar Shafir zien. Hun onderzoek verklaart waarom goedbedoelde hulp soms niet aankomt.",
        "body": [
            paragraph(
                "<h2>De tunnel</h2><p>Mullainathan en Shafir beschrijven in <i>Scarcity</i> (2013; in het Nederlands verschenen als <i>Schaarste</i>) hoe een tekort al je aandacht opeist. Wie niet weet hoe de huur betaald moet worden, kijkt door een tunnel: het dringendste probleem krijgt alle aandacht, de rest valt weg. Dat helpt om de maand door te komen, maar maakt plannen voor later bijna onmogelijk.</p><p>In hun experimenten deden mensen het slechter op denktaken wanneer ze aan geldzorgen werden herinnerd. Schaarste neemt denkruimte in beslag.</p>"
            ),
            paragraph(
                "<h2>Weten is nog geen doen</h2><p>De Wetenschappelijke Raad voor het Regeringsbeleid trok in 2017 een vergelijkbare conclusie voor Nederland. In het rapport <i>Weten is nog geen doen</i> laat de raad zien dat de overheid te veel verwacht van de redzaamheid van burgers. Ook wie goed weet wat er moet gebeuren, lukt het onder stress vaak niet om het ook te doen.</p>"
            ),
            paragraph(
                "<h2>Wat betekent dit voor buurtmakers?</h2><ul><li>Maak hulp zo eenvoudig mogelijk: één aanspreekpunt, geen lange formulieren.</li><li>Kom langs in plaats van te wachten tot iemand komt.</li><li>Help eerst met het dringendste probleem; daarna ontstaat ruimte voor de rest.</li></ul>"
            ),
            call_to_action(
                "Zelf aan de slag met geldzaken?",
                "Naar het Nibud",
                text="Het Nibud heeft rekenhulpen en tips voor wie het overzicht over geldzaken terug wil.",
                url="https://www.nibud.nl/",
            ),
        ],
        "sources": [
            (
                "Mullainathan, S. & Shafir, E. (2013). Scarcity: Why Having Too Little Means So Much. New York: Times Books.",
                "",
            ),
            (
                "Wetenschappelijke Raad voor het Regeringsbeleid (2017). Weten is nog geen doen. Een realistisch perspectief op redzaamheid. Den Haag: WRR.",
                "https://www.wrr.nl/",
            ),
        ],
    },
    {
        "slug": "eenzaamheid-sociaal-en-emotioneel",
        "title": "Sociale en emotionele eenzaamheid",
        "kind": "research",
        "author_name": "Jenny de Jong Gierveld en Theo van Tilburg (samenvatting: redactie Buurtwijs)",
        "themes": ["eenzaamheid", "zorg-en-welzijn"],
        "image": "straat",
        "intro": "Eenzaamheid is niet hetzelfde als alleen zijn. Onderzoekers onderscheiden sociale eenzaamheid, het gemis aan een netwerk, en emotionele eenzaamheid, het gemis aan een hechte band. Het verschil bepaalt wat een buurt wel en niet kan doen.",
        "body": [
            paragraph(
                "<h2>Twee soorten eenzaamheid</h2><p>De Amerikaanse socioloog Robert Weiss maakte in 1973 het onderscheid tussen sociale en emotionele eenzaamheid. Wie <b>sociaal eenzaam</b> is, mist mensen om zich heen: kennissen, buren, collega's. Wie <b>emotioneel eenzaam</b> is, mist één persoon met wie je alles kunt delen, bijvoorbeeld na het overlijden van een partner.</p><p>De Nederlandse onderzoekers Jenny de Jong Gierveld en Theo van Tilburg ontwikkelden korte vragenlijsten die beide soorten meten. Hun eenzaamheidsschaal wordt in Nederland veel gebruikt, onder meer in de gezondheidsmonitors van de GGD'en.</p>"
            ),
            quote(
                "Ik heb genoeg mensen om me heen. Maar niemand vraagt nog hoe het met míj gaat.",
                "Weduwe van 74, in gesprek met Buurtwijs",
            ),
            paragraph(
                "<h2>Wat kan een buurt doen?</h2><p>Tegen sociale eenzaamheid kan een buurt veel doen: ontmoetingsplekken, een buurtmaaltijd, een praatje bij de deur. Emotionele eenzaamheid is lastiger. Een nieuwe vriendschap laat zich niet organiseren. Wel kunnen buren de drempel verlagen om hulp te zoeken, en opmerken wanneer iemand zich terugtrekt.</p>"
            ),
            facts(
                [
                    ("Sociale eenzaamheid", "gemis aan een breder netwerk van contacten"),
                    ("Emotionele eenzaamheid", "gemis aan een hechte, intieme band"),
                    ("Meten", "met de eenzaamheidsschaal van De Jong Gierveld"),
                ],
                heading="In het kort",
            ),
        ],
        "sources": [
            (
                "Weiss, R.S. (1973). Loneliness: The Experience of Emotional and Social Isolation. Cambridge, MA: MIT Press.",
                "",
            ),
            (
                "De Jong Gierveld, J. & Van Tilburg, T. (2006). A 6-Item Scale for Overall, Emotional, and Social Loneliness. Research on Aging, 28(5), 582–598.",
                "",
            ),
        ],
    },
    {
        "slug": "abcd",
        "title": "Asset Based Community Development: beginnen bij wat er al is",
        "kind": "method",
        "author_name": "John Kretzmann en John McKnight (samenvatting: redactie Buurtwijs)",
        "themes": ["opbouwwerk", "participatie", "armoede"],
        "image": "buurthuis",
        "intro": "De meeste plannen voor een buurt beginnen bij wat er mis is. Asset Based Community Development (ABCD) begint bij wat er al is: de talenten van bewoners, de verenigingen, de plekken. Van daaruit bouwen bewoners zelf verder.",
        "body": [
            paragraph(
                "<h2>Van tekorten naar talenten</h2><p>John Kretzmann en John McKnight onderzochten buurten in Amerikaanse steden. Ze zagen dat die buurten vooral werden beschreven in problemen: werkloosheid, criminaliteit, verval. Daardoor gingen ook bewoners zichzelf zien als mensen met problemen, die wachten op hulp van buiten.</p><p>In <i>Building Communities from the Inside Out</i> (1993) stelden ze een andere aanpak voor: breng eerst in kaart wat een buurt al in huis heeft.</p>"
            ),
            paragraph(
                "<h2>De methode in vijf stappen</h2><ol><li><b>Talenten ophalen</b>: vraag bewoners wat ze kunnen en graag doen, niet alleen wat ze nodig hebben.</li><li><b>Verenigingen en netwerken</b> in kaart brengen, ook de informele: de moskee, de voetbalclub, de moeders op het schoolplein.</li><li><b>Plekken en organisaties</b>: welke ruimtes, bedrijven en instellingen kunnen iets bijdragen?</li><li><b>Verbinden</b>: breng mensen met een gedeelde wens bij elkaar.</li><li><b>Pas dan</b> kijken welke hulp van buiten nodig is.</li></ol>"
            ),
            document(
                "werkblad-buurt-in-huis",
                description="Een werkblad om samen met buren de talenten en plekken in je buurt in kaart te brengen.",
            ),
            paragraph(
                "<h2>Valkuilen</h2><p>ABCD is geen reden om voorzieningen weg te bezuinigen. Buurten met veel armoede hebben ook talenten, maar niet altijd de tijd en het geld om ze in te zetten. Critici waarschuwen dat de aanpak niet mag worden gebruikt om bewoners het werk van de overheid te laten doen.</p>"
            ),
        ],
        "sources": [
            (
                "Kretzmann, J.P. & McKnight, J.L. (1993). Building Communities from the Inside Out: A Path Toward Finding and Mobilizing a Community's Assets. Evanston: Institute for Policy Research.",
                "",
            ),
            (
                "McKnight, J. & Block, P. (2010). The Abundant Community: Awakening the Power of Families and Neighborhoods. San Francisco: Berrett-Koehler.",
                "",
            ),
        ],
    },
    {
        "slug": "community-organizing",
        "title": "Community organizing: samen sterker staan",
        "kind": "method",
        "author_name": "Jeroen Mertens",
        "themes": ["opbouwwerk", "wonen", "jongeren"],
        "image": "flats",
        "intro": "Community organizing is een methode om mensen samen macht te laten opbouwen, zodat ze zelf iets kunnen veranderen aan wat hen raakt. De methode komt uit de Verenigde Staten en wordt in Nederland steeds vaker gebruikt door huurders, ouders en jongeren.",
        "body": [
            paragraph(
                "<h2>Waar het vandaan komt</h2><p>De bekendste grondlegger is Saul Alinsky, die vanaf de jaren dertig in Chicago buurtbewoners organiseerde. In <i>Rules for Radicals</i> (1971) beschreef hij hoe mensen zonder geld of invloed toch macht kunnen opbouwen: door met veel mensen tegelijk op te trekken, rond een concreet doel dat haalbaar is.</p><p>De Braziliaanse pedagoog Paulo Freire voegde daar een ander inzicht aan toe: mensen leren hun situatie te veranderen door er samen over na te denken en te praten.</p>"
            ),
            paragraph(
                "<h2>De stappen</h2><ol><li><b>Eén-op-één-gesprekken</b>: de organizer voert tientallen persoonlijke gesprekken om te horen wat mensen bezighoudt.</li><li><b>Een gedeeld probleem kiezen</b> dat concreet en haalbaar is, zoals schimmel in de woningen of een onveilige oversteek.</li><li><b>Een kerngroep vormen</b> van mensen die anderen kunnen meenemen.</li><li><b>Actie</b>: een bijeenkomst, een brief, een gesprek met wie beslist, met zoveel mogelijk mensen.</li><li><b>Terugkijken</b>: wat leverde het op, en wat is de volgende stap?</li></ol>"
            ),
            quote(
                "Macht is geen vies woord. Het is gewoon het vermogen om iets te laten gebeuren.",
                "Een huurder uit Utrecht, in gesprek met Buurtwijs",
            ),
            video("Wat is community organizing?", "Een korte uitleg in beeld."),
        ],
        "sources": [
            (
                "Alinsky, S.D. (1971). Rules for Radicals: A Pragmatic Primer for Realistic Radicals. New York: Random House.",
                "",
            ),
            ("Freire, P. (1970). Pedagogy of the Oppressed. New York: Herder and Herder.", ""),
        ],
    },
    {
        "slug": "geschiedenis-opbouwwerk",
        "title": "Een korte geschiedenis van het opbouwwerk",
        "kind": "history",
        "author_name": "Hans Verbruggen",
        "themes": ["opbouwwerk", "zorg-en-welzijn", "sociale-cohesie"],
        "image": "kennis",
        "intro": "Het opbouwwerk heeft in Nederland een lange en wisselende geschiedenis: van de eerste buurthuizen aan het eind van de negentiende eeuw, via de bloeitijd in de jaren zeventig en de bezuinigingen daarna, tot de wijkteams van vandaag. Wie die geschiedenis kent, herkent veel discussies van nu.",
        "body": [
            paragraph(
                "<h2>De eerste buurthuizen</h2><p>In 1892 opende in Amsterdam <i>Ons Huis</i>, een van de eerste buurthuizen van Nederland. Het was geïnspireerd op de Engelse settlements, zoals Toynbee Hall in Londen, waar welgestelde jongeren in arme wijken gingen wonen om er onderwijs en ontspanning te organiseren.</p>"
            ),
            paragraph(
                "<h2>Opbouwwerk als vak</h2><p>Na de Tweede Wereldoorlog groeide het opbouwwerk uit tot een vak. Opbouwwerkers hielpen eerst vooral op het platteland en in nieuwe wijken om gemeenschappen op te bouwen. In de jaren zestig en zeventig werden ze steeds meer de bondgenoten van bewoners, bijvoorbeeld in de stadsvernieuwing, waar bewoners streden voor ‘bouwen voor de buurt’.</p>"
            ),
            facts(
                [
                    ("1892", "Ons Huis opent in Amsterdam"),
                    ("jaren zeventig", "opbouwwerkers in de stadsvernieuwing"),
                    ("2007", "de Wet maatschappelijke ondersteuning gaat in"),
                    ("2015", "gemeenten krijgen meer taken in zorg en welzijn"),
                ],
                heading="Tijdlijn",
            ),
            paragraph(
                "<h2>Bezuinigingen en nieuwe namen</h2><p>Vanaf de jaren tachtig werd er fors bezuinigd op welzijnswerk, en veranderde het werk telkens van naam en vorm. Met de Wet maatschappelijke ondersteuning (2007) en de decentralisaties van 2015 kregen gemeenten de verantwoordelijkheid voor zorg en welzijn dichtbij. In veel gemeenten kwamen er wijkteams; het klassieke opbouwwerk verdween soms helemaal.</p><h2>Terug van weggeweest</h2><p>De laatste jaren keert het opbouwwerk in veel gemeenten terug, vaak onder een nieuwe naam. De kern is hetzelfde gebleven: dichtbij bewoners werken, hun vragen als vertrekpunt nemen en helpen om zelf iets te organiseren.</p>"
            ),
        ],
        "sources": [
            (
                "Movisie, kennisinstituut voor het sociaal domein: dossiers over opbouwwerk en sociaal werk.",
                "https://www.movisie.nl/",
            ),
            ("Wet maatschappelijke ondersteuning 2015.", "https://wetten.overheid.nl/"),
        ],
    },
    {
        "slug": "buurthuizen-geschiedenis",
        "title": "Van buurthuis tot huiskamer van de wijk",
        "kind": "history",
        "author_name": "Hans Verbruggen",
        "themes": ["sociale-cohesie", "eenzaamheid", "jongeren"],
        "image": "buurthuis",
        "intro": "Bijna elke wijk had ooit een buurthuis, met een biljart, een bar en een zaal voor de jeugdsoos. Veel buurthuizen sloten hun deuren, andere worden nu door bewoners zelf gerund. Wat maakt een plek tot een echte ontmoetingsplek?",
        "body": [
            paragraph(
                "<h2>Het buurthuis als vast punt</h2><p>In de jaren vijftig, zestig en zeventig kregen veel wijken een buurthuis of clubhuis. Er was een jeugdsoos, er werd gebiljart en gekaart, en verenigingen vergaderden er. Voor veel jongeren was het de plek waar ze hun eerste vrienden buiten de straat maakten.</p><p>Na de bezuinigingen op welzijn gingen veel buurthuizen dicht of werden ze samengevoegd tot grotere wijkcentra.</p>"
            ),
            image(
                "buurthuis",
                "Getekende rij huizen met rode daken rond een plein, in oranje en geel",
                "Een buurthuis, zoals er in veel wijken één stond.",
            ),
            paragraph(
                "<h2>Derde plekken</h2><p>De Amerikaanse socioloog Ray Oldenburg noemde in <i>The Great Good Place</i> (1989) plekken als het café, de kapper en de bibliotheek ‘derde plekken’: naast thuis (de eerste) en werk (de tweede). Het zijn plekken waar je zonder afspraak binnenloopt, waar vaste gasten zijn en waar het gesprek belangrijker is dan wat je koopt.</p><p>Eerder liet Jane Jacobs in <i>The Death and Life of Great American Cities</i> (1961) al zien hoe levendige straten, met winkeltjes en mensen die uit het raam kijken, zorgen voor veiligheid en contact.</p>"
            ),
            quote(
                "Een goed buurthuis herken je aan de mensen die er zijn zonder dat er iets te doen is.",
                "Beheerder van een buurthuis in Utrecht",
            ),
            paragraph(
                "<h2>Bewoners aan het roer</h2><p>Steeds meer buurthuizen worden door bewoners zelf beheerd, soms als bewonersbedrijf met een eigen keuken of zaalverhuur. Dat vraagt veel van vrijwilligers, maar het levert ook iets op: een plek die echt van de buurt is.</p>"
            ),
        ],
        "sources": [
            ("Oldenburg, R. (1989). The Great Good Place. New York: Paragon House.", ""),
            ("Jacobs, J. (1961). The Death and Life of Great American Cities. New York: Random House.", ""),
        ],
    },
]

# Practice stories. region None = national (under Praktijkverhalen); author is the region's "correspondent",
# its "editor", or None (written by the central team). days_ago sets the publication date.

STORIES = [
    # National stories
    {
        "slug": "buurtkamer-in-de-bibliotheek",
        "title": "Een buurtkamer in de bibliotheek",
        "region": None,
        "municipality": "Amersfoort",
        "author": None,
        "themes": ["eenzaamheid", "sociale-cohesie"],
        "target_groups": ["ouderen", "alleenstaanden"],
        "partners": ["Bibliotheek De Boekenbrug", "Welzijnsorganisatie Samen Verder"],
        "period": ("2024-09-01", None),
        "days_ago": 12,
        "image": "tafel",
        "consent": WRITTEN_CONSENT,
        "intro": "Elke dinsdagochtend staat in de bibliotheek de koffie klaar voor wie even onder de mensen wil zijn. Wat begon als een proef van drie maanden, is na twee jaar een vaste plek geworden waar vooral ouderen die alleen wonen elkaar vinden.",
        "buurtmakers": [
            ("Ria van Dam", "bewoner en gastvrouw", ""),
            ("Karim Bouzid", "opbouwwerker", "Welzijnsorganisatie Samen Verder"),
        ],
        "knowledge": [
            ("buurthuizen-geschiedenis", IN_TRADITION),
            ("eenzaamheid-sociaal-en-emotioneel", BUILDS_ON_RESEARCH),
        ],
        "body": [
            paragraph(
                "<h2>Hoe het begon</h2><p>De bibliotheek zag het al jaren: op dinsdagochtend zaten er steeds dezelfde mensen bij de kranten. Niet om te lezen, vertelt gastvrouw Ria van Dam, maar omdat het er warm was en er iemand ‘goedemorgen’ zei. Samen met opbouwwerker Karim Bouzid zette ze een grote tafel neer, met koffie en een schaal koekjes.</p><p>De eerste weken kwamen er vier mensen. Nu zijn het er op een gewone dinsdag tussen de vijftien en twintig.</p>"
            ),
            quote("Ik kwam voor de krant. Nu kom ik voor Joop en Annie.", "Bezoeker van de buurtkamer, 81 jaar"),
            paragraph(
                "<h2>Geen programma</h2><p>Er is bewust geen programma. Wie wil praten, praat. Wie liever de puzzel maakt, doet dat. Karim: ‘Zodra je een activiteit organiseert, komen de mensen die graag naar activiteiten gaan. Wij wilden juist de mensen bereiken die nergens heen gaan.’</p><p>Wel is er altijd iemand die nieuwe bezoekers opvangt en voorstelt aan de tafel. Dat bleek het belangrijkste: de eerste keer binnenstappen is het moeilijkst.</p>"
            ),
            lessons(
                [
                    "Een vaste dag en tijd, ook in de zomer",
                    "Een gastvrouw die nieuwe mensen voorstelt",
                    "Een plek waar je ook zonder reden mag zijn",
                ],
                ["Een aankondiging in de huis-aan-huiskrant", "Een thema per week: dat schrok mensen juist af"],
            ),
            facts(
                [
                    ("Wanneer", "elke dinsdag van 10.00 tot 12.00 uur"),
                    ("Bezoekers", "15 tot 20 per week"),
                    ("Kosten", "koffie en thee, ongeveer € 15 per week"),
                ]
            ),
        ],
    },
    {
        "slug": "landelijk-netwerk-buurtmakers",
        "title": "Wat een landelijk netwerk van buurtmakers ons leerde",
        "region": None,
        "municipality": None,
        "author": None,
        "themes": ["opbouwwerk", "participatie"],
        "target_groups": ["vrijwilligers"],
        "partners": [],
        "period": ("2021-01-01", "2024-06-30"),
        "days_ago": 45,
        "image": "plein",
        "consent": EMAIL_CONSENT,
        "intro": "Drie jaar lang kwamen buurtmakers uit twaalf gemeenten vier keer per jaar bij elkaar om ervaringen te delen. Het netwerk is gestopt, maar de lessen zijn gebleven. De centrale redactie zette ze op een rij.",
        "buurtmakers": [
            ("Gerda Mulder", "coördinator van het netwerk", ""),
            ("Hassan Amrani", "bewoner en buurtmaker", ""),
        ],
        "knowledge": [("abcd", APPLIES_METHOD), ("geschiedenis-opbouwwerk", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Het idee was eenvoudig: laat mensen die in hun eigen buurt iets opzetten, elkaar ontmoeten. Geen congres met sprekers, maar een lange middag aan tafel, elke keer in een andere gemeente. De gastbuurt liet zien wat ze deed, de anderen stelden vragen.</p>"
            ),
            dilemma(
                "Houd je een netwerk in stand als de subsidie stopt?",
                "<p>Iedereen vond het netwerk waardevol. Maar zonder geld voor een coördinator kwam al het regelwerk bij een paar vrijwilligers terecht. <b>Doorgaan</b> betekende dat die mensen minder tijd overhielden voor hun eigen buurt. <b>Stoppen</b> betekende dat contacten zouden verwateren.</p>",
                "<p>Het netwerk stopte met de vaste bijeenkomsten. Er bleef een appgroep, en deelnemers gaan nu op eigen houtje bij elkaar op bezoek.</p>",
            ),
            paragraph(
                "<h2>Wat bleef</h2><ul><li>Op bezoek gaan werkt beter dan erover vertellen.</li><li>Buurtmakers willen vooral horen wat misging.</li><li>Een vaste gastheer of gastvrouw per bijeenkomst maakt het verschil.</li></ul>"
            ),
            video("Terugblik op de laatste netwerkdag", "Een korte impressie van de laatste bijeenkomst."),
            call_to_action(
                "Zelf een netwerk beginnen?",
                "Naar Movisie",
                text="Movisie verzamelt kennis over bewonersinitiatieven en netwerken van vrijwilligers.",
                url="https://www.movisie.nl/",
            ),
        ],
    },
    {
        "slug": "geldzorgen-aan-de-keukentafel",
        "title": "Geldzorgen bespreekbaar aan de keukentafel",
        "region": None,
        "municipality": "Tilburg",
        "author": None,
        "themes": ["armoede", "zorg-en-welzijn"],
        "target_groups": ["mensen met geldzorgen", "gezinnen"],
        "partners": ["Voedselbank De Brug", "Wijkteam Noord"],
        "period": ("2024-02-01", None),
        "days_ago": 80,
        "image": "buurthuis",
        "consent": WRITTEN_CONSENT,
        "intro": "Wie geldzorgen heeft, praat er zelden over. In een Tilburgse wijk gaan getrainde vrijwilligers daarom niet langs met een folder, maar met een vraag: hoe gaat het eigenlijk thuis? Het gesprek aan de keukentafel blijkt vaak de eerste stap naar hulp.",
        "buurtmakers": [
            ("Annemiek Peeters", "vrijwilliger", "Wijkteam Noord"),
            ("Mohamed Ouali", "ervaringsdeskundige", ""),
        ],
        "knowledge": [("schaarste", BUILDS_ON_RESEARCH)],
        "body": [
            paragraph(
                "<p>Mohamed Ouali weet hoe het voelt. ‘Ik had drie jaar lang een stapel ongeopende brieven op de kast liggen. Niet omdat het me niet kon schelen, maar omdat ik er misselijk van werd.’ Nu is hij een van de vrijwilligers die bij buurtgenoten aan tafel schuift.</p><p>De aanpak is bewust klein. Geen intake en geen formulieren in het eerste gesprek. De vrijwilliger luistert, en vraagt pas aan het eind of iemand hulp wil bij de post.</p>"
            ),
            quote(
                "Je hoeft niet te vertellen hoeveel schuld je hebt. Je mag ook gewoon vertellen dat je slecht slaapt.",
                "Mohamed Ouali, ervaringsdeskundige",
            ),
            paragraph(
                "<h2>Waarom het werkt</h2><p>Onderzoek naar schaarste laat zien dat geldzorgen zoveel aandacht opslokken dat er weinig ruimte overblijft om vooruit te plannen. Een stapel brieven sorteren is dan te veel gevraagd. Een buurtgenoot die samen met je de eerste envelop openmaakt, haalt die drempel weg.</p>"
            ),
            document(
                "werkblad-keukentafelgesprek",
                description="De vragen die de vrijwilligers gebruiken, om zelf te printen.",
            ),
            call_to_action(
                "Meer over schaarste",
                "Lees de kennispagina",
                text="Lees wat onderzoek zegt over wat geldzorgen met je hoofd doen.",
                page=Ref("knowledge", "schaarste"),
            ),
        ],
    },
    {
        "slug": "jongeren-ontwerpen-hun-plein",
        "title": "Jongeren ontwerpen hun eigen plein",
        "region": None,
        "municipality": "Schiedam",
        "author": None,
        "themes": ["jongeren", "participatie", "wonen"],
        "target_groups": ["jongeren"],
        "partners": ["Stichting Jongerenwerk Oost", "Woningcorporatie Thuis aan de Vaart"],
        "period": ("2023-04-01", "2024-05-31"),
        "days_ago": 150,
        "image": "plein",
        "consent": VERBAL_CONSENT,
        "intro": "Het plein achter de flat was al jaren een plek waar jongeren werden weggestuurd. Toen de woningcorporatie het wilde opknappen, vroeg de jongerenwerker of de jongeren zelf mochten meedenken. Het werd meer dan meedenken: ze tekenden het ontwerp.",
        "buurtmakers": [
            ("Dewi Sastro", "jongerenwerker", "Stichting Jongerenwerk Oost"),
            ("Ilias", "bewoner, 17 jaar", ""),
            ("Noor", "bewoner, 15 jaar", ""),
        ],
        "knowledge": [("participatieladder", IN_TRADITION), ("community-organizing", APPLIES_METHOD)],
        "body": [
            paragraph(
                "<p>‘Ze zeiden altijd dat wij overlast gaven,’ vertelt Ilias (17). ‘Maar niemand vroeg waar we dan wél mochten zitten.’ Jongerenwerker Dewi Sastro nam die vraag mee naar het overleg met de woningcorporatie.</p><p>Acht jongeren gingen op pad met een meetlint en een telefoon. Ze fotografeerden pleinen in andere wijken, maakten een maquette van karton en presenteerden die aan de bewonerscommissie.</p>"
            ),
            dilemma(
                "Laat je jongeren echt beslissen, ook als volwassen bewoners het er niet mee eens zijn?",
                "<p>Oudere bewoners waren bang voor geluidsoverlast in de avond. De jongeren wilden juist een overdekte plek om te zitten. <i>Meedenken</i> zonder echte invloed zou het vertrouwen van de jongeren kosten; een besluit over de hoofden van de oudere bewoners heen zou de buurt verdelen.</p>",
                "<p>Jongeren en ouderen liepen samen een avond over het plein. De overkapping kwam er, maar aan de kant van de bedrijfspanden in plaats van bij de slaapkamers.</p>",
            ),
            image(
                "plein",
                "Getekend plein met ronde boomkruinen in groen, op een lichte achtergrond",
                "Het ontwerp van de jongeren, zoals het bij de bewonerscommissie lag.",
            ),
            lessons(
                [
                    "Jongeren laten rondkijken in andere wijken",
                    "Een maquette zegt meer dan een vergadering",
                    "Samen een avond over het plein lopen",
                ],
                ["Een inspraakavond in het wijkcentrum: er kwam geen enkele jongere"],
            ),
        ],
    },
    {
        "slug": "tien-jaar-buurtbudget",
        "title": "Tien jaar buurtbudget: wat bleef er over?",
        "region": None,
        "municipality": None,
        "author": None,
        "themes": ["participatie", "opbouwwerk"],
        "target_groups": [],
        "partners": [],
        "period": ("2014-01-01", "2024-12-31"),
        "days_ago": 300,
        "image": "buurthuis",
        "consent": WRITTEN_CONSENT,
        "intro": "Veel gemeenten gaven bewoners de afgelopen tien jaar zelf een budget om hun buurt te verbeteren. De centrale redactie sprak met buurtmakers uit vier regio's over wat ervan terechtkwam: van bankjes die er nog steeds staan tot plannen die in een la verdwenen.",
        "buurtmakers": [
            ("Jolanda Verbeek", "bewoner, voorzitter van een buurtcommissie", ""),
            ("Erik de Boer", "opbouwwerker", "Welzijnsorganisatie Samen Verder"),
        ],
        "knowledge": [("participatieladder", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Het klonk mooi: de buurt beslist zelf waar het geld heen gaat. In de praktijk bleek het vaak een kwestie van wie er op de avond van de stemming aanwezig was. Jolanda Verbeek: ‘In onze wijk stemden veertig mensen over geld voor vijfduizend bewoners. Dat zit me nog steeds niet lekker.’</p>"
            ),
            facts(
                [
                    ("Gesproken buurtmakers", "14, uit 4 regio's"),
                    ("Nog in gebruik", "ongeveer de helft van de betaalde plannen"),
                    ("Meest gekozen", "speelplekken en groen"),
                ],
                heading="In cijfers",
            ),
            paragraph(
                "<h2>Wat wel bleef</h2><p>Opvallend vaak noemen buurtmakers niet het bankje of de speeltuin, maar de mensen die ze leerden kennen. Erik de Boer: ‘Het geld was de aanleiding. De groep die zich ervoor inzette, bestaat nog steeds.’</p><p>Wie vandaag met een buurtbudget begint, raden ze aan om de stemming over meerdere weken te spreiden, ook online en aan de deur.</p>"
            ),
            call_to_action(
                "Lees meer over participatie",
                "Naar het thema",
                text="Verhalen over bewoners die meedoen en meebeslissen.",
                page=Ref("theme", "participatie"),
            ),
        ],
    },
    {
        "slug": "mantelzorgers-via-de-huisarts",
        "title": "Mantelzorgers vinden elkaar via de huisarts",
        "region": None,
        "municipality": "Midden-Groningen",
        "author": None,
        "themes": ["zorg-en-welzijn", "eenzaamheid"],
        "target_groups": ["mantelzorgers"],
        "partners": ["Huisartsenpraktijk De Linde"],
        "period": ("2022-03-01", None),
        "days_ago": 200,
        "image": "moestuin",
        "consent": EMAIL_CONSENT,
        "intro": "Mantelzorgers zijn vaak de laatsten die om hulp vragen. Een huisartsenpraktijk in Hoogezand nodigt ze daarom persoonlijk uit voor een maandelijkse ontmoeting. Niet om te praten over de zorg, maar even over henzelf.",
        "buurtmakers": [
            ("Truus Wiersma", "mantelzorger en vrijwilliger", ""),
            ("Lisa Meijer", "praktijkondersteuner", "Huisartsenpraktijk De Linde"),
        ],
        "knowledge": [("eenzaamheid-sociaal-en-emotioneel", BUILDS_ON_RESEARCH)],
        "body": [
            paragraph(
                "<p>Praktijkondersteuner Lisa Meijer zag het vaak: een vrouw die haar man al jaren verzorgt, komt zelf met rugklachten of slapeloosheid. ‘Als ik dan vroeg hoe het met háár ging, kwamen de tranen.’</p><p>Samen met mantelzorger Truus Wiersma begon ze een ontmoeting op de eerste donderdag van de maand, in de wachtkamer na sluitingstijd. De praktijk stuurt geen brief: de huisarts of de praktijkondersteuner nodigt mensen persoonlijk uit.</p>"
            ),
            quote(
                "Hier hoef ik niet uit te leggen waarom ik om vier uur weer thuis moet zijn.",
                "Truus Wiersma, mantelzorger",
            ),
            lessons(
                [
                    "Een persoonlijke uitnodiging van iemand die je vertrouwt",
                    "Een plek die al vertrouwd is",
                    "Vervangende zorg regelen voor de middag zelf",
                ],
                ["Een vast gespreksonderwerp", "Een bijeenkomst in de avond: dan is de zorg het zwaarst"],
            ),
        ],
    },
    # Utrecht
    {
        "slug": "soep-op-woensdag-overvecht",
        "title": "Soep op woensdag in Overvecht",
        "region": "utrecht",
        "municipality": "Utrecht",
        "author": "correspondent",
        "themes": ["sociale-cohesie", "eenzaamheid"],
        "target_groups": ["ouderen", "nieuwkomers", "alleenstaanden"],
        "partners": ["Welzijnsorganisatie Samen Verder"],
        "period": ("2021-10-06", None),
        "days_ago": 5,
        "image": "tafel",
        "consent": WRITTEN_CONSENT,
        "intro": "Elke woensdag kookt een wisselende groep bewoners soep in de gemeenschappelijke keuken van een Utrechtse flat. Wie langskomt, eet mee. Het begon met één pan en tien bewoners die niet wisten waarom ze er waren; nu schuiven er wekelijks zo'n veertig buren aan.",
        "buurtmakers": [
            ("Henk Bosman", "bewoner", ""),
            ("Fatima Azzouzi", "bewoner en kok", ""),
            ("Marloes Kok", "opbouwwerker", "Welzijnsorganisatie Samen Verder"),
        ],
        "knowledge": [("abcd", APPLIES_METHOD), ("sociaal-kapitaal", IN_TRADITION)],
        "body": [
            paragraph(
                "<h2>Hoe het begon</h2><p>Op een koude woensdagavond in 2021 zaten tien bewoners in de gemeenschappelijke ruimte van de flat. Opbouwwerker Marloes Kok had hen uitgenodigd om te praten over de buurt, maar het gesprek kwam niet op gang. Tot Fatima Azzouzi zei: ‘Zullen we volgende week gewoon samen eten?’</p><p>Een week later stond er een pan harira op tafel. Henk Bosman bracht brood mee. Sindsdien is er elke woensdag soep, en elke week kookt iemand anders.</p>"
            ),
            quote("We wachtten niet op de gemeente. We begonnen gewoon met soep.", "Henk Bosman, bewoner in Overvecht"),
            image(
                "tafel",
                "Getekende tafel van bovenaf, met gekleurde rondjes eromheen als mensen die aanschuiven",
                "Elke woensdag een volle tafel.",
            ),
            dilemma(
                "Vraag je een bijdrage voor de soep, of blijft het gratis?",
                "<p>De boodschappen kosten ongeveer veertig euro per week. Een vaste bijdrage zou de kosten dekken, maar buren met weinig geld zouden misschien wegblijven. Gratis betekent afhankelijk zijn van subsidie of van een paar gulle bewoners.</p>",
                "<p>Er staat een pot op tafel. Wie iets kan missen, doet er iets in; niemand kijkt wie wat geeft. Tot nu toe is de pot elke maand genoeg.</p>",
            ),
            facts(
                [("Sinds", "oktober 2021"), ("Bezoekers", "ongeveer 40 per week"), ("Koks", "12 bewoners, om de beurt")]
            ),
        ],
    },
    {
        "slug": "moestuin-tussen-de-flats",
        "title": "Een moestuin tussen de flats",
        "region": "utrecht",
        "municipality": "Nieuwegein",
        "author": "editor",
        "themes": ["wonen", "sociale-cohesie"],
        "target_groups": ["huurders", "gezinnen", "kinderen"],
        "partners": ["Woningcorporatie Thuis aan de Vaart"],
        "period": ("2022-04-01", None),
        "days_ago": 60,
        "image": "moestuin",
        "consent": VERBAL_CONSENT,
        "intro": "Een grasveld waar niemand kwam, is nu een moestuin met dertig bakken. Huurders uit vier flats kweken er tomaten, bonen en koriander. De oogst is mooi, maar de echte winst is dat buren die elkaar jaren niet groetten, nu samen onkruid wieden.",
        "buurtmakers": [
            ("Joke van Rijn", "bewoner en tuinier", ""),
            ("Ahmet Yildiz", "bewoner en tuinier", ""),
            ("Petra Smits", "wijkconsulent", "Woningcorporatie Thuis aan de Vaart"),
        ],
        "knowledge": [("sociaal-kapitaal", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Het idee kwam van Joke van Rijn, die vanaf haar balkon op het lege grasveld keek. ‘Er liep alleen af en toe een hond overheen.’ Ze hing een briefje in de lift: wie wil er een moestuin? Binnen een week stonden er achttien namen op.</p><p>De woningcorporatie betaalde het hout en de aarde. De bewoners bouwden de bakken zelf, op twee zaterdagen.</p>"
            ),
            image(
                "moestuin",
                "Getekende groene heuvels met een gele zon, als een tuin in het voorjaar",
                "De tuin in het eerste voorjaar.",
            ),
            lessons(
                [
                    "Een briefje in de lift bereikt meer mensen dan een nieuwsbrief",
                    "Bakken op tafelhoogte, zodat ook ouderen mee kunnen doen",
                    "Een gezamenlijke oogstmaaltijd aan het eind van de zomer",
                ],
                [
                    "Vaste tuindagen: iedereen werkt liever wanneer het uitkomt",
                    "Eén sleutel van de gereedschapskist, bij één persoon",
                ],
            ),
            video("Een seizoen in de moestuin", "Bewoners filmden een jaar lang de tuin."),
        ],
    },
    {
        "slug": "huurders-en-de-renovatie",
        "title": "Huurders nemen de renovatie in eigen hand",
        "region": "utrecht",
        "municipality": "Utrecht",
        "author": "correspondent",
        "themes": ["wonen", "participatie"],
        "target_groups": ["huurders"],
        "partners": ["Huurdersvereniging De Sleutel", "Woningcorporatie Thuis aan de Vaart"],
        "period": ("2022-01-01", "2023-12-31"),
        "days_ago": 210,
        "image": "flats",
        "consent": WRITTEN_CONSENT,
        "intro": "Toen de flats in Kanaleneiland gerenoveerd moesten worden, kregen de huurders een dikke map met plannen. Een groep bewoners besloot die niet zomaar te tekenen. Ze gingen zelf langs alle 240 voordeuren om op te halen wat buren echt nodig hadden.",
        "buurtmakers": [
            ("Said El Khatib", "bewoner, voorzitter huurderscommissie", "Huurdersvereniging De Sleutel"),
            ("Wilma Hendriks", "bewoner", ""),
        ],
        "knowledge": [("community-organizing", APPLIES_METHOD), ("participatieladder", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>De plannen zagen er netjes uit: nieuwe kozijnen, isolatie, een andere entree. Maar Said El Khatib miste iets. ‘Niemand had gevraagd hoe het is om hier met een rollator de trap op te gaan, of met drie kinderen in een natte badkamer te wonen.’</p><p>Met zes buren maakte hij een korte vragenlijst, vertaald in vier talen. In drie weken tijd belden ze bij elke voordeur aan.</p>"
            ),
            facts(
                [
                    ("Voordeuren", "240"),
                    ("Gesprekken", "187"),
                    ("Talen", "Nederlands, Arabisch, Turks en Engels"),
                    ("Vrijwilligers", "7 bewoners"),
                ],
                heading="De rondgang",
            ),
            paragraph(
                "<h2>Wat het opleverde</h2><p>De woningcorporatie paste het plan op drie punten aan: er kwam een lift bij de hoogste portiek, de badkamers werden eerder aangepakt, en tijdens de werkzaamheden is er een logeerwoning voor wie even weg moet. Belangrijker nog, zegt Wilma Hendriks: ‘Ze weten nu dat wij niet meer alleen bij het kruisje tekenen.’</p>"
            ),
            call_to_action(
                "Zelf een huurderscommissie oprichten?",
                "Naar de Woonbond",
                text="De Woonbond helpt huurders die samen willen optrekken richting hun verhuurder.",
                url="https://www.woonbond.nl/",
            ),
        ],
    },
    {
        "slug": "repair-cafe-zeist",
        "title": "Het Repair Café als ontmoetingsplek",
        "region": "utrecht",
        "municipality": "Zeist",
        "author": "editor",
        "themes": ["sociale-cohesie", "armoede"],
        "target_groups": ["ouderen", "mensen met geldzorgen"],
        "partners": ["Repair Café De Schroevendraaier"],
        "period": ("2019-05-01", None),
        "days_ago": 330,
        "image": "buurthuis",
        "consent": EMAIL_CONSENT,
        "intro": "In het Repair Café in Zeist repareren vrijwilligers elke eerste zaterdag van de maand broodroosters, fietsen en kapotte broeken. Wie er een ochtend rondloopt, ziet dat het om meer gaat dan spullen: mensen blijven hangen, ook als hun lamp allang weer brandt.",
        "buurtmakers": [
            ("Gerrit Post", "vrijwilliger, gepensioneerd elektricien", "Repair Café De Schroevendraaier"),
            ("Yvonne Lammers", "vrijwilliger aan de naaitafel", "Repair Café De Schroevendraaier"),
        ],
        "knowledge": [("buurthuizen-geschiedenis", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Gerrit Post was veertig jaar elektricien. ‘Toen ik stopte, miste ik het sleutelen. Maar ik miste vooral de praatjes bij de mensen thuis.’ In het Repair Café heeft hij allebei terug.</p><p>Bezoekers schuiven aan bij de tafel van een vrijwilliger en kijken mee. Dat is de afspraak: je repareert samen. Terwijl de schroevendraaier zoekt naar het losse draadje, komen de verhalen vanzelf.</p>"
            ),
            quote(
                "Mensen komen met een kapotte waterkoker en gaan weg met een afspraak om samen te gaan fietsen.",
                "Yvonne Lammers, vrijwilliger",
            ),
            paragraph(
                "<h2>Ook voor wie weinig te besteden heeft</h2><p>Repareren is gratis; er staat een fooienpot voor de onderdelen. Voor mensen die moeten rondkomen van weinig, scheelt dat een nieuwe stofzuiger of winterjas. De vrijwilligers merken dat sommige bezoekers vooral komen omdat het er warm en gezellig is, en dat is ook goed.</p>"
            ),
            facts(
                [
                    ("Wanneer", "elke eerste zaterdag van de maand"),
                    ("Reparaties", "gemiddeld 35 per keer"),
                    ("Gelukt", "ongeveer 7 op de 10"),
                ]
            ),
        ],
    },
    {
        "slug": "avondronde-houten",
        "title": "De avondronde in Houten",
        "region": "utrecht",
        "municipality": "Houten",
        "author": "correspondent",
        "themes": ["jongeren"],
        "target_groups": ["jongeren"],
        "partners": ["Stichting Jongerenwerk Oost"],
        "period": ("2023-06-01", None),
        "days_ago": 95,
        "image": "straat",
        "consent": WRITTEN_CONSENT,
        "intro": "Twee avonden per week fietsen jongerenwerkers een vaste ronde langs de plekken waar jongeren samenkomen. Ze komen niet om iemand weg te sturen, maar om een praatje te maken. Na een jaar kennen ze de meeste jongeren bij naam, en weten de jongeren hen te vinden.",
        "buurtmakers": [
            ("Rachid Benali", "jongerenwerker", "Stichting Jongerenwerk Oost"),
            ("Sophie van der Linden", "jongerenwerker", "Stichting Jongerenwerk Oost"),
        ],
        "knowledge": [("community-organizing", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Houten staat bekend als een rustige gemeente, maar ook hier hebben jongeren weinig plekken waar ze mogen zijn zonder iets te kopen. Rachid Benali: ‘Bij het station, bij de skatebaan, achter de supermarkt. Daar zijn ze. Dus daar moeten wij ook zijn.’</p>"
            ),
            dilemma(
                "Vertel je de wijkagent wat je hoort, of bescherm je het vertrouwen van de jongeren?",
                "<p>Jongeren vertellen de jongerenwerkers soms dingen die de politie ook graag zou weten. Wie alles doorgeeft, verliest het vertrouwen; wie niets deelt, kan risico's over het hoofd zien.</p>",
                "<p>De jongerenwerkers maakten met de wijkagent heldere afspraken: alleen bij direct gevaar wordt er iets gedeeld, en dat vertellen ze de jongere dan ook zelf.</p>",
            ),
            lessons(
                [
                    "Een vaste ronde op vaste avonden",
                    "Zelf ook op de fiets: dan ben je aanspreekbaar",
                    "Kleine beloftes waarmaken, zoals een voetbal regelen",
                ],
                ["In een busje langsrijden", "Meteen vragen naar school of werk"],
            ),
        ],
    },
    {
        "slug": "thuisadministratie-amersfoort",
        "title": "Samen de post openmaken in Amersfoort",
        "region": "utrecht",
        "municipality": "Amersfoort",
        "author": None,
        "themes": ["armoede", "zorg-en-welzijn"],
        "target_groups": ["mensen met geldzorgen", "ouderen"],
        "partners": ["Welzijnsorganisatie Samen Verder"],
        "period": ("2020-09-01", None),
        "days_ago": 520,
        "image": "kennis",
        "consent": VERBAL_CONSENT,
        "intro": "Vrijwilligers van de thuisadministratie komen bij mensen thuis die het overzicht over hun geldzaken kwijt zijn. Ze nemen het niet over, maar doen het samen. Na een half jaar kunnen de meeste mensen het weer zelf, of weten ze in elk geval wie ze kunnen bellen.",
        "buurtmakers": [
            ("Bert Vos", "vrijwilliger thuisadministratie", "Welzijnsorganisatie Samen Verder"),
            ("Samira Tahiri", "coördinator vrijwilligers", "Welzijnsorganisatie Samen Verder"),
        ],
        "knowledge": [("schaarste", BUILDS_ON_RESEARCH)],
        "body": [
            paragraph(
                "<p>Bert Vos was boekhouder bij een transportbedrijf. Nu zit hij één ochtend per week aan de keukentafel bij een buurtgenoot. ‘De eerste keer maken we alleen stapeltjes. Rekeningen, belasting, zorgverzekering. Meer niet. Als de stapels er liggen, zie je mensen al een beetje opluchten.’</p><p>Coördinator Samira Tahiri koppelt vrijwilligers en deelnemers zorgvuldig. ‘Het moet klikken. Iemand laat je in zijn la met brieven kijken. Dat is heel persoonlijk.’</p>"
            ),
            facts(
                [("Vrijwilligers", "22"), ("Huishoudens per jaar", "ongeveer 60"), ("Duur", "meestal 6 tot 9 maanden")]
            ),
            call_to_action(
                "Zelf het overzicht terug?",
                "Naar het Nibud",
                text="Het Nibud heeft rekenhulpen en tips om grip te krijgen op je geldzaken.",
                url="https://www.nibud.nl/",
            ),
        ],
    },
    # Groningen
    {
        "slug": "dorp-praat-weer-samen",
        "title": "Na de aardbevingen weer samen aan tafel",
        "region": "groningen",
        "municipality": "Eemsdelta",
        "author": "correspondent",
        "themes": ["sociale-cohesie", "wonen"],
        "target_groups": ["gezinnen", "ouderen"],
        "partners": ["Dorpsbelang Het Wierdenland"],
        "period": ("2022-09-01", None),
        "days_ago": 25,
        "image": "groningen",
        "consent": WRITTEN_CONSENT,
        "intro": "In een dorp in Eemsdelta ging het jarenlang over schade, rapporten en wie wat kreeg. Buren die elkaar altijd hielpen, praatten niet meer met elkaar. Een groep dorpsbewoners organiseert nu maandelijkse dorpsavonden waar het ergens anders over gaat.",
        "buurtmakers": [
            ("Geert Dijkstra", "dorpsbewoner, voorzitter dorpsbelang", "Dorpsbelang Het Wierdenland"),
            ("Hilda Oosterhof", "dorpsbewoner", ""),
        ],
        "knowledge": [("abcd", APPLIES_METHOD)],
        "body": [
            paragraph(
                "<p>‘De één kreeg een nieuw huis, de ander moest nog steeds met scheuren in de muur leven,’ vertelt Geert Dijkstra. ‘Dat vrat aan de onderlinge verhoudingen. Op verjaardagen ging het nergens anders meer over.’</p><p>Hilda Oosterhof stelde voor om één avond per maand het dorpshuis open te zetten, met één regel: vanavond praten we niet over de schade. Er is muziek, er wordt gekaart, en in de zomer is er een barbecue.</p>"
            ),
            quote(
                "Je kunt niet alles oplossen. Maar je kunt wel weer samen een biertje drinken.",
                "Hilda Oosterhof, dorpsbewoner",
            ),
            dilemma(
                "Moet je het onderwerp juist vermijden, of samen bespreken?",
                "<p>Sommige dorpsbewoners vonden het wegkijken: de schade en de onzekerheid zijn echt. Anderen hadden juist behoefte aan een plek waar het er even niet om ging.</p>",
                "<p>De dorpsavonden blijven ‘schadevrij’. Wie over zijn situatie wil praten, kan terecht bij het spreekuur van het dorpsbelang, op een andere avond.</p>",
            ),
            image(
                "groningen",
                "Getekend vlak landschap met een kerktoren op een heuvel, onder een brede lucht",
                "Het dorp op de wierde.",
            ),
        ],
    },
    {
        "slug": "dorpsbus-westerkwartier",
        "title": "De dorpsbus rijdt op vrijwilligers",
        "region": "groningen",
        "municipality": "Westerkwartier",
        "author": "editor",
        "themes": ["zorg-en-welzijn", "participatie", "eenzaamheid"],
        "target_groups": ["ouderen", "mensen met een beperking"],
        "partners": ["Vervoersvereniging De Dorpsbus"],
        "period": ("2021-03-01", None),
        "days_ago": 120,
        "image": "moestuin",
        "consent": EMAIL_CONSENT,
        "intro": "Sinds de lijnbus niet meer door de dorpen rijdt, brengt een groep van dertig vrijwillige chauffeurs ouderen naar de huisarts, de supermarkt en de verjaardag van een kleinkind. De rit kost twee euro. Het gesprek onderweg is gratis.",
        "buurtmakers": [
            ("Klaas Huizinga", "vrijwillige chauffeur", "Vervoersvereniging De Dorpsbus"),
            ("Aaltje Bos", "planner", "Vervoersvereniging De Dorpsbus"),
        ],
        "knowledge": [("eenzaamheid-sociaal-en-emotioneel", BUILDS_ON_RESEARCH)],
        "body": [
            paragraph(
                "<p>Aaltje Bos zit elke ochtend van negen tot elf aan de telefoon. ‘Mevrouw moet dinsdag naar de fysiotherapeut, meneer wil donderdag naar de markt. Ik puzzel het rond met de chauffeurs.’ Een rit moet twee dagen van tevoren worden aangevraagd.</p><p>Klaas Huizinga rijdt twee dagdelen per week. ‘Sommige mensen spreken de hele week niemand anders dan mij. Dan neem ik de tijd, ook als we al voor de deur staan.’</p>"
            ),
            facts(
                [
                    ("Chauffeurs", "30 vrijwilligers"),
                    ("Ritten per jaar", "ongeveer 4.500"),
                    ("Prijs per rit", "€ 2,00"),
                    ("Werkgebied", "zes dorpen"),
                ]
            ),
            call_to_action(
                "Word chauffeur",
                "Meld je aan",
                text="De dorpsbus zoekt altijd nieuwe vrijwilligers met een rijbewijs B.",
                url="https://www.example.org/dorpsbus/aanmelden",
            ),
        ],
    },
    {
        "slug": "studenten-en-ouderen",
        "title": "Studenten en ouderen onder één dak",
        "region": "groningen",
        "municipality": "Groningen",
        "author": "correspondent",
        "themes": ["wonen", "eenzaamheid"],
        "target_groups": ["ouderen", "jongeren"],
        "partners": ["Woonzorgcentrum Het Oosterpark"],
        "period": ("2022-09-01", None),
        "days_ago": 170,
        "image": "flats",
        "consent": WRITTEN_CONSENT,
        "intro": "In een Groninger woonzorgcentrum wonen zes studenten zonder huur te betalen, in ruil voor dertig uur per maand gezelschap. Ze koken samen, spelen sjoelen en helpen met de telefoon. Voor beide kanten bleek het meer op te leveren dan een goedkope kamer of een bezoekje.",
        "buurtmakers": [
            ("Femke Kuipers", "student en bewoner", ""),
            ("Meneer Schuurman", "bewoner, 88 jaar", ""),
            ("Esther Wolters", "activiteitenbegeleider", "Woonzorgcentrum Het Oosterpark"),
        ],
        "knowledge": [("eenzaamheid-sociaal-en-emotioneel", BUILDS_ON_RESEARCH), ("sociaal-kapitaal", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Femke Kuipers studeert geneeskunde en woont al anderhalf jaar tussen mensen die kleinkinderen van haar leeftijd hebben. ‘Het begon als een manier om niet op een wachtlijst voor een kamer te staan. Nu is meneer Schuurman gewoon mijn buurman, met wie ik elke zondag de krant doorneem.’</p>"
            ),
            quote(
                "Ze vraagt dingen die mijn eigen kinderen niet meer vragen. Hoe het vroeger was op de boerderij.",
                "Meneer Schuurman, 88 jaar",
            ),
            lessons(
                [
                    "Vaste momenten, zoals samen koken op woensdag",
                    "Studenten kiezen zelf hoe ze hun uren invullen",
                    "Een begeleider bij wie beide kanten terechtkunnen",
                ],
                ["Studenten inzetten in plaats van personeel", "Te veel studenten op één afdeling"],
            ),
        ],
    },
    {
        "slug": "buurtonderzoek-selwerd",
        "title": "Bewoners doen zelf buurtonderzoek in Selwerd",
        "region": "groningen",
        "municipality": "Groningen",
        "author": "editor",
        "themes": ["participatie", "opbouwwerk"],
        "target_groups": ["huurders", "nieuwkomers"],
        "partners": ["Buurtcentrum De Ploeg"],
        "period": ("2023-09-01", "2024-03-31"),
        "days_ago": 240,
        "image": "flats",
        "consent": VERBAL_CONSENT,
        "intro": "Wat vinden bewoners van Selwerd zelf belangrijk voor hun wijk? In plaats van een enquête van de gemeente gingen twaalf bewoners op pad als onderzoeker. Ze spraken ruim driehonderd buren: op straat, bij de school en in de moskee.",
        "buurtmakers": [
            ("Nadia Haddou", "bewonersonderzoeker", ""),
            ("Wouter Veenstra", "opbouwwerker", "Buurtcentrum De Ploeg"),
            ("Tamara Zijlstra", "bewonersonderzoeker", ""),
        ],
        "knowledge": [("abcd", APPLIES_METHOD), ("participatieladder", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>De vorige enquête van de gemeente werd door nog geen tien procent van de bewoners ingevuld. Opbouwwerker Wouter Veenstra stelde voor het om te draaien: bewoners stellen de vragen, aan hun eigen buren.</p><p>De twaalf bewonersonderzoekers kregen drie avonden training: hoe stel je een open vraag, hoe vraag je door, hoe schrijf je op wat iemand zegt zonder het zelf in te vullen.</p>"
            ),
            facts(
                [
                    ("Bewonersonderzoekers", "12"),
                    ("Gesprekken", "316"),
                    ("Vaakst genoemd", "een plek om elkaar te ontmoeten"),
                    ("Verrassing", "veel zorgen over eenzaamheid onder jonge moeders"),
                ],
                heading="Het onderzoek",
            ),
            dilemma(
                "Wie is eigenaar van de uitkomsten: de bewoners of de gemeente?",
                "<p>De gemeente betaalde de training en wilde de uitkomsten gebruiken voor het wijkplan. De bewonersonderzoekers wilden voorkomen dat hun verhalen in een rapport zouden verdwijnen.</p>",
                "<p>De bewoners presenteerden de uitkomsten eerst zelf, op een buurtavond. Pas daarna ging het rapport naar de gemeente, met hun eigen aanbevelingen voorop.</p>",
            ),
            document(
                "werkblad-buurt-in-huis",
                description="Het werkblad waarmee de bewonersonderzoekers hun gesprekken voorbereidden.",
            ),
        ],
    },
    {
        "slug": "voetbalkooi-hoogezand",
        "title": "Een voetbalkooi als huiskamer",
        "region": "groningen",
        "municipality": "Midden-Groningen",
        "author": "correspondent",
        "themes": ["jongeren", "sociale-cohesie"],
        "target_groups": ["jongeren", "kinderen"],
        "partners": ["Buurtsportcoaches Noord"],
        "period": ("2024-03-01", None),
        "days_ago": 400,
        "image": "plein",
        "consent": WRITTEN_CONSENT,
        "intro": "De voetbalkooi in een wijk in Hoogezand stond bekend als hangplek. Een buurtsportcoach en drie oudere jongeren maakten er een ontmoetingsplek van, met een vast toernooi op vrijdag en een bankje voor de ouders. De klachten van omwonenden zijn bijna verdwenen.",
        "buurtmakers": [
            ("Jesse Bakker", "buurtsportcoach", "Buurtsportcoaches Noord"),
            ("Damian", "vrijwilliger, 19 jaar", ""),
        ],
        "knowledge": [("buurthuizen-geschiedenis", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>‘Ze hadden het steeds over de jongeren in de kooi,’ zegt buurtsportcoach Jesse Bakker. ‘Maar die jongeren voetbalden daar gewoon. Het probleem was dat niemand ze kende.’</p><p>Hij vroeg drie oudere jongeren, onder wie Damian, om op vrijdagavond een toernooi te organiseren voor de jongere kinderen. Ouders kwamen kijken, er kwam een bankje, en een buurvrouw zet nu thee.</p>"
            ),
            quote("Als je iemand kent, bel je niet meer meteen de politie.", "Een omwonende"),
            video("Vrijdagavondtoernooi in de kooi", "Een impressie, gefilmd door Damian."),
            lessons(
                ["Oudere jongeren verantwoordelijkheid geven", "Een vaste avond waarop ouders welkom zijn"],
                ["Een hek met openingstijden", "Een bord met regels die niemand van de jongeren had bedacht"],
            ),
        ],
    },
    {
        "slug": "energiecoaches-aan-de-deur",
        "title": "Energiecoaches aan de deur",
        "region": "groningen",
        "municipality": "Midden-Groningen",
        "author": None,
        "themes": ["armoede", "wonen"],
        "target_groups": ["huurders", "mensen met geldzorgen"],
        "partners": ["Energiecoöperatie Zonnig Midden"],
        "period": ("2022-10-01", "2024-04-30"),
        "days_ago": 560,
        "image": "straat",
        "consent": EMAIL_CONSENT,
        "intro": "Toen de energieprijzen in 2022 hard stegen, gingen bewoners als energiecoach langs bij buren. Ze brachten tochtstrips en radiatorfolie mee, en een luisterend oor. Bij veel bezoeken bleek de energierekening niet het enige wat knelde.",
        "buurtmakers": [
            ("Jan Kramer", "energiecoach", "Energiecoöperatie Zonnig Midden"),
            ("Ellen de Groot", "energiecoach", "Energiecoöperatie Zonnig Midden"),
        ],
        "knowledge": [("schaarste", BUILDS_ON_RESEARCH)],
        "body": [
            paragraph(
                "<p>Jan Kramer is gepensioneerd installateur. ‘Ik dacht dat ik kwam om tochtstrips te plakken. Maar bij de helft van de mensen ging het gesprek al snel over andere dingen: een achterstand bij de zorgverzekeraar, een kind dat geen sportclub meer kon betalen.’</p><p>De energiecoaches kregen daarom een extra training: hoe herken je geldzorgen, en naar wie verwijs je door zonder dat iemand zich schaamt?</p>"
            ),
            facts(
                [
                    ("Energiecoaches", "18 bewoners"),
                    ("Huisbezoeken", "ruim 600"),
                    ("Besparing", "gemiddeld zo'n € 20 per maand per huishouden"),
                ]
            ),
            call_to_action(
                "Lees ook",
                "Naar de kennispagina",
                text="Wat doen geldzorgen met je hoofd? Onderzoek naar schaarste.",
                page=Ref("knowledge", "schaarste"),
            ),
        ],
    },
    # Rotterdam-Rijnmond
    {
        "slug": "moeders-koken-afrikaanderwijk",
        "title": "Moeders uit de Afrikaanderwijk koken voor de buurt",
        "region": "rotterdam-rijnmond",
        "municipality": "Rotterdam",
        "author": "correspondent",
        "themes": ["sociale-cohesie", "participatie"],
        "target_groups": ["gezinnen", "nieuwkomers"],
        "partners": ["Wijkkeuken Zuid"],
        "period": ("2020-02-01", None),
        "days_ago": 18,
        "image": "rotterdam",
        "consent": WRITTEN_CONSENT,
        "intro": "Een groep moeders uit de Afrikaanderwijk kookt twee keer per week voor zestig buurtbewoners. Wat begon als een manier om elkaar te leren kennen, is uitgegroeid tot een kleine onderneming met een eigen keuken, een cateringservice en een wachtlijst van vrouwen die mee willen doen.",
        "buurtmakers": [
            ("Aisha Mahdi", "initiatiefnemer en kok", "Wijkkeuken Zuid"),
            ("Zeynep Kaya", "kok", "Wijkkeuken Zuid"),
            ("Linda Groen", "opbouwwerker", ""),
        ],
        "knowledge": [("abcd", APPLIES_METHOD), ("community-organizing", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Aisha Mahdi kwam twaalf jaar geleden naar Rotterdam. ‘Ik kende niemand en sprak de taal nog niet goed. Maar koken kon ik.’ Met drie andere moeders van de school van haar kinderen begon ze een maaltijd in het buurthuis. Iedereen betaalde drie euro.</p><p>Nu kookt de groep op dinsdag en donderdag, en verzorgt ze de catering bij bijeenkomsten in de wijk. Van de opbrengst betalen ze de huur van de keuken en een kleine vergoeding voor de koks.</p>"
            ),
            quote(
                "Eerst waren wij de moeders die hulp nodig hadden. Nu bellen ze ons als ze iets willen organiseren.",
                "Aisha Mahdi, initiatiefnemer",
            ),
            image(
                "rotterdam",
                "Getekende brug met schuine kabels over blauw water",
                "Rotterdam-Zuid, aan de overkant van de Maas.",
            ),
            facts([("Maaltijden per week", "ongeveer 120"), ("Koks", "9 vrouwen"), ("Prijs", "€ 4 per maaltijd")]),
            call_to_action(
                "Zelf beginnen bij wat er al is?",
                "Lees over ABCD",
                text="Lees hoe de ABCD-methode uitgaat van de talenten in de buurt.",
                page=Ref("knowledge", "abcd"),
            ),
        ],
    },
    {
        "slug": "lange-zomer-vlaardingen",
        "title": "Jongeren maken de lange zomer korter",
        "region": "rotterdam-rijnmond",
        "municipality": "Vlaardingen",
        "author": "editor",
        "themes": ["jongeren"],
        "target_groups": ["jongeren", "kinderen"],
        "partners": ["Stichting Zomer in de Wijk"],
        "period": ("2025-07-01", "2025-08-31"),
        "days_ago": 440,
        "image": "water",
        "consent": VERBAL_CONSENT,
        "intro": "Zes weken zomervakantie zijn lang als je niet op vakantie gaat. In Vlaardingen organiseerden jongeren uit de wijk zelf een zomerprogramma voor jongere kinderen, met hulp van de straatcoaches. Het programma draaide op vrijwilligers van vijftien tot twintig jaar.",
        "buurtmakers": [
            ("Kevin Ramdin", "straatcoach", "Stichting Zomer in de Wijk"),
            ("Yara", "vrijwilliger, 16 jaar", ""),
        ],
        "knowledge": [("community-organizing", APPLIES_METHOD)],
        "body": [
            paragraph(
                "<p>Straatcoach Kevin Ramdin zag elk jaar hetzelfde: in de derde week van de zomer nemen de klachten toe. ‘Verveling. Meer is het vaak niet.’ Dit jaar vroeg hij de oudere jongeren wat ze zelf zouden willen doen.</p><p>Het antwoord verraste hem: ze wilden iets organiseren voor hun kleine broertjes en zusjes. Er kwamen een voetbaltoernooi, een dag naar het strand en een talentenshow op het plein.</p>"
            ),
            quote("Ik dacht dat ik alleen ging helpen. Ik heb zelf het meest geleerd.", "Yara, 16 jaar"),
            lessons(
                [
                    "Jongeren een echte taak geven, met een eigen budget",
                    "Een bewijs van vrijwilligerswerk, handig bij een sollicitatie",
                ],
                [
                    "Activiteiten in de ochtend: dan slapen de vrijwilligers nog",
                    "Alles op één plein: de wijk is groter dan dat",
                ],
            ),
        ],
    },
    {
        "slug": "schuldhulp-zonder-wachtlijst",
        "title": "Schuldhulp zonder wachtlijst",
        "region": "rotterdam-rijnmond",
        "municipality": "Schiedam",
        "author": "correspondent",
        "themes": ["armoede", "zorg-en-welzijn"],
        "target_groups": ["mensen met geldzorgen", "gezinnen"],
        "partners": ["Voedselbank De Brug", "Wijkteam Schiedam-Oost"],
        "period": ("2024-01-01", None),
        "days_ago": 140,
        "image": "buurthuis",
        "consent": WRITTEN_CONSENT,
        "intro": "Wie in Schiedam aanklopt met geldzorgen, hoeft niet meer weken te wachten op een eerste gesprek. Een inloopspreekuur in het wijkcentrum, bemand door vrijwilligers en een schuldhulpverlener, helpt mensen dezelfde dag verder.",
        "buurtmakers": [
            ("Monique Verhagen", "schuldhulpverlener", "Wijkteam Schiedam-Oost"),
            ("Osman Demir", "vrijwilliger", ""),
        ],
        "knowledge": [("schaarste", BUILDS_ON_RESEARCH)],
        "body": [
            paragraph(
                "<p>‘Wie eindelijk de moed heeft verzameld om hulp te vragen, moet je niet naar huis sturen met een afspraak over zes weken,’ zegt Monique Verhagen. ‘Dan is die moed weer op.’</p><p>Op het inloopspreekuur kijken vrijwilligers samen met de bezoeker naar de meest dringende brief. Vaak is er dezelfde dag al een betalingsregeling of een telefoontje naar een schuldeiser geregeld.</p>"
            ),
            dilemma(
                "Help je iedereen direct, ook als de wachttijd voor anderen daardoor langer wordt?",
                "<p>De schuldhulpverleners hebben maar zoveel uren. Meer tijd voor de inloop betekent minder tijd voor de lange trajecten van mensen met grote schulden.</p>",
                "<p>De inloop is er voor de eerste hulp. Wie meer nodig heeft, krijgt op het spreekuur meteen een vaste contactpersoon en een datum.</p>",
            ),
            facts([("Inloop", "maandag- en donderdagochtend"), ("Bezoekers", "gemiddeld 14 per spreekuur")]),
        ],
    },
    {
        "slug": "portiek-die-weer-groet",
        "title": "Een portiek die weer groet",
        "region": "rotterdam-rijnmond",
        "municipality": "Capelle aan den IJssel",
        "author": "editor",
        "themes": ["wonen", "sociale-cohesie", "eenzaamheid"],
        "target_groups": ["huurders", "alleenstaanden"],
        "partners": ["Woningcorporatie Thuis aan de Vaart"],
        "period": ("2024-05-01", None),
        "days_ago": 260,
        "image": "flats",
        "consent": EMAIL_CONSENT,
        "intro": "In een portiekflat in Capelle aan den IJssel kenden de meeste bewoners elkaar niet. Twee buren begonnen met een simpele actie: een kaartje op elke deurmat, met hun naam en telefoonnummer. Een jaar later is er een portiekborrel, een appgroep en een gedeelde boormachine.",
        "buurtmakers": [("Ineke Schouten", "bewoner", ""), ("Dennis Koster", "bewoner", "")],
        "knowledge": [("sociaal-kapitaal", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Ineke Schouten woont al twintig jaar op driehoog. ‘Toen mijn buurvrouw overleed, merkte ik dat pas na een week. Dat wilde ik nooit meer.’ Samen met Dennis Koster van de eerste verdieping schreef ze een kaartje voor alle vierentwintig deuren: <i>Wij zijn je buren. Bel ons als je iets nodig hebt.</i></p><p>Zes buren belden terug. Een van hen stelde voor om een keer samen iets te drinken in het trappenhuis.</p>"
            ),
            quote(
                "Het is geen vriendschap. Het is weten dat iemand merkt als je gordijnen dicht blijven.",
                "Ineke Schouten, bewoner",
            ),
            image(
                "flats", "Getekende flats in blauw en lila, met rijen gele ramen", "Vierentwintig deuren, één portiek."
            ),
            lessons(
                ["Klein beginnen met een kaartje", "Een gedeelde lijst met wie wat kan uitlenen"],
                ["Een borrel op vrijdagavond: te veel mensen hebben dan andere plannen"],
            ),
        ],
    },
    {
        "slug": "taalcafe-vlaardingen",
        "title": "Taalcafé in het wijkcentrum",
        "region": "rotterdam-rijnmond",
        "municipality": "Vlaardingen",
        "author": "correspondent",
        "themes": ["participatie", "sociale-cohesie"],
        "target_groups": ["nieuwkomers"],
        "partners": ["Bibliotheek De Boekenbrug"],
        "period": ("2021-09-01", None),
        "days_ago": 455,
        "image": "kennis",
        "consent": WRITTEN_CONSENT,
        "intro": "Nederlands leer je in de klas, maar oefenen doe je in het echt. In het taalcafé in Vlaardingen praten nieuwkomers elke week met buurtbewoners over van alles: het weer, de markt, het eerste rapport van de kinderen. Fouten maken mag; sterker nog, het hoort erbij.",
        "buurtmakers": [
            ("Tineke de Jong", "vrijwilliger", "Bibliotheek De Boekenbrug"),
            ("Abdullah Haidari", "deelnemer, nu vrijwilliger", ""),
        ],
        "knowledge": [("participatieladder", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Abdullah Haidari kwam drie jaar geleden naar Nederland. ‘In de les leerde ik de grammatica. In het taalcafé leerde ik hoe Nederlanders echt praten, met al die “nou ja” en “even kijken”.’ Inmiddels helpt hij zelf nieuwe deelnemers op weg.</p><p>Tineke de Jong begon het taalcafé na haar pensioen. Ze zorgt voor koffie, een paar gespreksonderwerpen en genoeg stoelen. ‘De rest doen ze zelf.’</p>"
            ),
            facts(
                [
                    ("Wanneer", "elke donderdag van 14.00 tot 15.30 uur"),
                    ("Deelnemers", "20 tot 30"),
                    ("Talen aan tafel", "meer dan 12"),
                ]
            ),
            video("Een middag in het taalcafé", "Deelnemers vertellen waarom ze komen."),
            call_to_action(
                "Zelf een taalcafé beginnen?",
                "Vind een bibliotheek",
                text="Bibliotheken in het hele land organiseren taalcafés en zoeken vrijwilligers.",
                url="https://www.bibliotheek.nl/",
            ),
        ],
    },
    {
        "slug": "buurtvaders-maassluis",
        "title": "Buurtvaders in Maassluis",
        "region": "rotterdam-rijnmond",
        "municipality": "Maassluis",
        "author": None,
        "themes": ["jongeren", "opbouwwerk"],
        "target_groups": ["jongeren", "gezinnen"],
        "partners": ["Buurtvaders Maassluis"],
        "period": ("2019-09-01", None),
        "days_ago": 690,
        "image": "water",
        "consent": VERBAL_CONSENT,
        "intro": "Op vrijdag- en zaterdagavond lopen vaders uit de wijk in Maassluis een ronde. Ze spreken jongeren aan, maken een praatje met winkeliers en zijn er als het onrustig wordt. Niet als politie, maar als buurman die de jongeren en hun ouders kent.",
        "buurtmakers": [
            ("Mustafa Aydin", "buurtvader", "Buurtvaders Maassluis"),
            ("Johan van Vliet", "buurtvader", "Buurtvaders Maassluis"),
            ("Karin Visser", "opbouwwerker", ""),
        ],
        "knowledge": [("geschiedenis-opbouwwerk", IN_TRADITION), ("community-organizing", APPLIES_METHOD)],
        "body": [
            paragraph(
                "<p>Het begon na een onrustige zomer. Mustafa Aydin: ‘Er werd veel gepraat óver de jongens. Maar ik kende hun vaders van de moskee en van de voetbalclub. Waarom praatten wij niet zelf met ze?’</p><p>Opbouwwerker Karin Visser hielp de groep op weg: met een training in gesprekstechnieken, afspraken met de wijkagent en een herkenbaar jack. Inmiddels lopen er vijftien vaders mee, met allerlei achtergronden.</p>"
            ),
            dilemma(
                "Hoe voorkom je dat buurtvaders een soort hulppolitie worden?",
                "<p>De gemeente en de politie zagen graag meer ogen op straat. Maar de vaders wilden geen verlengstuk van de handhaving zijn: dan zouden de jongeren hen niet meer vertrouwen.</p>",
                "<p>De buurtvaders hebben een eigen overleg met de wijkagent, maar geven geen namen door. Ze spreken jongeren aan, en als het nodig is hun ouders.</p>",
            ),
            quote(
                "Een jongen zei laatst: ‘Meneer, u kent mijn vader toch? Zeg het niet tegen hem.’ Dan weet je dat het werkt.",
                "Johan van Vliet, buurtvader",
            ),
        ],
    },
    # Brabant
    {
        "slug": "zorgcooperatie-helmond",
        "title": "Een zorgcoöperatie in de wijk",
        "region": "brabant",
        "municipality": "Helmond",
        "author": "correspondent",
        "themes": ["zorg-en-welzijn", "participatie"],
        "target_groups": ["ouderen", "mantelzorgers"],
        "partners": ["Zorgcoöperatie Hart van Helmond"],
        "period": ("2018-03-01", None),
        "days_ago": 35,
        "image": "brabant",
        "consent": WRITTEN_CONSENT,
        "intro": "Bewoners van een Helmondse wijk richtten een coöperatie op om zorg en hulp dichtbij zelf te organiseren. Leden helpen elkaar met boodschappen, vervoer en klusjes, en de coöperatie werkt samen met de wijkverpleging. Ouderen kunnen zo langer thuis blijven wonen.",
        "buurtmakers": [
            ("Toon van Dijk", "voorzitter", "Zorgcoöperatie Hart van Helmond"),
            ("Maria Hermans", "lid en vrijwilliger", "Zorgcoöperatie Hart van Helmond"),
        ],
        "knowledge": [("abcd", APPLIES_METHOD), ("geschiedenis-opbouwwerk", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Zorgcoöperaties zijn in Brabantse dorpen geen nieuw verschijnsel, maar in een stadswijk zijn ze nog zeldzaam. Toon van Dijk: ‘Wij dachten: wat een dorp kan, kan een wijk van vierduizend mensen ook.’</p><p>Leden betalen vijftien euro per jaar. Daarvoor kunnen ze een beroep doen op de vrijwilligers en komen ze naar de maandelijkse lunch. De coöperatie heeft nu ruim achthonderd leden.</p>"
            ),
            image(
                "brabant",
                "Getekende laan met twee rijen bomen die naar de horizon lopen, in groen en crème",
                "Een laan in de wijk.",
            ),
            facts(
                [("Leden", "ruim 800 huishoudens"), ("Vrijwilligers", "ongeveer 90"), ("Contributie", "€ 15 per jaar")]
            ),
            lessons(
                [
                    "Een lage contributie, zodat iedereen lid kan worden",
                    "Een vaste coördinator die de telefoon opneemt",
                ],
                ["Alles met vrijwilligers willen doen: voor persoonlijke verzorging is een professional nodig"],
            ),
        ],
    },
    {
        "slug": "opbouwwerk-woensel",
        "title": "Het opbouwwerk keert terug in Woensel",
        "region": "brabant",
        "municipality": "Eindhoven",
        "author": "editor",
        "themes": ["opbouwwerk"],
        "target_groups": ["huurders", "nieuwkomers"],
        "partners": ["Welzijnsorganisatie Samen Verder"],
        "period": ("2024-01-01", None),
        "days_ago": 280,
        "image": "flats",
        "consent": EMAIL_CONSENT,
        "intro": "Jarenlang was er in Woensel-Noord geen opbouwwerker meer. Sinds kort loopt er weer een rond, met een heel andere opdracht dan vroeger: niet zelf activiteiten organiseren, maar bewoners helpen hun eigen plannen waar te maken.",
        "buurtmakers": [
            ("Lotte van Gils", "opbouwwerker", "Welzijnsorganisatie Samen Verder"),
            ("Ricardo Fernandes", "bewoner", ""),
        ],
        "knowledge": [("geschiedenis-opbouwwerk", IN_TRADITION), ("abcd", APPLIES_METHOD)],
        "body": [
            paragraph(
                "<p>De eerste drie maanden deed Lotte van Gils weinig anders dan koffiedrinken. Bij de kapper, op het schoolplein, bij de bushalte. ‘Ik vroeg steeds hetzelfde: waar maak je je zorgen over, en waar word je blij van in deze buurt?’</p><p>Uit die gesprekken kwamen drie plannen die bewoners zelf wilden trekken: een klusgroep, een speelmiddag voor peuters en een buurtapp voor de oudere flats. Lotte zocht de mensen bij elkaar en bleef op de achtergrond.</p>"
            ),
            quote("Vroeger kwam de opbouwwerker met een plan. Zij komt met vragen.", "Ricardo Fernandes, bewoner"),
            paragraph(
                "<h2>Terug naar de wortels</h2><p>Wie de geschiedenis van het opbouwwerk kent, herkent de aanpak. In de jaren zestig en zeventig werkten opbouwwerkers precies zo: dichtbij bewoners, met hun vragen als vertrekpunt. Lotte: ‘We hebben het niet opnieuw uitgevonden. We hebben het teruggevonden.’</p>"
            ),
            call_to_action(
                "De geschiedenis van het opbouwwerk",
                "Lees verder",
                text="Van de eerste buurthuizen tot de wijkteams van nu.",
                page=Ref("knowledge", "geschiedenis-opbouwwerk"),
            ),
        ],
    },
    {
        "slug": "speeltuinvereniging-tilburg",
        "title": "Ouders redden de speeltuin",
        "region": "brabant",
        "municipality": "Tilburg",
        "author": "correspondent",
        "themes": ["jongeren", "participatie"],
        "target_groups": ["kinderen", "gezinnen"],
        "partners": [],
        "period": ("2021-05-01", None),
        "days_ago": 380,
        "image": "plein",
        "consent": WRITTEN_CONSENT,
        "intro": "De gemeente wilde de oude speeltuin sluiten: te duur in onderhoud. Ouders uit de buurt richtten een vereniging op en namen het beheer over. Nu is de speeltuin vijf dagen per week open, met vrijwilligers bij het hek en een kiosk waar opa's en oma's koffie drinken.",
        "buurtmakers": [
            ("Mark van Gorp", "voorzitter speeltuinvereniging", ""),
            ("Sevda Arslan", "ouder en vrijwilliger", ""),
        ],
        "knowledge": [("participatieladder", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Mark van Gorp speelde er zelf als kind. ‘Toen de brief kwam dat de speeltuin dicht zou gaan, stonden er binnen een dag veertig ouders op het grasveld.’ Na een half jaar overleggen kreeg de nieuwe vereniging de sleutel en een startbedrag.</p>"
            ),
            dilemma(
                "Vraag je entree, of blijft de speeltuin gratis?",
                "<p>Met een kleine entreeprijs kan de vereniging zelf het onderhoud betalen. Maar voor gezinnen met weinig geld is elke euro er één, en juist die kinderen hebben vaak geen tuin.</p>",
                "<p>De speeltuin blijft gratis. Ouders kunnen lid worden voor € 12,50 per jaar, en de kiosk en de verhuur voor kinderfeestjes leveren genoeg op voor het onderhoud.</p>",
            ),
            lessons(
                [
                    "Een vereniging met een bestuur: de gemeente wil één aanspreekpunt",
                    "Kinderfeestjes verhuren voor extra inkomsten",
                ],
                ["Vrijwilligersroosters per maand: per week werkt beter"],
            ),
            facts([("Open", "5 dagen per week"), ("Leden", "ongeveer 300 gezinnen"), ("Vrijwilligers", "45")]),
        ],
    },
    {
        "slug": "kledingruil-breda",
        "title": "Kledingruil op zaterdag",
        "region": "brabant",
        "municipality": "Breda",
        "author": "editor",
        "themes": ["armoede", "sociale-cohesie"],
        "target_groups": ["gezinnen", "mensen met geldzorgen"],
        "partners": [],
        "period": ("2022-02-01", None),
        "days_ago": 475,
        "image": "buurthuis",
        "consent": VERBAL_CONSENT,
        "intro": "Eén keer per maand verandert een buurthuis in Breda in een kledingwinkel waar niets te koop is. Buren brengen wat ze niet meer dragen en nemen mee wat ze nodig hebben. Het idee kwam van een moeder die zag hoe snel kinderen uit hun kleren groeien.",
        "buurtmakers": [("Naomi Verschuren", "initiatiefnemer", ""), ("Els Janssen", "vrijwilliger", "")],
        "knowledge": [("abcd", APPLIES_METHOD)],
        "body": [
            paragraph(
                "<p>‘Mijn dochter groeide in een jaar twee maten,’ vertelt Naomi Verschuren. ‘Ik dacht: er liggen in deze straat vast tien zakken met kleren die niemand meer past.’ Ze had gelijk. Bij de eerste kledingruil lagen de tafels binnen een uur vol.</p><p>Er is één regel: je hoeft niets te brengen om iets mee te nemen. Daardoor komen ook mensen die het krap hebben, zonder dat iemand het ziet.</p>"
            ),
            quote("Niemand vraagt of je iets hebt gebracht. Dat maakt het verschil.", "Bezoeker van de kledingruil"),
            lessons(
                [
                    "Niets hoeven brengen om iets mee te nemen",
                    "Kleding op maat en leeftijd sorteren, met duidelijke bordjes",
                    "Wat overblijft gaat dezelfde dag naar een kringloopwinkel",
                ],
                ["Een ruil op zondag: dan is het buurthuis te moeilijk open te krijgen"],
            ),
        ],
    },
    {
        "slug": "gespreksgroep-jongeren-den-bosch",
        "title": "Een gespreksgroep voor eenzame jongeren",
        "region": "brabant",
        "municipality": "'s-Hertogenbosch",
        "author": "correspondent",
        "themes": ["eenzaamheid", "jongeren"],
        "target_groups": ["jongeren"],
        "partners": ["Jongerencentrum De Schakel"],
        "period": ("2023-10-01", None),
        "days_ago": 55,
        "image": "straat",
        "consent": WRITTEN_CONSENT,
        "intro": "Eenzaamheid is niet alleen iets van ouderen. In 's-Hertogenbosch komt elke week een groep jongeren tussen de zestien en vierentwintig bij elkaar om te praten over hoe het echt met ze gaat. De groep wordt geleid door twee jongeren die het zelf hebben meegemaakt.",
        "buurtmakers": [
            ("Milan de Wit", "gespreksleider, 22 jaar", "Jongerencentrum De Schakel"),
            ("Sara Bouali", "gespreksleider, 20 jaar", "Jongerencentrum De Schakel"),
        ],
        "knowledge": [("eenzaamheid-sociaal-en-emotioneel", BUILDS_ON_RESEARCH)],
        "body": [
            paragraph(
                "<p>‘Op Instagram leek mijn leven prima,’ zegt Milan de Wit. ‘Ik had vrienden, ik studeerde. Maar er was niemand die ik om twee uur 's nachts kon bellen.’ Toen hij daar voor het eerst over praatte, bleek hij niet de enige.</p><p>De groep komt op woensdagavond bij elkaar in het jongerencentrum. Er is pizza, en er zijn twee regels: wat hier gezegd wordt, blijft hier, en niemand hoeft iets te zeggen.</p>"
            ),
            quote(
                "Het woord eenzaam durfde ik niet te gebruiken. Hier zegt iedereen het gewoon.", "Deelnemer, 19 jaar"
            ),
            lessons(
                ["Gespreksleiders die zelf jong zijn", "Eten op tafel: dan hoef je niet meteen te praten"],
                ["Het woord eenzaamheid in de aankondiging: dat schrikt af", "Bijeenkomsten op school"],
            ),
            call_to_action(
                "Meer over eenzaamheid",
                "Naar de kennispagina",
                text="Sociale en emotionele eenzaamheid: wat is het verschil?",
                page=Ref("knowledge", "eenzaamheid-sociaal-en-emotioneel"),
            ),
        ],
    },
    {
        "slug": "verhuisbuddys-eindhoven",
        "title": "Verhuisbuddy's voor ouderen",
        "region": "brabant",
        "municipality": "Eindhoven",
        "author": None,
        "themes": ["wonen", "zorg-en-welzijn"],
        "target_groups": ["ouderen"],
        "partners": ["Woningcorporatie Thuis aan de Vaart"],
        "period": ("2024-02-01", None),
        "days_ago": 640,
        "image": "brabant",
        "consent": EMAIL_CONSENT,
        "intro": "Veel ouderen wonen in een eengezinswoning die te groot en te zwaar is geworden, maar zien op tegen een verhuizing. Vrijwillige verhuisbuddy's in Eindhoven helpen bij elke stap: van de inschrijving tot het ophangen van de gordijnen in het nieuwe appartement.",
        "buurtmakers": [("Hanneke Bosch", "verhuisbuddy", ""), ("Mevrouw Van Hout", "bewoner, 79 jaar", "")],
        "knowledge": [("sociaal-kapitaal", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Mevrouw Van Hout woonde vijftig jaar in hetzelfde huis. ‘Ik wist dat het niet meer ging met die trap. Maar waar moest ik beginnen? Alleen al de zolder...’ Verhuisbuddy Hanneke Bosch kwam drie maanden lang elke week langs.</p><p>Samen zochten ze uit wat mee moest en wat weg kon, bezochten ze het nieuwe appartement en maakten ze kennis met de buren daar.</p>"
            ),
            facts(
                [
                    ("Verhuisbuddy's", "15 vrijwilligers"),
                    ("Verhuizingen per jaar", "ongeveer 25"),
                    ("Begeleiding", "meestal 3 tot 4 maanden"),
                ]
            ),
            video("Van eengezinswoning naar appartement", "Mevrouw Van Hout vertelt over haar verhuizing."),
        ],
    },
]

NEWS = [
    {
        "slug": "oproep-houten-zeist",
        "title": "Oproep: wie kent een mooi initiatief in Houten of Zeist?",
        "region": "utrecht",
        "municipality": None,
        "author": "correspondent",
        "days_ago": 20,
        "image": "utrecht",
        "intro": "De Utrechtse regioredactie wil vaker schrijven over buurten buiten de stad. Ken jij een bewonersgroep, vrijwilliger of opbouwwerker in Houten of Zeist met een verhaal? Laat het ons weten.",
        "body": [
            paragraph(
                "<p>Over Overvecht en Kanaleneiland schreven we al vaak. Maar ook in Houten en Zeist gebeurt veel, van Repair Cafés tot jongerenwerk op de fiets. We zoeken verhalen over aanpakken die werkten, en over aanpakken die niet werkten. Juist van dat laatste leren anderen veel.</p><p>Je hoeft het verhaal niet zelf te schrijven. Een correspondent komt graag langs voor een gesprek.</p>"
            ),
            call_to_action(
                "Lees eerst wat anderen deden",
                "Naar de regio Utrecht",
                text="Bekijk de verhalen en het nieuws uit de regio.",
                page=Ref("region", "utrecht"),
            ),
        ],
    },
    {
        "slug": "terugblik-buurtmakersavond-nieuwegein",
        "title": "Terugblik: buurtmakersavond in Nieuwegein",
        "region": "utrecht",
        "municipality": "Nieuwegein",
        "author": "editor",
        "days_ago": 110,
        "image": "tafel",
        "intro": "Ruim vijftig buurtmakers uit de regio Utrecht kwamen bijeen in een buurthuis in Nieuwegein. Ze wisselden ervaringen uit over moestuinen, maaltijden en huurderscommissies.",
        "body": [
            paragraph(
                "<p>De avond begon met soep van de kookgroep uit Overvecht. Daarna vertelden drie buurtmakers in tien minuten wat ze deden, en vooral wat er misging. Het gesprek daarna ging door tot ver na tienen.</p>"
            ),
            quote(
                "Ik dacht dat wij de enigen waren die ruzie kregen over de sleutel van de gereedschapskist.",
                "Een bewoner uit Nieuwegein",
            ),
            facts(
                [("Deelnemers", "ruim 50 buurtmakers"), ("Gemeenten", "alle vijf uit de regio")],
                heading="De avond in het kort",
            ),
        ],
    },
    {
        "slug": "dorpsbus-zoekt-chauffeurs",
        "title": "Dorpsbus zoekt nieuwe chauffeurs",
        "region": "groningen",
        "municipality": "Westerkwartier",
        "author": "correspondent",
        "days_ago": 40,
        "image": "groningen",
        "intro": "De vrijwillige dorpsbus in het Westerkwartier rijdt steeds meer ritten, maar heeft te weinig chauffeurs. Vooral op maandag en vrijdag is er nog plek in het rooster.",
        "body": [
            paragraph(
                "<p>Eerder schreven we over de dorpsbus die ouderen naar de huisarts, de markt en familie brengt. Sindsdien is het aantal ritten gegroeid. Planner Aaltje Bos: ‘We moeten nu soms nee zeggen. Dat doet pijn.’</p><p>Chauffeurs rijden één of twee dagdelen per week en krijgen een korte training. Een rijbewijs B is genoeg.</p>"
            ),
            call_to_action(
                "Chauffeur worden?",
                "Aanmelden",
                text="Meld je aan bij de vervoersvereniging.",
                url="https://www.example.org/dorpsbus/",
            ),
        ],
    },
    {
        "slug": "buurtmakersdag-selwerd",
        "title": "Eerste Groninger buurtmakersdag in Selwerd",
        "region": "groningen",
        "municipality": "Groningen",
        "author": "editor",
        "days_ago": 190,
        "image": "flats",
        "intro": "Buurtmakers uit stad en ommeland kwamen samen in Selwerd voor de eerste Groninger buurtmakersdag. De bewonersonderzoekers uit de wijk presenteerden er hun uitkomsten.",
        "body": [
            paragraph(
                "<p>De dag werd georganiseerd door de regioredactie en het buurtcentrum in Selwerd. Na de presentatie van het bewonersonderzoek gingen de deelnemers in kleine groepen uiteen. In de middag volgden wandelingen door de wijk, met bewoners als gids.</p>"
            ),
            image(
                "groningen",
                "Getekend vlak landschap met een kerktoren op een heuvel, onder een brede lucht",
                "Volgend jaar gaat de buurtmakersdag naar het ommeland.",
            ),
            paragraph("<p>Een tweede buurtmakersdag staat gepland in een van de dorpen in Eemsdelta.</p>"),
        ],
    },
    {
        "slug": "wijkkeuken-tweede-keuken",
        "title": "Wijkkeuken Zuid opent tweede keuken",
        "region": "rotterdam-rijnmond",
        "municipality": "Rotterdam",
        "author": "correspondent",
        "days_ago": 15,
        "image": "rotterdam",
        "intro": "De kookgroep van moeders uit de Afrikaanderwijk heeft een tweede keuken in gebruik genomen. Daarmee kunnen ze vaker koken en meer vrouwen laten meedoen.",
        "body": [
            paragraph(
                "<p>Sinds ons verhaal over de moeders die voor de buurt koken, is de wachtlijst alleen maar langer geworden. Met de tweede keuken, in een leegstaand bedrijfspand in de wijk, kan de groep nu ook op zaterdag koken.</p>"
            ),
            quote(
                "Eindelijk hoeven we niemand meer te vertellen dat ze moeten wachten.", "Aisha Mahdi, initiatiefnemer"
            ),
            video("De nieuwe keuken", "Een rondleiding door de tweede keuken."),
        ],
    },
    {
        "slug": "schiedam-vlaardingen-leren-van-elkaar",
        "title": "Schiedam en Vlaardingen leren van elkaar",
        "region": "rotterdam-rijnmond",
        "municipality": "Schiedam",
        "author": "editor",
        "days_ago": 70,
        "image": "water",
        "intro": "Vrijwilligers van het schuldhulpspreekuur in Schiedam en het taalcafé in Vlaardingen bezochten elkaar. Wat bleken ze gemeen te hebben? Meer dan gedacht.",
        "body": [
            paragraph(
                "<p>Op het eerste gezicht hebben een spreekuur over schulden en een taalcafé weinig met elkaar te maken. Maar de vrijwilligers herkenden veel bij elkaar: bezoekers die eerst drie keer langs de deur lopen voordat ze binnenkomen, en het belang van een kop koffie voordat het over iets anders gaat.</p>"
            ),
            facts(
                [("Deelnemers", "16 vrijwilligers"), ("Volgende stap", "een gezamenlijke training in gastvrijheid")],
                heading="Het bezoek",
            ),
        ],
    },
    {
        "slug": "zorgcooperaties-delen-kennis",
        "title": "Brabantse zorgcoöperaties delen hun kennis",
        "region": "brabant",
        "municipality": "Helmond",
        "author": "editor",
        "days_ago": 90,
        "image": "brabant",
        "intro": "Zorgcoöperaties uit Helmond en omgeving hebben een werkgroep opgericht om kennis te delen over ledenwerving, vrijwilligers en afspraken met de gemeente.",
        "body": [
            paragraph(
                "<p>‘Iedereen vond het wiel opnieuw uit,’ zegt Toon van Dijk van de zorgcoöperatie in Helmond. ‘Hoe regel je een verzekering voor vrijwilligers? Wat spreek je af met de wijkverpleging? Dat kunnen we beter samen doen.’</p><p>De werkgroep komt vier keer per jaar bij elkaar en deelt haar documenten met iedereen die een coöperatie wil beginnen.</p>"
            ),
            facts(
                [
                    ("Deelnemende coöperaties", "6"),
                    ("Bijeenkomsten", "4 per jaar"),
                    ("Eerste onderwerp", "de verzekering van vrijwilligers"),
                ],
                heading="De werkgroep",
            ),
        ],
    },
    {
        "slug": "avond-over-armoede-breda",
        "title": "Terugblik: een avond over armoede in Breda",
        "region": "brabant",
        "municipality": "Breda",
        "author": "correspondent",
        "days_ago": 230,
        "image": "buurthuis",
        "intro": "Tachtig Bredanaars kwamen naar een avond over armoede in de buurt. Ervaringsdeskundigen vertelden wat helpt, en wat juist niet.",
        "body": [
            paragraph(
                "<p>De avond werd geopend door twee ervaringsdeskundigen. Ze vertelden over schaamte, over brieven die ongeopend blijven, en over de eerste keer dat iemand gewoon vroeg hoe het ging. Daarna gingen bezoekers in groepjes met elkaar in gesprek.</p>"
            ),
            quote(
                "Het helpt niet als je zegt dat ik hulp moet vragen. Het helpt als je naast me komt zitten.",
                "Een ervaringsdeskundige",
            ),
            call_to_action(
                "Lees ook",
                "Lees het verhaal",
                text="Het verhaal van de Bredase kledingruil.",
                page=Ref("story", "kledingruil-breda"),
            ),
        ],
    },
]


# Stories on their way through the editorial chain, so every demo user finds work on their dashboard. The command
# replays each history through Wagtail's workflow API as the named users; days_ago dates every step.


class Step(NamedTuple):
    """One step in a story's history: "write" (save a draft), "submit", "approve" or "reject" (request changes)."""

    days_ago: int
    username: str
    action: str
    comment: str = ""


CHAIN_STORIES = [
    {
        "slug": "minibiebs-kanaleneiland",
        "title": "Een minibieb op elke hoek van Kanaleneiland",
        "region": "utrecht",
        "municipality": "Utrecht",
        "author": "correspondent",
        "themes": ["sociale-cohesie", "participatie"],
        "target_groups": ["kinderen", "gezinnen"],
        "partners": ["Bibliotheek De Boekenbrug"],
        "period": ("2025-03-01", None),
        "image": "straat",
        "consent": WRITTEN_CONSENT,
        "intro": "In Kanaleneiland staan inmiddels veertien minibiebs: kastjes aan een paal of in een voortuin, waar je een boek pakt of achterlaat. Ze zijn gebouwd door kinderen uit de buurt, samen met een gepensioneerde timmerman.",
        "buurtmakers": [
            ("Kees Verbeek", "bewoner, gepensioneerd timmerman", ""),
            ("Naima Bakkali", "moeder en voorleesvrijwilliger", "Bibliotheek De Boekenbrug"),
        ],
        "knowledge": [("abcd", APPLIES_METHOD)],
        "body": [
            paragraph(
                "<p>Het begon met één kastje in de voortuin van Kees Verbeek. ‘De kinderen uit de straat vroegen wat ik aan het timmeren was. Een week later stonden ze met zijn vijven in mijn schuur.’ Samen bouwden ze er nog dertien, van sloophout dat de woningcorporatie over had.</p><p>Naima Bakkali vult de kastjes aan met boeken van de bibliotheek die uit de collectie gaan. Op woensdagmiddag leest ze voor bij het kastje op het plein.</p>"
            ),
            lessons(
                ["Kinderen bouwen mee, dus ze passen er ook op", "Boeken in meer talen, ook voor de ouders"],
                ["Kastjes zonder dak: na één regenbui was alles nat"],
            ),
        ],
        "history": [
            Step(4, "correspondent-utrecht", "write"),
            Step(2, "correspondent-utrecht", "submit"),
        ],
    },
    {
        "slug": "taallunch-nieuwegein",
        "title": "Taallunch in Nieuwegein: Nederlands leren aan tafel",
        "region": "utrecht",
        "municipality": "Nieuwegein",
        "author": "correspondent",
        "themes": ["participatie", "eenzaamheid"],
        "target_groups": ["nieuwkomers", "vrijwilligers"],
        "partners": ["Welzijnsorganisatie Samen Verder"],
        "period": ("2024-10-01", None),
        "image": "tafel",
        "consent": EMAIL_CONSENT,
        "intro": "Elke donderdag koken nieuwkomers en buurtbewoners samen een lunch in een buurthuis in Nieuwegein. Wie aan tafel zit, spreekt Nederlands: niet uit een lesboek, maar over het eten, de kinderen en de buurt.",
        "buurtmakers": [
            ("Tesfay Haile", "deelnemer en kok", ""),
            ("Ans de Groot", "vrijwilliger", "Welzijnsorganisatie Samen Verder"),
        ],
        "knowledge": [("sociaal-kapitaal", BUILDS_ON_RESEARCH)],
        "body": [
            paragraph(
                "<p>Tesfay Haile kwam vier jaar geleden uit Eritrea. ‘Op de taalles leerde ik de woorden. Aan deze tafel leerde ik de grapjes.’ Inmiddels kookt hij zelf mee en legt hij nieuwe deelnemers uit hoe het werkt.</p><p>Vrijwilliger Ans de Groot zorgt dat er aan elke tafel minstens één buurtbewoner zit die al lang Nederlands spreekt. ‘Het gaat niet om foutloos praten. Het gaat erom dat je durft.’</p>"
            ),
            quote("Aan deze tafel leerde ik de grapjes.", "Tesfay Haile, deelnemer"),
        ],
        "history": [
            Step(9, "correspondent-utrecht", "write"),
            Step(7, "correspondent-utrecht", "submit"),
            Step(
                5,
                "redacteur-utrecht",
                "approve",
                "Helder verhaal, en goed dat Tesfay zelf aan het woord komt. Door naar de centrale redactie.",
            ),
        ],
    },
    {
        "slug": "hangplek-houten",
        "title": "Een hangplek waar jongeren en buren over meepraatten",
        "region": "utrecht",
        "municipality": "Houten",
        "author": "correspondent",
        "themes": ["jongeren", "sociale-cohesie"],
        "target_groups": ["jongeren"],
        "partners": ["Stichting Jongerenwerk Oost"],
        "period": ("2025-05-01", None),
        "image": "plein",
        "consent": VERBAL_CONSENT,
        "intro": "Buren klaagden over lawaai, jongeren voelden zich nergens welkom. In een wijk in Houten gingen ze met elkaar om tafel om samen een plek te kiezen waar jongeren mogen zijn.",
        "buurtmakers": [
            ("Marco Smit", "bewoner", ""),
            ("Ilse Kramer", "jongerenwerker", "Stichting Jongerenwerk Oost"),
        ],
        "knowledge": [("participatieladder", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Marco Smit woont naast het speelveld. ‘Ik was boos, eerlijk gezegd. Elke avond tot twaalf uur muziek.’ Jongerenwerker Ilse Kramer nodigde hem uit voor een avond met de jongeren zelf. Daar bleek dat zij ook liever ergens anders zaten, als er maar een bankje en een lamp was.</p><p>Na drie avonden lag er een voorstel: een overkapping aan de rand van het park, met een afspraak over de tijden.</p>"
            ),
        ],
        "history": [
            Step(12, "correspondent-utrecht", "write"),
            Step(10, "correspondent-utrecht", "submit"),
            Step(
                8,
                "redacteur-utrecht",
                "reject",
                "Je laat vooral Marco en Ilse aan het woord. Kun je ook een van de jongeren spreken? En wat deed de gemeente met het voorstel? Dan gaat het verhaal door.",
            ),
        ],
    },
    {
        "slug": "eerste-buurtfeest-vermeerkwartier",
        "title": "Het eerste buurtfeest in het Vermeerkwartier",
        "region": "utrecht",
        "municipality": "Amersfoort",
        "author": "correspondent",
        "themes": ["sociale-cohesie"],
        "target_groups": ["gezinnen"],
        "partners": [],
        "period": ("2025-09-01", None),
        "image": "utrecht",
        "consent": VERBAL_CONSENT,
        "intro": "Twintig jaar woonden ze naast elkaar, maar een buurtfeest was er nooit geweest. Tot twee buurvrouwen in Amersfoort een briefje in de bus deden.",
        "buurtmakers": [("Els Wouters", "bewoner en organisator", "")],
        "knowledge": [],
        "body": [
            paragraph(
                "<p>Els Wouters dacht dat er misschien twintig mensen zouden komen. Het werden er honderdtwintig. ‘Iedereen had kennelijk zitten wachten tot iemand anders begon.’</p><p><i>Nog aanvullen: wat er na het feest gebeurde, en een foto.</i></p>"
            ),
        ],
        "history": [Step(1, "correspondent-utrecht", "write")],
    },
    {
        "slug": "ijsbaan-terug-in-het-dorp",
        "title": "Het dorp dat zijn ijsbaan terugkreeg",
        "region": "groningen",
        "municipality": "Westerkwartier",
        "author": "correspondent",
        "themes": ["sociale-cohesie", "participatie"],
        "target_groups": ["vrijwilligers", "kinderen"],
        "partners": ["Dorpsbelang Het Wierdenland"],
        "period": ("2024-11-01", None),
        "image": "groningen",
        "consent": WRITTEN_CONSENT,
        "intro": "De gemeente wilde de oude ijsbaan verkopen. Een groep dorpsbewoners kocht hem voor één euro en houdt hem nu zelf open, ook in winters zonder ijs.",
        "buurtmakers": [
            ("Harm Dijkstra", "voorzitter ijsvereniging", "Dorpsbelang Het Wierdenland"),
            ("Grietje Bos", "vrijwilliger", ""),
        ],
        "knowledge": [("abcd", APPLIES_METHOD)],
        "body": [
            paragraph(
                "<p>Het ijs ligt er de laatste jaren hooguit een week per winter. Toch wilde het dorp de baan niet kwijt. ‘Het is het enige stuk grond van ons allemaal,’ zegt Harm Dijkstra. In de zomer is er nu een jeu-de-boulesbaan en een moestuin voor de school.</p><p>Grietje Bos houdt de kantine open. ‘Als het vriest, staat het hele dorp hier. De rest van het jaar komen de ouderen op dinsdag koffiedrinken.’</p>"
            ),
        ],
        "history": [
            Step(5, "correspondent-groningen", "write"),
            Step(3, "correspondent-groningen", "submit"),
        ],
    },
    {
        "slug": "fietsles-voor-moeders-zuid",
        "title": "Fietsles voor moeders in Rotterdam-Zuid",
        "region": "rotterdam-rijnmond",
        "municipality": "Rotterdam",
        "author": "correspondent",
        "themes": ["participatie", "zorg-en-welzijn"],
        "target_groups": ["nieuwkomers", "gezinnen"],
        "partners": [],
        "period": ("2025-04-01", None),
        "image": "rotterdam",
        "consent": EMAIL_CONSENT,
        "intro": "Op een schoolplein in Rotterdam-Zuid leren moeders fietsen, terwijl hun kinderen binnen huiswerk maken. Voor veel van hen is het de eerste keer dat ze zelf ergens heen kunnen zonder bus.",
        "buurtmakers": [
            ("Fatma Yilmaz", "deelnemer", ""),
            ("Rachid Ouchan", "buurtsportcoach", ""),
        ],
        "knowledge": [],
        "body": [
            paragraph(
                "<p>Fatma Yilmaz woont al vijftien jaar in Nederland, maar had nooit leren fietsen. ‘Ik schaamde me. Hier zijn we met twaalf vrouwen, en we lachen samen als iemand valt.’</p><p>Buurtsportcoach Rachid Ouchan regelde de fietsen bij een kringloopwinkel. Na tien lessen fietsen de eerste moeders samen naar de markt.</p>"
            ),
        ],
        "history": [
            Step(2, "correspondent-rotterdam", "write"),
            Step(1, "correspondent-rotterdam", "submit"),
        ],
    },
    {
        "slug": "buurtkoelkast-tilburg-noord",
        "title": "Een gedeelde koelkast in Tilburg-Noord",
        "region": "brabant",
        "municipality": "Tilburg",
        "author": "correspondent",
        "themes": ["armoede", "sociale-cohesie"],
        "target_groups": ["mensen met geldzorgen"],
        "partners": ["Wijkteam Noord"],
        "period": ("2025-01-15", None),
        "image": "brabant",
        "consent": WRITTEN_CONSENT,
        "intro": "Voor het buurthuis in Tilburg-Noord staat een koelkast waar iedereen eten in mag zetten en uit mag halen. Bakkers, tuinders en buren vullen hem; wie krap zit, hoeft niets uit te leggen.",
        "buurtmakers": [("Joke van Gils", "vrijwilliger", "Wijkteam Noord")],
        "knowledge": [("schaarste", BUILDS_ON_RESEARCH)],
        "body": [
            paragraph(
                "<p>Joke van Gils maakt de koelkast elke ochtend schoon en gooit weg wat over de datum is. ‘Dat is de afspraak met de GGD, en die houden we netjes.’ Er gaat meer uit dan ze had gedacht: op een gewone dag is hij voor de middag leeg.</p>"
            ),
            lessons(
                ["Geen loket en geen pasje: iedereen mag", "Vaste afspraken over hygiëne, zichtbaar op de deur"],
                ["Een koelkast binnen in het buurthuis: mensen durfden niet naar binnen"],
            ),
        ],
        "history": [
            Step(6, "correspondent-brabant", "write"),
            Step(4, "correspondent-brabant", "submit"),
        ],
    },
    {
        "slug": "bewonersbedrijven-leren-van-elkaar",
        "title": "Wat bewonersbedrijven van elkaar leren",
        "region": None,
        "municipality": None,
        "author": None,
        "themes": ["participatie", "opbouwwerk"],
        "target_groups": ["vrijwilligers"],
        "partners": [],
        "period": ("2023-01-01", None),
        "image": "buurthuis",
        "consent": EMAIL_CONSENT,
        "intro": "Steeds meer buurten runnen hun eigen buurthuis, klusdienst of wijkrestaurant als bewonersbedrijf. De centrale redactie sprak met drie van hen over geld, vrijwilligers en de gemeente.",
        "buurtmakers": [
            ("Wim Kuipers", "penningmeester van een bewonersbedrijf", ""),
            ("Samira Chaoui", "coördinator wijkrestaurant", ""),
        ],
        "knowledge": [("abcd", APPLIES_METHOD), ("geschiedenis-opbouwwerk", IN_TRADITION)],
        "body": [
            paragraph(
                "<p>Een bewonersbedrijf verdient zelf een deel van zijn geld, met verhuur, een klusdienst of een restaurant. ‘Dat maakt je minder afhankelijk van subsidie,’ zegt Wim Kuipers, ‘maar ook kwetsbaar als de vrijwilligers ophouden.’</p><p>Samira Chaoui ziet dat het wijkrestaurant vooral werkt omdat de koks uit de buurt komen. ‘Mensen eten bij hun buurvrouw. Dat is iets anders dan eten bij een instelling.’</p>"
            ),
            dilemma(
                "Betaal je vrijwilligers die het meeste werk doen?",
                "<p>Een kleine vergoeding houdt mensen vast, maar kan de sfeer tussen betaalde en onbetaalde vrijwilligers veranderen.</p>",
            ),
        ],
        "history": [
            Step(3, "beheerder", "write"),
            Step(2, "beheerder", "submit"),
        ],
    },
]

# Het gesprek (community/reactions.py): reactions of readers, by the page they are on (a story or a knowledge page).
# Approved ones show under the page with the editors' response; the pending one waits in the Utrecht editors' queue.
REACTIONS = [
    {
        "page": Ref("story", "landelijk-netwerk-buurtmakers"),
        "name": "Marieke de Boer",
        "email": "marieke@example.org",
        "text": "Herkenbaar. Ons netwerk in de Achterhoek liep ook op een paar vrijwilligers. Wat hielp: elke bijeenkomst koos een andere gastbuurt, die dan ook het regelwerk deed.",
        "days_ago": 20,
        "status": "approved",
        "response": "",
    },
    {
        "page": Ref("story", "landelijk-netwerk-buurtmakers"),
        "name": "Youssef Amrani",
        "email": "youssef@example.org",
        "text": "Zou een kleine bijdrage van de deelnemende organisaties de coördinator niet kunnen betalen? Vijftig euro per buurt per jaar is al genoeg voor de zaalhuur.",
        "days_ago": 18,
        "status": "approved",
        "response": "Goede vraag, Youssef. Het netwerk heeft dat geprobeerd; lees hierover ook het verhaal ‘Tien jaar buurtbudget’. Wie ervaring heeft met zo'n bijdrage: reageer gerust.",
    },
    {
        "page": Ref("knowledge", "abcd"),
        "name": "Ineke Smits",
        "email": "ineke@example.org",
        "text": "Wij gebruiken de kaart van talenten uit deze methode bij elke nieuwe bewonersgroep. Het eerste gesprek gaat dan over wat er al is, niet over wat er mist.",
        "days_ago": 12,
        "status": "approved",
        "response": "",
    },
    {
        "page": Ref("story", "soep-op-woensdag-overvecht"),
        "name": "Gerrit Jansen",
        "email": "gerrit@example.org",
        "text": "Bij ons staat er een pot op tafel: wie wil, geeft iets. Niemand kijkt wat je erin doet, en toch betalen we er de boodschappen van.",
        "days_ago": 1,
        "status": "pending",
        "response": "",
    },
]
