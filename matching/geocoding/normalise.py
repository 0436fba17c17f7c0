"""How names and queries are compared: accents, case, hyphens, apostrophes, "St"/"Ste" and
arrondissement ordinals ("1er", "01", "11e", "XIe" is not supported) fold to one form."""

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_DROPPED = {"arrondissement", "arr", "arrt", "cedex"}
_ORDINAL = re.compile(r"^(\d{1,2})(er|re|e|eme|ieme|nd|nde)?$")
_POSTCODE = re.compile(r"(?<!\d)(\d{5})(?!\d)")
_DEPARTMENT = re.compile(r"^(\d{1,3}|2a|2b)$")


def fold(text: str) -> str:
    """Lower case, no accents, ligatures spelt out."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def normalise_name(text: str) -> str:
    """The comparison key of a place name: 'Saint-Étienne' == 'ST ETIENNE' == 'st-etienne'."""
    tokens = []
    for token in re.findall(r"[a-z0-9]+", fold(text)):
        if token in _DROPPED:
            continue
        token = _ABBREVIATIONS.get(token, token)
        ordinal = _ORDINAL.match(token)
        if ordinal:
            token = str(int(ordinal.group(1)))
        tokens.append(token)
    return " ".join(tokens)


def split_postcode(query: str) -> tuple[str, str]:
    """(postcode, rest of the query): '75011 Paris' -> ('75011', 'Paris').

    A query of four digits alone is a postcode whose leading zero was lost ('1000' -> '01000').
    """
    stripped = query.strip()
    if re.fullmatch(r"\d{4}", stripped):
        return "0" + stripped, ""
    match = _POSTCODE.search(stripped)
    if not match:
        return "", stripped
    rest = (stripped[: match.start()] + " " + stripped[match.end() :]).strip(" ,;-")
    return match.group(1), rest


def department_of_postcode(postcode: str) -> str:
    """'75011' -> '75', '97400' -> '974', '20000' (Corsica, 2A or 2B) -> '20'."""
    return postcode[:3] if postcode[:2] in ("97", "98") else postcode[:2]


def split_department(key: str) -> tuple[str, str]:
    """('saint denis', '93') from the normalised 'saint denis 93'; ('', …) when absent."""
    head, _, last = key.rpartition(" ")
    if head and _DEPARTMENT.match(last):
        return head, "20" if last in ("2a", "2b") else last.zfill(2)
    return key, ""
