"""Bereik in the admin: the report, scoped like the chain; the edit panel; the dashboard; the funders' report and
its CSV; the podium card; the privacy receipt."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from community.events import EventRegistration
from correspondents.models import CorrespondentProfile
from home.models import InformationPage
from reach.models import DailyReach
from stories.models import Reaction
from tests import factories
from tests.helpers import soup, text

pytestmark = pytest.mark.django_db


def add_reach(page, days_ago=0, source="direct", views=0, readers=0, finished=0):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return DailyReach.objects.create(day=day, page=page, source=source, views=views, readers=readers, finished=finished)


@pytest.fixture
def chain(editorial_teams, region, other_region, theme):
    teams = editorial_teams
    own = CorrespondentProfile.objects.create(name="Joris Verbeek", region=region, user=teams.correspondent)
    other = CorrespondentProfile.objects.create(
        name="Jelle Dijkstra", region=other_region, user=teams.other_correspondent
    )
    utrecht = factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", author=own)
    utrecht.themes.add(theme)
    colleague = factories.PracticeStoryPageFactory(parent=region, title="Repaircafé Overvecht")
    groningen = factories.PracticeStoryPageFactory(parent=other_region, title="Dorpsbus Westerkwartier", author=other)
    for story in (utrecht, colleague, groningen):
        story.save_revision().publish()
    add_reach(utrecht, 1, views=12, readers=10, finished=4)
    add_reach(utrecht, 2, "site:buurtkrant.nl", views=3, readers=3)
    add_reach(colleague, 3, views=5, readers=5, finished=1)
    add_reach(groningen, 1, views=70, readers=66, finished=20)
    teams.stories = {"utrecht": utrecht, "colleague": colleague, "groningen": groningen}
    return teams


def report(client, user, **params):
    client.force_login(user)
    return client.get(reverse("reach_report"), params)


def page_rows(response):
    return {row.find("a").get_text(strip=True): row for row in soup(response).select("#bereik-pages tbody tr")}


def total(response, name):
    return int(soup(response).select_one(f"#bereik-totals [data-{name}]").get_text(strip=True))


def test_the_central_team_sees_every_region(client, chain):
    response = report(client, chain.central_editor)
    assert response.status_code == 200
    assert set(page_rows(response)) == {"Soep op woensdag", "Repaircafé Overvecht", "Dorpsbus Westerkwartier"}
    assert total(response, "readers") == 84
    assert total(response, "views") == 90
    assert total(response, "finished") == 25
    assert "Som van dagelijkse lezers" in text(response)
    assert "unieke bezoekers" not in text(response).replace("niet ‘unieke bezoekers’", "")
    assert soup(response).select_one("#bereik-totals ~ p svg.bereik-sparkline title")


def test_a_regional_editor_sees_only_their_region_and_is_refused_another(client, chain, region, other_region):
    response = report(client, chain.regional_editor)
    assert set(page_rows(response)) == {"Soep op woensdag", "Repaircafé Overvecht"}
    assert total(response, "readers") == 18

    own = client.get(reverse("reach_report"), {"regio": region.pk})
    assert own.status_code == 200 and total(own, "readers") == 18  # positive control

    refused = client.get(reverse("reach_report"), {"regio": other_region.pk})
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    # Also when another filter is nonsense, which makes the form invalid.
    assert client.get(reverse("reach_report"), {"regio": other_region.pk, "periode": "13"}).status_code == 302
    assert "Dorpsbus" not in client.get(refused.url).content.decode()

    # Groningen's editor, the other way round.
    other = report(client, chain.other_regional_editor)
    assert set(page_rows(other)) == {"Dorpsbus Westerkwartier"}
    assert client.get(reverse("reach_report"), {"regio": region.pk}).status_code == 302


def test_a_correspondent_sees_their_own_stories(client, chain):
    response = report(client, chain.correspondent)
    assert set(page_rows(response)) == {"Soep op woensdag"}
    assert total(response, "readers") == 13
    assert soup(response).find(id="id_regio") is None  # no region filter to try

    colleague = report(client, chain.colleague)
    assert set(page_rows(colleague)) == set()
    assert total(colleague, "readers") == 0


def test_no_access_without_the_admin(client, chain):
    reader = factories.UserFactory()
    client.force_login(reader)
    assert client.get(reverse("reach_report")).status_code == 302
    client.force_login(chain.central_editor)
    assert client.get(reverse("reach_report")).status_code == 200


def test_filters_period_theme_correspondent_and_page_type(client, chain, theme):
    add_reach(chain.stories["utrecht"], 100, views=7, readers=7)
    client.force_login(chain.central_editor)
    url = reverse("reach_report")
    assert total(client.get(url, {"periode": 7}), "readers") == 84
    assert total(client.get(url, {"periode": 365}), "readers") == 91
    assert set(page_rows(client.get(url, {"thema": theme.pk}))) == {"Soep op woensdag"}
    joris = CorrespondentProfile.objects.get(name="Joris Verbeek")
    assert set(page_rows(client.get(url, {"correspondent": joris.pk}))) == {"Soep op woensdag"}
    assert set(page_rows(client.get(url, {"soort": "stories.knowledgepage"}))) == set()
    assert len(page_rows(client.get(url, {"soort": "stories.practicestorypage"}))) == 3
    bad = client.get(url, {"periode": "12", "regio": "abc"})
    assert bad.status_code == 200 and "Het filter is niet gebruikt." in text(bad)


def test_trends_compare_with_the_period_before(client, chain):
    add_reach(chain.stories["utrecht"], 10, views=20, readers=20)  # in the 7 days before the last 7
    client.force_login(chain.central_editor)
    response = client.get(reverse("reach_report"))
    week = soup(response).select_one('#bereik-trends tr[data-days="7"]').find_all("td")
    assert [cell.get_text(strip=True) for cell in week[1:4]] == ["84", "20", "+320%"]


def test_sources_in_the_report(client, chain):
    client.force_login(chain.central_editor)
    rows = soup(client.get(reverse("reach_report"))).select("#bereik-sources tbody tr")
    assert {row.find_all("td")[0].get_text(strip=True): row.find_all("td")[1].get_text(strip=True) for row in rows} == {
        "direct (geen verwijzing)": "81",
        "andere websites": "3",  # buurtkrant.nl sent fewer than five
    }


def test_the_edit_view_shows_the_page_reach_read_only(client, chain):
    client.force_login(chain.regional_editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[chain.stories["utrecht"].pk]))
    assert response.status_code == 200
    panel = soup(response).find(id="bereik-panel")
    month = panel.select_one('tr[data-days="28"]').find_all("td")
    assert [cell.get_text(strip=True) for cell in month[1:]] == ["13", "15", "4"]
    assert panel.find("svg") is not None
    assert not panel.find("input")


def test_the_dashboard_shows_my_stories_this_month(client, chain):
    add_reach(chain.stories["utrecht"], 0, views=2, readers=2, finished=1)
    client.force_login(chain.correspondent)
    response = client.get(reverse("wagtailadmin_home"))
    panel = soup(response).find(id="bereik-this-month-section")
    assert panel is not None
    assert "Jouw verhalen deze maand" in text(response)
    titles = [a.get_text(strip=True) for a in panel.select("td.title a:first-child")]
    assert titles == ["Soep op woensdag"]
    cells = [cell.get_text(strip=True) for cell in panel.select("tbody td")[1:3]]
    assert int(cells[0]) >= 2 and int(cells[1]) >= 1  # today's readers (and those of earlier days this month)

    client.force_login(chain.other_regional_editor)  # owns and wrote nothing: no panel
    assert soup(client.get(reverse("wagtailadmin_home"))).find(id="bereik-this-month-section") is None


def test_podium_card_for_own_story_not_for_another(client, chain):
    client.force_login(chain.correspondent)
    own = client.get(reverse("reach_podium", args=[chain.stories["utrecht"].pk]))
    assert own.status_code == 200
    assert soup(own).select_one("#podium-figures [data-readers]").get_text(strip=True) == "13"
    assert "Som van dagelijkse lezers" in text(own) and "unieke" not in text(own)
    assert "buurtkrant.nl" not in text(own) and "andere websites" in text(own)
    refused = client.get(reverse("reach_podium", args=[chain.stories["groningen"].pk]))
    assert refused.status_code == 302
    assert client.get(reverse("reach_podium", args=[987654])).status_code == 302


def read_csv(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content.removeprefix("\ufeff")), delimiter=";"))


def test_funders_csv_equals_the_sums(client, chain, region, other_region, site_tree):
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    region.title = '=HYPERLINK("http://evil.example")'
    region.save_revision().publish()
    Reaction.objects.create(
        page=chain.stories["utrecht"], name="Fatima", email="f@example.org", text="Mooi.", status="approved"
    )
    Reaction.objects.create(
        page=chain.stories["utrecht"], name="Piet", email="p@example.org", text="Spam", status="pending"
    )
    knowledge = factories.KnowledgePageFactory(parent=site_tree.knowledge)
    add_reach(knowledge, 1, "kennis:applies_method", views=2, readers=2)
    event = factories.EventPageFactory(parent=factories.EventIndexPageFactory(parent=site_tree.home))
    for number in range(3):
        EventRegistration.objects.create(event=event, name=f"Deelnemer {number}", email=f"d{number}@example.org")
    factories.RegionPageFactory(parent=site_tree.regions, title="Brabant")  # nobody writes there
    client.force_login(chain.central_editor)

    response = client.get(reverse("reach_funders"), {"jaar": today.year, "kwartaal": quarter, "formaat": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(response)
    assert rows[0] == ["Onderdeel", "Omschrijving", "Aantal"]
    in_quarter = DailyReach.objects.filter(day__gte=datetime.date(today.year, 3 * quarter - 2, 1), day__lte=today)
    readers = sum(int(row[2]) for row in rows if row[0] == "Lezers per maand" and "som van dagelijkse lezers" in row[1])
    views = sum(int(row[2]) for row in rows if row[0] == "Lezers per maand" and row[1].endswith("weergaven"))
    finished = sum(int(row[2]) for row in rows if row[0] == "Lezers per maand" and row[1].endswith("uitgelezen"))
    assert readers == sum(row.readers for row in in_quarter)
    assert views == sum(row.views for row in in_quarter)
    assert finished == sum(row.finished for row in in_quarter)
    published = {row[1]: int(row[2]) for row in rows if row[0] == "Verhalen gepubliceerd"}
    assert published == {'\'=HYPERLINK("http://evil.example")': 2, "Groningen": 1, "Brabant": 0, "landelijk": 0}
    assert ["Actieve correspondenten", "Groningen", "1"] in rows
    assert ["Reacties", "geplaatst", "1"] in rows
    assert ["Aanmeldingen voor bijeenkomsten", "aangemeld", "3"] in rows
    assert [row[1] for row in rows if row[0] == "Regio zonder actieve correspondent"] == ["Brabant"]
    assert ["Van verhaal naar kennis", "van verhaal naar kennis: past deze methode toe", "2"] in rows
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_funders_page_is_for_the_central_team(client, chain):
    client.force_login(chain.regional_editor)
    assert client.get(reverse("reach_funders")).status_code == 302
    client.force_login(chain.central_editor)
    response = client.get(reverse("reach_funders"), {"jaar": "abc"})
    assert response.status_code == 200
    assert "Kies een jaar" in text(response)
    assert soup(response).find(id="funders-months") is not None


def test_the_privacy_page_says_how_readers_are_counted_and_shows_the_receipt(client, db):
    call_command("setup_site", stdout=io.StringIO())
    privacy = InformationPage.objects.get(slug="privacy")
    response = client.get(privacy.url)
    page_text = text(response)
    assert "Hoe we lezers tellen" in page_text and "zonder cookies" in page_text
    assert "Niet geteld worden: wie JavaScript uit heeft staan" in page_text
    assert "We tellen alleen" not in page_text  # the old text said nothing else was counted
    receipt = soup(response).find(id="bereik-receipt")
    assert receipt is not None
    assert "Bereik per dag" in receipt.get_text() and "Leesmarkering" in receipt.get_text()
    assert "vandaag en gisteren" in receipt.get_text() and "tot middernacht" in receipt.get_text()

    accessibility = InformationPage.objects.exclude(slug="privacy").get()
    assert soup(client.get(accessibility.url)).find(id="bereik-receipt") is None  # positive control above


def test_the_report_costs_the_same_queries_for_few_and_many_pages(client, chain, region, django_assert_max_num_queries):
    client.force_login(chain.regional_editor)
    url = reverse("reach_report")
    client.get(url)  # first-request caches (content types, site root paths)
    counts = []
    for extra in (0, 30):
        for number in range(extra):
            story = factories.PracticeStoryPageFactory(parent=region, title=f"Extra verhaal {number}")
            for day in range(3):
                add_reach(story, day, "site:buurtkrant.nl" if day else "direct", views=2, readers=1)
        with django_assert_max_num_queries(30) as queries:
            response = client.get(url, {"periode": 365})
        assert response.status_code == 200
        counts.append(len(queries))
    assert len(page_rows(response)) == 32
    assert counts[0] == counts[1]
