"""Demo content: the action directory with every action of the seed, in French and English,
spread over the last four published weeks (the current one included)."""

import datetime
import io
import json
from pathlib import Path

from django.core.files import File
from django.utils import timezone

from wagtail.documents import get_document_model

from PIL import Image as PILImage
from PIL import ImageDraw

from actions import weeks
from actions.models import ActionIndexPage, ActionPage
from challenges.models import ChallengePage, PartnerPage
from portal.demo import DemoContext, demo_font, ensure_child, ensure_translation

A4_AT_72_DPI = (595, 842)
# The actions of the programme's document (shared/seed) in French and English, and the documents
# they offer: each action's challenge (French slug), vouching partners, practical facts, the
# week it joined the directory (weeks before the current one) and its step-by-step guide.
_SEED = json.loads((Path(__file__).with_name("demo_actions.json")).read_text(encoding="utf-8"))
ACTIONS: list[dict] = _SEED["actions"]
DOCUMENTS: dict[str, dict] = _SEED["documents"]


def drawn_document(key: str):
    """A one-page PDF drawn by the project (no download), e.g. the collection poster."""
    spec = DOCUMENTS[key]
    document_model = get_document_model()
    existing = document_model.objects.filter(title=spec["title"]).first()
    if existing is not None:
        return existing
    canvas = PILImage.new("RGB", A4_AT_72_DPI, "white")
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, A4_AT_72_DPI[0], 190), fill=spec["colour"])
    title_font = demo_font(40)
    text_font = demo_font(24)
    draw.text((40, 70), spec["lines"][0], fill="white", font=title_font)
    for row, line in enumerate(spec["lines"][1:]):
        draw.text((40, 240 + row * 70), line, fill="#1b1b1f", font=text_font)
    draw.text((40, 780), "ré_action", fill=spec["colour"], font=text_font)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PDF", resolution=72)
    return document_model.objects.create(title=spec["title"], file=File(buffer, name=spec["file"]))


def guide(content: dict, document=None) -> list[dict]:
    """The StreamField data of an action's guide: steps, a tip, a checklist, a download."""
    blocks = [
        {"type": "step", "value": {"title": title, "body": f"<p>{body}</p>"}}
        for title, body in content["steps"]
    ]
    blocks.append({"type": "tip", "value": {"text": content["tip"]}})
    checklist_title, items = content["checklist"]
    blocks.append({"type": "checklist", "value": {"title": checklist_title, "items": items}})
    if document is not None:
        blocks.append(
            {
                "type": "download",
                "value": {
                    "document": document.pk,
                    "label": content["document_label"],
                    "description": "",
                },
            }
        )
    return blocks


def _fields(item: dict, content: dict, document, monday: datetime.date) -> dict:
    group_min, group_max = item["group"]
    return {
        "title": content["title"],
        "summary": content["summary"],
        "guide": guide(content, document),
        "materials": content["materials"],
        "safety_notes": content["safety_notes"],
        "impact_unit": item["impact_unit"],
        "impact_unit_label": content["impact_unit_label"],
        "mode": item["mode"],
        "duration": item["duration"],
        "group_size_min": group_min,
        "group_size_max": group_max,
        "published_week": monday,
    }


def load(ctx: DemoContext, **options) -> None:
    index_fr = ensure_child(
        ctx.home_fr,
        ActionIndexPage,
        slug="actions",
        title="Le répertoire d'actions",
        show_in_menus=True,
        intro="Des actions de solidarité utiles et éprouvées, recommandées par nos partenaires "
        "experts. Ce répertoire d'actions est augmenté chaque semaine.",
    )
    ensure_translation(
        index_fr,
        ctx.en,
        slug="actions",
        title="The action directory",
        intro="Useful, proven solidarity actions recommended by our expert partners. The "
        "directory grows every week.",
    )
    this_week = weeks.current_week_start()
    for item in ACTIONS:
        slug_fr, slug_en = item["slug"]
        if ActionPage.objects.child_of(index_fr).filter(slug=slug_fr).exists():
            continue
        monday = this_week - datetime.timedelta(weeks=item["weeks_ago"])
        published_at = timezone.make_aware(
            datetime.datetime.combine(monday, datetime.time(9, 30))
            + datetime.timedelta(days=min(item["weeks_ago"], 3))
        )
        document = drawn_document(item["document"]) if item.get("document") else None
        challenge_fr = ChallengePage.objects.get(locale=ctx.fr, slug=item["challenge"])
        partners_fr = list(PartnerPage.objects.filter(locale=ctx.fr, slug__in=item["partners"]))
        page = ActionPage(
            slug=slug_fr,
            locale=ctx.fr,
            challenge=challenge_fr,
            times_done=item["times_done"],
            first_published_at=published_at,
            **_fields(item, item["fr"], document, monday),
        )
        page.partners = partners_fr
        index_fr.add_child(instance=page)
        page.save_revision().publish()
        ensure_translation(
            page,
            ctx.en,
            slug=slug_en,
            challenge=challenge_fr.get_translation(ctx.en),
            partners=[partner.get_translation(ctx.en) for partner in partners_fr],
            **_fields(item, item["en"], document, monday),
        )
        ActionPage.objects.filter(translation_key=page.translation_key).update(
            first_published_at=published_at, last_published_at=published_at
        )
    ctx.say(f"Action directory: {ActionPage.objects.child_of(index_fr).count()} actions")
