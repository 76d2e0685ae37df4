"""The arXiv subject taxonomy: category codes, their human names, and normalising.

Owns the table of every arXiv archive and category ("cs.CL" → "Computation
and Language", "astro-ph.CO" → "Cosmology and Nongalactic Astrophysics") and
three questions asked of it: what is the canonical spelling of a code
(:func:`normalize_code`), which full code a bare category printed by a site
means ("CL" → "cs.CL", :func:`expand_bare`), and what a person calls it
(:func:`human_name`).  Bare codes resolve to Computer Science first, then to
the one other archive that has them; a bare code several other archives share
("SP": eess.SP or math.SP) is ambiguous and resolves to nothing.
"""

from __future__ import annotations

import re

ARCHIVES: dict[str, str] = {
    "cs": "Computer Science",
    "econ": "Economics",
    "eess": "Electrical Engineering and Systems Science",
    "math": "Mathematics",
    "astro-ph": "Astrophysics",
    "cond-mat": "Condensed Matter",
    "gr-qc": "General Relativity and Quantum Cosmology",
    "hep-ex": "High Energy Physics - Experiment",
    "hep-lat": "High Energy Physics - Lattice",
    "hep-ph": "High Energy Physics - Phenomenology",
    "hep-th": "High Energy Physics - Theory",
    "math-ph": "Mathematical Physics",
    "nlin": "Nonlinear Sciences",
    "nucl-ex": "Nuclear Experiment",
    "nucl-th": "Nuclear Theory",
    "physics": "Physics",
    "quant-ph": "Quantum Physics",
    "q-bio": "Quantitative Biology",
    "q-fin": "Quantitative Finance",
    "stat": "Statistics",
}

_SUBJECTS: dict[str, dict[str, str]] = {
    "cs": {
        "AI": "Artificial Intelligence",
        "AR": "Hardware Architecture",
        "CC": "Computational Complexity",
        "CE": "Computational Engineering, Finance, and Science",
        "CG": "Computational Geometry",
        "CL": "Computation and Language",
        "CR": "Cryptography and Security",
        "CV": "Computer Vision and Pattern Recognition",
        "CY": "Computers and Society",
        "DB": "Databases",
        "DC": "Distributed, Parallel, and Cluster Computing",
        "DL": "Digital Libraries",
        "DM": "Discrete Mathematics",
        "DS": "Data Structures and Algorithms",
        "ET": "Emerging Technologies",
        "FL": "Formal Languages and Automata Theory",
        "GL": "General Literature",
        "GR": "Graphics",
        "GT": "Computer Science and Game Theory",
        "HC": "Human-Computer Interaction",
        "IR": "Information Retrieval",
        "IT": "Information Theory",
        "LG": "Machine Learning",
        "LO": "Logic in Computer Science",
        "MA": "Multiagent Systems",
        "MM": "Multimedia",
        "MS": "Mathematical Software",
        "NA": "Numerical Analysis",
        "NE": "Neural and Evolutionary Computing",
        "NI": "Networking and Internet Architecture",
        "OH": "Other Computer Science",
        "OS": "Operating Systems",
        "PF": "Performance",
        "PL": "Programming Languages",
        "RO": "Robotics",
        "SC": "Symbolic Computation",
        "SD": "Sound",
        "SE": "Software Engineering",
        "SI": "Social and Information Networks",
        "SY": "Systems and Control",
    },
    "econ": {
        "EM": "Econometrics",
        "GN": "General Economics",
        "TH": "Theoretical Economics",
    },
    "eess": {
        "AS": "Audio and Speech Processing",
        "IV": "Image and Video Processing",
        "SP": "Signal Processing",
        "SY": "Systems and Control",
    },
    "math": {
        "AC": "Commutative Algebra",
        "AG": "Algebraic Geometry",
        "AP": "Analysis of PDEs",
        "AT": "Algebraic Topology",
        "CA": "Classical Analysis and ODEs",
        "CO": "Combinatorics",
        "CT": "Category Theory",
        "CV": "Complex Variables",
        "DG": "Differential Geometry",
        "DS": "Dynamical Systems",
        "FA": "Functional Analysis",
        "GM": "General Mathematics",
        "GN": "General Topology",
        "GR": "Group Theory",
        "GT": "Geometric Topology",
        "HO": "History and Overview",
        "IT": "Information Theory",
        "KT": "K-Theory and Homology",
        "LO": "Logic",
        "MG": "Metric Geometry",
        "MP": "Mathematical Physics",
        "NA": "Numerical Analysis",
        "NT": "Number Theory",
        "OA": "Operator Algebras",
        "OC": "Optimization and Control",
        "PR": "Probability",
        "QA": "Quantum Algebra",
        "RA": "Rings and Algebras",
        "RT": "Representation Theory",
        "SG": "Symplectic Geometry",
        "SP": "Spectral Theory",
        "ST": "Statistics Theory",
    },
    "astro-ph": {
        "CO": "Cosmology and Nongalactic Astrophysics",
        "EP": "Earth and Planetary Astrophysics",
        "GA": "Astrophysics of Galaxies",
        "HE": "High Energy Astrophysical Phenomena",
        "IM": "Instrumentation and Methods for Astrophysics",
        "SR": "Solar and Stellar Astrophysics",
    },
    "cond-mat": {
        "dis-nn": "Disordered Systems and Neural Networks",
        "mes-hall": "Mesoscale and Nanoscale Physics",
        "mtrl-sci": "Materials Science",
        "other": "Other Condensed Matter",
        "quant-gas": "Quantum Gases",
        "soft": "Soft Condensed Matter",
        "stat-mech": "Statistical Mechanics",
        "str-el": "Strongly Correlated Electrons",
        "supr-con": "Superconductivity",
    },
    "nlin": {
        "AO": "Adaptation and Self-Organizing Systems",
        "CD": "Chaotic Dynamics",
        "CG": "Cellular Automata and Lattice Gases",
        "PS": "Pattern Formation and Solitons",
        "SI": "Exactly Solvable and Integrable Systems",
    },
    "physics": {
        "acc-ph": "Accelerator Physics",
        "ao-ph": "Atmospheric and Oceanic Physics",
        "app-ph": "Applied Physics",
        "atm-clus": "Atomic and Molecular Clusters",
        "atom-ph": "Atomic Physics",
        "bio-ph": "Biological Physics",
        "chem-ph": "Chemical Physics",
        "class-ph": "Classical Physics",
        "comp-ph": "Computational Physics",
        "data-an": "Data Analysis, Statistics and Probability",
        "ed-ph": "Physics Education",
        "flu-dyn": "Fluid Dynamics",
        "gen-ph": "General Physics",
        "geo-ph": "Geophysics",
        "hist-ph": "History and Philosophy of Physics",
        "ins-det": "Instrumentation and Detectors",
        "med-ph": "Medical Physics",
        "optics": "Optics",
        "plasm-ph": "Plasma Physics",
        "pop-ph": "Popular Physics",
        "soc-ph": "Physics and Society",
        "space-ph": "Space Physics",
    },
    "q-bio": {
        "BM": "Biomolecules",
        "CB": "Cell Behavior",
        "GN": "Genomics",
        "MN": "Molecular Networks",
        "NC": "Neurons and Cognition",
        "OT": "Other Quantitative Biology",
        "PE": "Populations and Evolution",
        "QM": "Quantitative Methods",
        "SC": "Subcellular Processes",
        "TO": "Tissues and Organs",
    },
    "q-fin": {
        "CP": "Computational Finance",
        "EC": "Economics",
        "GN": "General Finance",
        "MF": "Mathematical Finance",
        "PM": "Portfolio Management",
        "PR": "Pricing of Securities",
        "RM": "Risk Management",
        "ST": "Statistical Finance",
        "TR": "Trading and Market Microstructure",
    },
    "stat": {
        "AP": "Applications",
        "CO": "Computation",
        "ME": "Methodology",
        "ML": "Machine Learning",
        "OT": "Other Statistics",
        "TH": "Statistics Theory",
    },
}

# Archives that are themselves a category (no subject part): "hep-th", "quant-ph".
_STANDALONE = ("gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math-ph", "nucl-ex",
               "nucl-th", "quant-ph")  # fmt: skip

CATEGORIES: dict[str, str] = {
    f"{archive}.{sub}": name for archive, subs in _SUBJECTS.items() for sub, name in subs.items()
}
CATEGORIES.update({archive: ARCHIVES[archive] for archive in _STANDALONE})

# Upper-cased lookup key → canonical code ("CS.CL" → "cs.CL", "HEP-TH" → "hep-th").
_CANONICAL: dict[str, str] = {code.upper(): code for code in CATEGORIES}
_CANONICAL.update({archive.upper(): archive for archive in ARCHIVES})


def _bare_table() -> dict[str, str | None]:
    """Bare subject ("CL") → full code; None where several non-cs archives share it."""
    owners: dict[str, list[str]] = {}
    for archive, subs in _SUBJECTS.items():
        for sub in subs:
            owners.setdefault(sub.upper(), []).append(f"{archive}.{sub}")
    table: dict[str, str | None] = {}
    for bare, codes in owners.items():
        cs = [c for c in codes if c.startswith("cs.")]
        table[bare] = cs[0] if cs else (codes[0] if len(codes) == 1 else None)
    for archive in _STANDALONE:
        table[archive.upper()] = archive
    return table


_BARE = _bare_table()
_CODE_SHAPE = re.compile(r"[A-Za-z][A-Za-z-]{0,9}(?:\.[A-Za-z][A-Za-z-]{0,9})?")


def normalize_code(code: str) -> str | None:
    """The canonical spelling of an arXiv category code, or None if it is not one.

    Accepts any case and surrounding space or brackets: " CS.cl " → "cs.CL",
    "(astro-ph.CO)" → "astro-ph.CO", "hep-th" → "hep-th", "math" → "math".
    Bare subjects ("CL") are not codes here; see :func:`expand_bare`.
    """
    key = code.strip().strip("()[]").strip().upper()
    if "." not in key and key not in _CANONICAL:
        return None
    if "." not in key and key.lower() not in ARCHIVES:
        return None
    return _CANONICAL.get(key)


def expand_bare(category: str) -> str | None:
    """The full code for a category as a site prints it: "CL" → "cs.CL", "ML" → "stat.ML".

    A full code is normalised and returned as is.  Computer Science wins where
    it has the subject; otherwise the one archive that has it; an ambiguous or
    unknown category gives None.
    """
    text = category.strip().strip("()[]").strip()
    if not text or not _CODE_SHAPE.fullmatch(text):
        return None
    full = normalize_code(text)
    if full is not None:
        return full
    return _BARE.get(text.upper())


def is_known_bare(category: str) -> bool:
    """True if ``category`` is a bare subject some archive has ("CL", "SP"), ambiguous or not."""
    return category.strip().upper() in _BARE


def human_name(code: str) -> str | None:
    """What a person calls a category: "cs.CL" → "Computation and Language".

    Bare subjects ("CL") and archives ("astro-ph") are accepted too.
    """
    full = expand_bare(code)
    if full is None:
        return None
    return CATEGORIES.get(full) or ARCHIVES.get(full)


def archive_of(code: str) -> str | None:
    """The archive a code belongs to: "cs.CL" → "cs", "hep-th" → "hep-th"."""
    full = expand_bare(code)
    if full is None:
        return None
    return full.split(".", 1)[0]


def display(code: str) -> str:
    """A label for lists: "Computation and Language (cs.CL)", or the code if unknown."""
    name = human_name(code)
    full = expand_bare(code) or code
    return f"{name} ({full})" if name else code


def normalize_topic(text: str, default_archive: str | None = None) -> str | None:
    """The code the library stores for a topic as a source gives it: a full
    code normalised, a bare subject expanded ("CL" → "cs.CL"); with
    ``default_archive`` an ambiguous bare subject resolves within that archive
    ("CO" with "astro-ph" → "astro-ph.CO").  None when it is no subject code."""
    t = (text or "").strip().strip("()[]").strip()
    if not t:
        return None
    if default_archive and "." not in t:
        full = normalize_code(f"{default_archive}.{t}")
        if full is not None:
            return full
    return expand_bare(t)


def topic_name(code: str) -> str:
    """The human name of a stored topic code; the code itself when unknown."""
    return human_name(code) or code
