"""The arXiv subject taxonomy as users meet it: codes on listings (bare "CL" or
full "astro-ph.CO"), human names in the sidebar, ambiguous codes left alone."""

from __future__ import annotations

import pytest

from readinglist.core import topics
from readinglist.core.topics import human_name, normalize_topic, topic_name


@pytest.mark.parametrize(
    ("bare", "code", "name"),
    [
        ("CL", "cs.CL", "Computation and Language"),
        ("LG", "cs.LG", "Machine Learning"),
        ("CV", "cs.CV", "Computer Vision and Pattern Recognition"),
        ("RO", "cs.RO", "Robotics"),
        ("AI", "cs.AI", "Artificial Intelligence"),
        ("SD", "cs.SD", "Sound"),
        ("IR", "cs.IR", "Information Retrieval"),
        ("DC", "cs.DC", "Distributed, Parallel, and Cluster Computing"),
        ("AR", "cs.AR", "Hardware Architecture"),
        ("HC", "cs.HC", "Human-Computer Interaction"),
        ("SY", "cs.SY", "Systems and Control"),  # cs wins over eess
        ("IT", "cs.IT", "Information Theory"),  # cs wins over math
        ("ML", "stat.ML", "Machine Learning"),  # only stat has it
        ("AS", "eess.AS", "Audio and Speech Processing"),
        ("IV", "eess.IV", "Image and Video Processing"),
        ("cl", "cs.CL", "Computation and Language"),
    ],
)
def test_bare_categories(bare, code, name):
    assert topics.expand_bare(bare) == code
    assert human_name(bare) == name
    assert human_name(code) == name


@pytest.mark.parametrize("bare", ["SP", "CO", "GN", "PR", "ST", "XX", "", "C L", "toolongcode"])
def test_ambiguous_or_unknown_bare_categories_resolve_to_nothing(bare):
    assert topics.expand_bare(bare) is None
    assert human_name(bare) is None


@pytest.mark.parametrize(
    ("raw", "code", "name"),
    [
        ("cs.CL", "cs.CL", "Computation and Language"),
        (" CS.cl ", "cs.CL", "Computation and Language"),
        ("(astro-ph.CO)", "astro-ph.CO", "Cosmology and Nongalactic Astrophysics"),
        ("stat.ML", "stat.ML", "Machine Learning"),
        ("math.AG", "math.AG", "Algebraic Geometry"),
        ("math.PR", "math.PR", "Probability"),
        ("physics.optics", "physics.optics", "Optics"),
        ("cond-mat.mes-hall", "cond-mat.mes-hall", "Mesoscale and Nanoscale Physics"),
        ("cond-mat.mtrl-sci", "cond-mat.mtrl-sci", "Materials Science"),
        ("q-bio.NC", "q-bio.NC", "Neurons and Cognition"),
        ("q-fin.ST", "q-fin.ST", "Statistical Finance"),
        ("econ.EM", "econ.EM", "Econometrics"),
        ("eess.SP", "eess.SP", "Signal Processing"),
        ("nlin.CD", "nlin.CD", "Chaotic Dynamics"),
        ("hep-th", "hep-th", "High Energy Physics - Theory"),
        ("HEP-PH", "hep-ph", "High Energy Physics - Phenomenology"),
        ("quant-ph", "quant-ph", "Quantum Physics"),
        ("gr-qc", "gr-qc", "General Relativity and Quantum Cosmology"),
        ("nucl-th", "nucl-th", "Nuclear Theory"),
    ],
)
def test_full_codes(raw, code, name):
    assert topics.normalize_code(raw) == code
    assert normalize_topic(raw) == code
    assert human_name(raw) == name
    assert topic_name(code) == name


@pytest.mark.parametrize("raw", ["cs.XX", "foo.CL", "CL", "", "cs."])
def test_not_codes(raw):
    assert topics.normalize_code(raw) is None


def test_every_archive_has_categories_with_names():
    archives = {code.split(".")[0] for code in topics.CATEGORIES}
    assert {"cs", "math", "stat", "eess", "econ", "astro-ph", "cond-mat", "physics", "q-bio",
            "q-fin", "nlin", "hep-th", "quant-ph"} <= archives  # fmt: skip
    assert len(topics.CATEGORIES) > 150
    assert all(name and name.strip() == name for name in topics.CATEGORIES.values())
    assert len([c for c in topics.CATEGORIES if c.startswith("cs.")]) == 40


def test_archive_and_display():
    assert topics.archive_of("CL") == "cs"
    assert topics.archive_of("hep-th") == "hep-th"
    assert topics.display("CL") == "Computation and Language (cs.CL)"
    assert topics.display("XX") == "XX"
    assert human_name("astro-ph") == "Astrophysics"


def test_unknown_code_keeps_its_spelling_as_a_name():
    assert topic_name("unknown.XX") == "unknown.XX"


def test_bare_code_with_archive_context():
    assert normalize_topic("CO", "astro-ph") == "astro-ph.CO"
    assert normalize_topic("SP", "eess") == "eess.SP"
    assert normalize_topic("CL") == "cs.CL"
    assert normalize_topic("Code") is None
    assert normalize_topic("") is None
