"""The public view of needs, shared by the API and the pages: places at their public
precision, challenges in the reader's language, never a volunteer."""

from django.urls import reverse
from django.utils.translation import get_language

from matching import services


def match_rows(matches, request) -> list[dict]:
    """The public view of each match (needs' points are already at public precision)."""
    challenges = services.localized_challenges_by_id(get_language()) if matches else {}
    rows = []
    for match in matches:
        need = match.need
        localized = challenges.get(need.challenge_id)
        path = reverse("matching:need_detail", kwargs={"pk": need.pk})
        rows.append(
            {
                "id": need.pk,
                "title": need.title,
                "kind": need.place_kind,
                "challenge": localized.slug if localized else None,
                "distance_km": round(match.distance_km, 3),
                "lat": need.latitude,
                "lon": need.longitude,
                "quantity_wanted": need.quantity_wanted,
                "quantity_remaining": need.quantity_remaining,
                "unit": need.unit,
                "urgency": need.urgency,
                "place": need.place.name,
                "town": need.place.town,
                "url": request.build_absolute_uri(path) if request is not None else path,
            }
        )
    return rows


def feature_collection(rows: list[dict]) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")},
            }
            for row in rows
        ],
    }
