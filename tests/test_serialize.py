from triangulate import serialize
from triangulate.model import Claim, DocSpan, Entity, Geo, Quantity, Span, TimeRange


def test_nested_claim_round_trips() -> None:
    claim = Claim(
        3,
        30,
        "x" * 27,
        speaker=Span(0, 2),
        speaker_text="He",
        cue=Span(31, 35),
        via=("the agency", "officials"),
        stance="hedged",
        time=TimeRange("2020-01", "2020-02", "month"),
        quantities=(Quantity(5, 12, "7 ships", 7, "ship", "about"),),
    )
    assert serialize.loads(Claim, serialize.dumps(claim)) == claim


def test_integers_come_back_as_floats_where_the_model_says_float() -> None:
    quantity = serialize.from_data(
        Quantity, {"start": 0, "end": 1, "text": "3", "value": 3, "unit": "ship"}
    )
    assert isinstance(quantity.value, float)


def test_optional_nested_dataclass() -> None:
    entity = Entity(
        "e1", "Lyon", "location", ("Lyon",), (DocSpan("d1", 0, 4),), Geo(45.75, 4.85, "FR")
    )
    assert serialize.loads(Entity, serialize.dumps(entity)) == entity
    plain = Entity("e2", "Acme", "organization")
    assert serialize.loads(Entity, serialize.dumps(plain)).geo is None
