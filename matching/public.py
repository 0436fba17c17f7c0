"""The public view of needs, shared by the API and the pages: places at their public
precision, challenges in the reader's language, never a volunteer."""

from django.urls import reverse
from django.utils.translation import get_language

from matching import services

# A need's address is reversed once per list with this id, then each row's id put in.
PK_STAND_IN = "9876543210123"


def match_rows(matches, request) -> list[dict]:
    """The public view of each match (needs' points are already at public precision)."""
    if not matches:
        return []
    challenges = services.localized_challenges_by_id(get_language())
    address = reverse("matching:need_detail", kwargs={"pk": int(PK_STAND_IN)})
    if request is not None:
        address = request.build_absolute_uri(address)
    rows = []
    for match in matches:
        need = match.need
        localized = challenges.get(need.challenge_id)
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
                "url": address.replace(PK_STAND_IN, str(need.pk)),
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
