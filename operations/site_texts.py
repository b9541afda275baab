"""The Dutch texts of the empty site that `manage.py setup_site` builds: a start for the central team to complete.

Each page is (title, slug, intro, summary); information pages also have a body of ("paragraph", html) blocks.
``{organisation}`` and ``{contact}`` are filled in from the command's options (square-bracket placeholders
when not given, so an unfinished text shows that it is unfinished). The demo passes its own texts for the
pages it has them for (demo/demo_content.py).
"""

ORGANISATION_PLACEHOLDER = "[naam van de organisatie achter Buurtwijs]"
CONTACT_PLACEHOLDER = "[e-mailadres van de redactie]"

HOME = {
    "title": "Buurtwijs",
    "slug": "buurtwijs",
    "intro": "<p>Buurtwijs is het online ontmoetingspunt van buurtmakers: bewoners, vrijwilligers en opbouwwerkers "
    "die hun buurt laten werken. Lees hun verhalen en ontdek wat er al bekend is over buurtwerk.</p>",
    "summary": "Praktijkverhalen van buurtmakers, verbonden met wat we weten over buurtwerk.",
}

# The sections right below the home page, by the key setup_site returns them under, in menu order.
SECTIONS = {
    "stories": {
        "title": "Praktijkverhalen",
        "slug": "praktijkverhalen",
        "intro": "<p>Verhalen van buurtmakers: wat ze deden, wat werkte en wat niet.</p>",
        "summary": "Alle verhalen van buurtmakers, het nieuwste eerst.",
        "show_in_menus": True,
    },
    "themes": {
        "title": "Thema's",
        "slug": "themas",
        "intro": "<p>Lees verhalen en kennis per thema.</p>",
        "summary": "Verhalen en kennis per thema.",
        "show_in_menus": True,
    },
    "knowledge": {
        "title": "Kennis",
        "slug": "kennis",
        "intro": "<p>Onderzoek, theorie, geschiedenis en methodes van buurtwerk, in gewone taal samengevat.</p>",
        "summary": "Onderzoek, theorie, geschiedenis en methodes van buurtwerk.",
        "show_in_menus": True,
    },
    "regions": {
        "title": "Regio's",
        "slug": "regios",
        "intro": "<p>De regio's waar correspondenten met een eigen regioredactie schrijven over hun buurten.</p>",
        "summary": "De regio's met een eigen redactie van correspondenten.",
        "show_in_menus": True,
    },
    "kennisplein": {
        "title": "Kennisplein",
        "slug": "kennisplein",
        "intro": "<p>Alles van Buurtwijs op één plek: praktijkverhalen, kennis en nieuws uit de regio's.</p>",
        "summary": "Alle verhalen, kennis en regionaal nieuws op één plek.",
        "show_in_menus": True,
    },
    "events": {
        "title": "Bijeenkomsten",
        "slug": "bijeenkomsten",
        "intro": "<p>Praat mee met andere buurtmakers op een buurtavond, een leerdag of online.</p>",
        "summary": "Buurtavonden, leerdagen en online gesprekken over wat werkt in de buurt.",
        "show_in_menus": True,
    },
    "partners": {
        "title": "Partners",
        "slug": "partners",
        "intro": "<p>De organisaties waarmee Buurtwijs samenwerkt.</p>",
        "summary": "De organisaties waarmee Buurtwijs samenwerkt.",
        "show_in_menus": False,
    },
    "submission": {
        "title": "Deel je verhaal",
        "slug": "deel-je-verhaal",
        "intro": "<p>Heb jij in je buurt iets in gang gezet? Vertel het andere buurtmakers. Een redacteur van "
        "Buurtwijs helpt je het verhaal af te maken.</p>",
        "summary": "Vertel wat jij in je buurt deed. Een redacteur helpt je met je verhaal.",
        "privacy_statement": "<p>Wat je hier invult, komt alleen bij de redactie van Buurtwijs terecht. Je naam, "
        "e-mailadres en telefoonnummer gebruiken we alleen om contact met je op te nemen over je verhaal; ze komen "
        'nooit op de website. Lees meer in onze <a href="/privacy/">privacyverklaring</a>.</p>',
        "show_in_menus": True,
    },
}

ACCESSIBILITY = {
    "title": "Toegankelijkheid",
    "slug": "toegankelijkheid",
    "intro": "Buurtwijs wil dat iedereen de website kan gebruiken, ook wie slecht ziet, een schermlezer gebruikt of "
    "alleen het toetsenbord. Hier lees je hoe toegankelijk de website is en wat je kunt doen als iets niet werkt.",
    "summary": "De toegankelijkheidsverklaring van Buurtwijs.",
    "body": [
        (
            "paragraph",
            "<h2>Onze norm</h2><p>{organisation} wil met Buurtwijs voldoen aan de Web Content Accessibility "
            "Guidelines (WCAG) 2.1 op niveau A en AA, de norm uit de Europese standaard EN 301 549.</p>",
        ),
        (
            "paragraph",
            "<h2>Hoe we dat controleren</h2><p>Bij elke wijziging aan de website controleren automatische tests in "
            "een echte browser elk soort pagina en elk formulier op deze regels. Redacteuren zien bij het schrijven "
            "de controles van het beheer, zoals een afbeelding zonder alternatieve tekst.</p>",
        ),
        (
            "paragraph",
            "<h2>Wat nog niet goed is</h2><p>[Beschrijf hier wat nog niet toegankelijk is, bijvoorbeeld video's "
            "zonder ondertiteling of pdf-documenten, en wanneer dat verbeterd wordt.]</p>",
        ),
        (
            "paragraph",
            "<h2>Werkt iets niet?</h2><p>Laat het ons weten via {contact}. Vertel op welke pagina het was en wat er "
            "misging. We antwoorden binnen vijf werkdagen.</p>",
        ),
    ],
}

PRIVACY = {
    "title": "Privacyverklaring",
    "slug": "privacy",
    "intro": "Welke gegevens Buurtwijs van je bewaart als je je verhaal instuurt, reageert of je aanmeldt voor een "
    "bijeenkomst: wat, waarom, hoe lang, en hoe je vraagt om ze te verwijderen.",
    "summary": "Welke gegevens Buurtwijs bewaart, waarom, hoe lang, en hoe je ze laat verwijderen.",
    "body": [
        (
            "paragraph",
            "<h2>Wie is verantwoordelijk</h2><p>{organisation} beheert Buurtwijs en is verantwoordelijk voor je "
            "gegevens. Vragen over privacy stel je aan {contact}.</p>",
        ),
        (
            "paragraph",
            "<h2>Je verhaal insturen (Deel je verhaal)</h2><p><b>Wat:</b> je naam, e-mailadres, telefoonnummer "
            "als je dat opgeeft, je rol en organisatie, je gemeente, je verhaal, je foto's en je toestemmingen. "
            "<b>Waarom:</b> om samen met jou je verhaal af te maken; alleen de redactie ziet je contactgegevens, ze "
            "komen nooit op de website. <b>Hoe lang:</b> tot je verhaal gepubliceerd is of de redactie "
            "besluit het niet te plaatsen. Verwijdert de redactie het concept, dan verdwijnen ook je gegevens en "
            "je foto's (foto's die op een gepubliceerde pagina staan blijven, tot je vraagt ze weg te halen).</p>",
        ),
        (
            "paragraph",
            "<h2>Reageren</h2><p><b>Wat:</b> je naam, je e-mailadres en je reactie. <b>Waarom:</b> je naam en "
            "reactie tonen we onder het verhaal als de redactie de reactie goedkeurt; je e-mailadres gebruiken we "
            "alleen om je een vraag over je reactie te stellen, het staat nooit op de website. <b>Hoe lang:</b> zolang "
            "de reactie online staat; een reactie die niet geplaatst wordt, verwijdert de redactie.</p>",
        ),
        (
            "paragraph",
            "<h2>Aanmelden voor een bijeenkomst</h2><p><b>Wat:</b> je naam, e-mailadres, organisatie en "
            "opmerkingen. <b>Waarom:</b> om je te laten weten of er plaats is en je te informeren over de "
            "bijeenkomst. <b>Hoe lang:</b> tot na de bijeenkomst; daarna verwijdert de redactie de aanmeldingen.</p>",
        ),
        (
            "paragraph",
            "<h2>De nieuwsbrief (Volg de buurt)</h2><p><b>Wat:</b> je e-mailadres, wat je volgt (een thema, regio "
            "of gemeente), hoe vaak je de nieuwsbrief wilt, en het bewijs dat je erom vroeg: wanneer en op welke "
            "pagina, wanneer je het in een e-mail bevestigde en welke tekst je toen zag. <b>Waarom:</b> om je "
            "‘Buurtwijs deze week’ te sturen, pas nadat je het bevestigd hebt. We houden niet bij wie een e-mail "
            "opent of op een link klikt: een link in de nieuwsbrief zegt alleen uit welke editie hij komt. "
            "<b>Hoe lang:</b> tot je je afmeldt; een aanvraag die je niet bevestigt, verwijderen we na 30 dagen. In "
            "elke nieuwsbrief staat een link naar je instellingen. Daar zie en download je wat we bewaren, kies je "
            "wat je volgt en hoe vaak, en verwijder je alles. Daarna bewaren we alleen een code waaraan we je adres "
            "herkennen (niet je adres zelf), zodat niemand het opnieuw toevoegt zonder dat jij het vraagt.</p>",
        ),
        (
            "paragraph",
            "<h2>Volgen en bereik</h2><p>Je kunt Buurtwijs volgen via de RSS- en agendafeeds; daarvoor geef je "
            "niets op en weten wij niet wie ze gebruikt. Buurtwijs plaatst geen cookies om bezoekers te volgen en "
            "gebruikt geen advertentie- of analysediensten van anderen. Hoe we zelf lezers tellen, staat hieronder. "
            "We tellen ook hoe vaak er op een woord gezocht wordt, "
            "zonder te weten wie zocht, om de zoekresultaten te verbeteren. De webserver houdt voor de beveiliging een "
            "logboek bij met het IP-adres van elk verzoek; dat bewaren we [termijn, bijvoorbeeld veertien dagen].</p>",
        ),
        (
            "paragraph",
            "<h2>Hoe we lezers tellen</h2><p>We willen weten hoeveel mensen een verhaal lezen en waar ze vandaan "
            "komen, zodat we kunnen laten zien wat Buurtwijs voor buurtmakers betekent. Dat doen we zelf, zonder "
            "cookies en zonder andere bedrijven. Open je een pagina, dan stuurt je browser een klein bericht naar "
            "Buurtwijs: welke pagina het is, van welke website je kwam (alleen de naam van die website) en of je "
            "een verhaal tot het eind las. Van een deel van je IP-adres en de soort browser maken we een sleutel, "
            "met een geheim dat we elke nacht om twaalf uur wissen. Zo tellen we je één keer per dag per pagina, "
            "maar weten we nooit wie je bent en kunnen we niet zien welke pagina's één persoon las. Wat blijft, is "
            "een telling per dag en per pagina. <b>Niet geteld</b> worden: wie JavaScript uit heeft staan, wie in "
            "de browser ‘niet volgen’ aanzet (Do Not Track of Global Privacy Control), ingelogde redacteuren en "
            "zoekmachines. Onderaan deze pagina staat precies wat we bewaren en hoe lang.</p>",
        ),
        (
            "paragraph",
            "<h2>Gegevens inzien of laten verwijderen</h2><p>Wil je weten welke gegevens we van je hebben, of wil "
            "je dat we ze verwijderen? Mail {contact}. We antwoorden binnen vier weken. Ben je het niet eens met hoe "
            "we met je gegevens omgaan, dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.</p>",
        ),
    ],
}

INFORMATION_PAGES = [ACCESSIBILITY, PRIVACY]

SITE_SETTINGS = {
    "footer_text": "Buurtwijs is het online ontmoetingspunt van buurtmakers, gemaakt door een centrale redactie en "
    "correspondenten in de regio's. Een verhaal, een vraag of een tip? Mail de redactie: {contact}.",
}
