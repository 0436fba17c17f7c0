"""Impact reports feed the counters incrementally: home, challenge, partner and sponsor."""

import datetime
import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from home.models import ProgrammeGoals
from matching.models import Pledge, VolunteerProfile
from programme.models import ImpactReport, ProgrammeCounter, ReportStatus
from programme.services import (
    impact,
    impact_totals_for_challenge,
    impact_totals_for_partner,
    impact_totals_for_sponsor,
    live_impact_counts,
)
from tests.factories import ChallengePageFactory, PartnerPageFactory
from tests.matching.factories import NeedFactory
from tests.partners.pledge_factories import partner_need
from tests.programme.conftest import path_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def homeless():
    return ChallengePageFactory(
        units={"kits-hygiene": "kits d'hygiène", "points-collecte": "points de collecte"},
        translated=True,
    )


@pytest.fixture
def volunteer(challenge, week, join):
    return join(challenge, week).user


def home_counter(client, counter_id: str) -> int:
    html = client.get("/fr/").content.decode()
    return int(re.search(rf'<progress id="{counter_id}" max="\d+" value="(\d+)"', html).group(1))


def test_reporting_an_action_in_french_updates_the_challenge_totals(client, volunteer, homeless):
    before = impact_totals_for_challenge(homeless.translation_key).get("kits-hygiene", 0)
    client.force_login(volunteer)
    page = client.get("/fr/programme/declarer-une-action/")
    assert page.status_code == 200
    metric = homeless.impact_metrics.get(unit="kits-hygiene")
    assert f'value="{metric.pk}"' in page.content.decode()

    response = client.post(
        "/fr/programme/declarer-une-action/", {"metric": metric.pk, "quantity": 80}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/fr/mon-espace/"
    assert "80" in response.content.decode()
    assert impact_totals_for_challenge(homeless.translation_key)["kits-hygiene"] == before + 80


def test_reporting_in_english_counts_for_the_same_challenge(client, volunteer, homeless):
    english = homeless.get_translation(homeless.locale.__class__.objects.get(language_code="en"))
    metric = english.specific.impact_metrics.get(unit="kits-hygiene")
    client.force_login(volunteer)
    client.post(path_in("en", "report"), {"metric": metric.pk, "quantity": 5})
    report = ImpactReport.objects.get(user=volunteer)
    assert report.challenge_id == homeless.pk
    assert report.unit == "kits-hygiene"


def test_bad_reports_answer_400_and_count_nothing(client, volunteer, homeless):
    client.force_login(volunteer)
    metric = homeless.impact_metrics.first()
    for data in (
        {"metric": metric.pk, "quantity": 0},
        {"metric": metric.pk, "quantity": "many"},
        {"metric": metric.pk, "quantity": 10_000_000},
        {"metric": 999_999, "quantity": 3},
        {},
    ):
        response = client.post("/fr/programme/declarer-une-action/", data)
        assert response.status_code == 400
        assert 'class="errorlist"' in response.content.decode()
    assert not ImpactReport.objects.filter(user=volunteer).exists()


def test_reporting_needs_an_account(client):
    response = client.get("/fr/programme/declarer-une-action/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/connexion/")


def test_a_unit_the_challenge_does_not_track_is_refused(volunteer, homeless):
    with pytest.raises(ValidationError):
        impact.record_report(user=volunteer, challenge=homeless, unit="visieres", quantity=3)


def test_home_counters_equal_the_sum_of_reports(client, volunteer, homeless):
    goals = ProgrammeGoals.for_site(Site.objects.get(is_default_site=True))
    for quantity in (3, 4, 5):
        impact.record_report(
            user=volunteer, challenge=homeless, unit="kits-hygiene", quantity=quantity
        )
    counted = ImpactReport.objects.filter(status=ReportStatus.COUNTED).count()
    assert home_counter(client, "goal-actions") == goals.recorded_actions + counted
    assert live_impact_counts()["actions"] == counted


def test_the_home_page_does_not_query_per_report(client, volunteer, homeless):
    def queries_for_home():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/fr/").status_code == 200
        return len(captured)

    queries_for_home()  # warms the per-process caches (content types, site root paths)
    baseline = queries_for_home()
    for _ in range(40):
        impact.record_report(user=volunteer, challenge=homeless, unit="kits-hygiene", quantity=2)
    assert queries_for_home() == baseline


def test_live_counts_take_three_queries_whatever_the_number_of_reports(
    volunteer, homeless, django_assert_num_queries
):
    for _ in range(10):
        impact.record_report(user=volunteer, challenge=homeless, unit="kits-hygiene", quantity=1)
    with django_assert_num_queries(3):
        counts = live_impact_counts()
    assert set(counts) == {"volunteers", "actions", "cohorts"}


def test_volunteers_are_counted_once_when_confirmed(challenge, week, join):
    before = live_impact_counts()["volunteers"]
    first = join(challenge, week)
    join(challenge, week)
    assert live_impact_counts()["volunteers"] == before + 2
    join(challenge, week + datetime.timedelta(weeks=1), user=first.user)
    assert live_impact_counts()["volunteers"] == before + 2


def test_rejecting_or_deleting_a_report_removes_it_from_the_totals(volunteer, homeless):
    key = homeless.translation_key
    before = impact_totals_for_challenge(key).get("kits-hygiene", 0)
    actions = live_impact_counts()["actions"]
    report = impact.record_report(
        user=volunteer, challenge=homeless, unit="kits-hygiene", quantity=7
    )
    impact.set_report_status(report, ReportStatus.REJECTED)
    assert impact_totals_for_challenge(key)["kits-hygiene"] == before
    assert live_impact_counts()["actions"] == actions
    impact.set_report_status(report, ReportStatus.COUNTED)
    assert impact_totals_for_challenge(key)["kits-hygiene"] == before + 7
    report.delete()
    assert impact_totals_for_challenge(key)["kits-hygiene"] == before
    assert live_impact_counts()["actions"] == actions


def test_the_incremental_totals_match_a_full_recount(volunteer, homeless):
    for quantity in (1, 2, 3):
        impact.record_report(
            user=volunteer, challenge=homeless, unit="points-collecte", quantity=quantity
        )
    incremental = (
        impact_totals_for_challenge(homeless.translation_key),
        ProgrammeCounter.objects.get(name="actions").value,
    )
    impact.recount_impact_totals()
    assert incremental == (
        impact_totals_for_challenge(homeless.translation_key),
        ProgrammeCounter.objects.get(name="actions").value,
    )


def test_a_report_linked_to_a_pledge_counts_for_the_partner_of_the_need(volunteer, homeless):
    need = partner_need(PartnerPageFactory())
    profile = VolunteerProfile.objects.create(user=volunteer)
    pledge = Pledge.objects.create(volunteer=profile, need=need, quantity=2)
    impact.record_report(
        user=volunteer, challenge=homeless, unit="kits-hygiene", quantity=2, pledge=pledge
    )
    assert impact_totals_for_partner(need.place.partner.translation_key) == {"kits-hygiene": 2}


def test_a_pledge_of_someone_else_is_refused(volunteer, homeless, join, challenge, week):
    other = join(challenge, week).user
    need = NeedFactory()
    pledge = Pledge.objects.create(
        volunteer=VolunteerProfile.objects.create(user=other), need=need, quantity=1
    )
    with pytest.raises(ValidationError):
        impact.record_report(
            user=volunteer, challenge=homeless, unit="kits-hygiene", quantity=1, pledge=pledge
        )


def test_members_of_a_sponsored_cohort_count_for_the_sponsor(
    challenge, week, join, make_coordinator
):
    make_coordinator(challenge)
    membership = join(challenge, week)
    membership.cohort.sponsor_key = "acme"
    membership.cohort.save()
    impact.record_report(
        user=membership.user, challenge=challenge, unit="producteurs-soutenus", quantity=3
    )
    assert impact_totals_for_sponsor("acme") == {"producteurs-soutenus": 3}
    report = ImpactReport.objects.get(user=membership.user)
    assert report.cohort_id == membership.cohort_id
