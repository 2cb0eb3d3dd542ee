from conftest import MINIMAL, findings, lint


def test_minimal_fixture_is_clean() -> None:
    # The passing case of every rule: the fixture exercises each of them and none fires.
    assert findings(MINIMAL) == []
    assert lint(MINIMAL).exit_code == 0
