"""The calibration set of the language check: one short story at three levels, and a knowledge text at B2.

Written for the suite (not taken from elsewhere). A2 uses only short main clauses and everyday words; B1 allows a
relative clause and a few longer words; C1 is policy prose: long sentences, stacked clauses, jargon, the passive.
"""

STORY_A2 = """Elke woensdag koken we soep in het buurthuis. Iedereen mag komen. Het eten is gratis.
Mensen uit de straat nemen groente mee. Een oude man snijdt de uien. Twee kinderen roeren in de pan.
We eten samen aan een lange tafel. We praten en we lachen veel. Sommige mensen waren eerst alleen.
Nu kennen ze hun buren. Dat vinden we het mooiste. Na het eten doen we samen de afwas.
Daarna drinken we nog koffie. Volgende week koken we weer. Kom jij ook?"""

STORY_B1 = """Elke woensdag koken buurtbewoners samen soep in het buurthuis. Iedereen is welkom en het eten is gratis.
Mensen uit de straat nemen groente mee die ze over hebben. Meneer De Vries, die al dertig jaar in de wijk woont,
snijdt de uien. Kinderen van de basisschool helpen met roeren en met het dekken van de tafels. Tijdens het eten
praten mensen met elkaar over van alles. Sommige bewoners voelden zich eerst eenzaam. Nu kennen ze hun buren en
groeten ze elkaar op straat. Dat vinden de vrijwilligers het belangrijkste resultaat. Na het eten ruimen we samen op.
Wil je ook meedoen? Kom dan gewoon langs."""

STORY_C1 = """Ter bevordering van de sociale cohesie en de zelfredzaamheid van kwetsbare wijkbewoners wordt wekelijks,
in
nauwe samenwerking met lokale maatschappelijke organisaties, een laagdrempelige kookactiviteit georganiseerd in het
buurthuis, waarbij deelnemers, die veelal geconfronteerd worden met eenzaamheid, gezamenlijk een maaltijd bereiden.
De integrale benadering, waarin preventie, participatie en informele ondersteuning samenkomen, beoogt structurele
verbindingen tussen bewoners te creëren, zodat de afhankelijkheid van professionele interventies op termijn
substantieel afneemt. Evaluatieonderzoek wijst uit dat de doelgroep de activiteit waardeert, hoewel de duurzaamheid
van de geconstateerde effecten nog onvoldoende is aangetoond."""

KNOWLEDGE_B2 = """Buurtgerichte activiteiten kunnen eenzaamheid onder ouderen verminderen. Onderzoekers van
verschillende
hogescholen volgden twee jaar lang twaalf initiatieven in Nederlandse wijken. Ze keken vooral naar activiteiten die
bewoners zelf organiseren, zoals gezamenlijke maaltijden en wandelgroepen. Deelnemers gaven aan dat ze meer contact
hadden met hun buren en zich vaker gesteund voelden. Het effect was het grootst wanneer vrijwilligers en
professionals goed samenwerkten. Tegelijk bleek het lastig om mensen te bereiken die zich al lange tijd terugtrekken.
De onderzoekers adviseren gemeenten daarom te investeren in persoonlijke uitnodigingen en vaste contactpersonen.
Ook benadrukken ze dat initiatieven tijd nodig hebben: resultaten worden vaak pas na een jaar zichtbaar."""

# One paragraph each: a line break ends a sentence, as in Wagtail's (and Unicode's) sentence segmentation.
STORY_A2, STORY_B1, STORY_C1, KNOWLEDGE_B2 = (
    " ".join(text.split()) for text in (STORY_A2, STORY_B1, STORY_C1, KNOWLEDGE_B2)
)
