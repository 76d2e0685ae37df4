"""alphaXiv profile page (format 1) and compact listing (format 2): every field of
every entry of the two seed pastes, the profile header, splitting glued
title+author lines by the shape of an author list, and pastes re-arranged the
way real users make them (entries dropped, blank lines, CRLF, NBSP, pasted
twice, cut off mid-entry).

The tables below were written from reading the seed files entry by entry
(the abstract columns are the first and last 45 characters as printed).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import alphaxiv, alphaxiv_compact, detect
from readinglist.importers.listing._alphaxiv_grammar import parse_author_line, split_glued

REF = ParseContext(reference_date=date(2026, 11, 22))

# fmt: off
PROFILE_ENTRIES = [
    # title, authors, authors_truncated, organization, date, topics, has_code, abstract start, end
    ('Locate, Steer, and Improve: A Practical Survey of Actionable Mechanistic Interpretability in Large Language Models', ['Hengyuan Zhang', 'Zhihao Zhang', 'Mingyang Wang'], True, None, '2026-01-20', ['cs.CL'], True, 'Mechanistic Interpretability (MI) has emerged', 'om/rattlesnakey/Awesome-Actionable-MI-Survey.'),
    ('DyBit: Dynamic Bit-Precision Numbers for Efficient Quantized Neural Network Inference', ['Jiajun Zhou', 'Jiajun Wu', 'Yizhao Gao'], True, None, '2023-02-24', ['cs.LG'], False, 'To accelerate the inference of deep neural ne', '.1x speedup compared with the original model.'),
    ('SpikeMOT: Event-based Multi-Object Tracking with Sparse Motion Features', ['Song Wang', 'Zhu Wang', 'Can Li'], True, None, '2023-09-29', ['cs.CV'], False, 'In comparison to conventional RGB cameras, th', 'the-art in event-based multi-object tracking.'),
    ('Learning to See through Illumination Extremes with Event Streaming in Multimodal Large Language Models', ['Baoheng Zhang', 'Jiahui Liu', 'Gui Zhao'], True, None, '2026-03-29', ['cs.CV'], False, 'Multimodal Large Language Models (MLLMs) perf', 'and reasoning under challenging illumination.'),
    ('SeerAttention: Learning Intrinsic Sparse Attention in Your LLMs', ['Yizhao Gao', 'Zhichen Zeng', 'Dayou Du'], True, 'microsoft-research', '2024-10-17', ['cs.CL'], True, 'Attention is the cornerstone of modern Large ', 't: https://github.com/microsoft/SeerAttention'),
    ('Beyond Outliers: A Data-Free Layer-wise Mixed-Precision Quantization Approach Driven by Numerical and Structural Dual-Sensitivity', ['Hengyuan Zhang', 'Xinrong Chen', 'Zunhai Su'], True, None, '2026-03-18', ['cs.LG'], False, 'Layer-wise mixed-precision quantization (LMPQ', 'sks, without relying on any calibration data.'),
    ('TreeReview: A Dynamic Tree of Questions Framework for Deep and Efficient LLM-based Scientific Peer Review', ['Yuan Chang', 'Ziyue Li', 'Hengyuan Zhang'], True, None, '2025-06-09', ['cs.CL'], True, 'While Large Language Models (LLMs) have shown', 't https://github.com/YuanChang98/tree-review.'),
    ('Co-designing a Sub-millisecond Latency Event-based Eye Tracking System with Submanifold Sparse CNN', ['Baoheng Zhang', 'Yizhao Gao', 'Jingyuan Li'], True, None, '2024-04-22', ['cs.CV'], True, 'Eye-tracking technology is integral to numero', '//github.com/CASR-HKU/ESDA/tree/eye_tracking.'),
    ('SeerAttention-R: Sparse Attention Adaptation for Long Reasoning', ['Yizhao Gao', 'Shuming Guo', 'Shijie Cao'], True, 'tsinghua', '2025-06-10', ['cs.LG'], True, 'We introduce SeerAttention-R, a sparse attent', ': https://github.com/microsoft/SeerAttention.'),
    ('GuiLoMo: Allocating Expert Number and Rank for LoRA-MoE via Bilevel Optimization with GuidedSelection Vectors', ['Hengyuan Zhang', 'Xinrong Chen', 'Yingmin Qiu'], True, None, '2025-06-17', ['cs.CL'], True, 'Parameter-efficient fine-tuning (PEFT) method', 'e at https://github.com/Liar406/Gui-LoMo.git.'),
    ('Event-Based Eye Tracking. AIS 2024 Challenge Survey', ['Zuowen Wang', 'Chang Gao', 'Zongwei Wu'], True, None, '2024-04-17', ['cs.CV'], False, 'This survey reviews the AIS 2024 Event-Based ', 'nce future event-based eye tracking research.'),
    ('Train Short, Inference Long: Training-free Horizon Extension for Autoregressive Video Generation', ['Jia Li', 'Xiaomeng Fu', 'Xurui Peng'], True, None, '2026-02-15', ['cs.CV'], False, 'Autoregressive video diffusion models have em', 'io/FLEX_demo}{https://ga-lee.github.io/FLEX}.'),
    ('Residual Decoding: Mitigating Hallucinations in Large Vision-Language Models via History-Aware Residual Guidance', ['Xinrong Chen', 'Xu Chu', 'Yingmin Qiu'], True, None, '2026-02-01', ['cs.CV'], False, 'Large Vision-Language Models (LVLMs) can reas', 'hmarks, highlighting its broad applicability.'),
    ('Find Your Optimal Teacher: Personalized Data Synthesis via Router-Guided Multi-Teacher Distillation', ['Hengyuan Zhang', 'Shiping Yang', 'Xiao Liang'], True, None, '2025-10-13', ['cs.LG'], False, 'Training student models on synthetic data gen', 'ers extra insights to propel future research.'),
]

COMPACT_ENTRIES = [
    # title, authors, authors_truncated, date, topics, has_code, score, abstract start, end
    ('SparseAdapter: An Easy Approach for Improving the Parameter-Efficiency of Adapters', ['Shwai He', 'Liang Ding', 'Daize Dong'], True, '2022-10-09', ['cs.CL'], True, None, 'Adapter Tuning, which freezes the pretrained ', 't: https://github.com/Shwai-He/SparseAdapter.'),
    ('Merging Experts into One: Improving Computational Efficiency of Mixture of Experts', ['Shwai He', 'Run-Ze Fan', 'Liang Ding'], True, '2023-10-15', ['cs.CL'], True, None, 'Scaling the size of language models usually l', 'ed at: \\url{https://github.com/Shwai-He/MEO}.'),
    ('PAD-Net: An Efficient Framework for Dynamic Networks', ['Shwai He', 'Liang Ding', 'Daize Dong'], True, '2022-11-10', ['cs.LG'], True, None, 'Dynamic networks, e.g., Dynamic Convolution (', 't: \\url{https://github.com/Shwai-He/PAD-Net}.'),
    ('Vega-MT: The JD Explore Academy Translation System for WMT22', ['Changtong Zan', 'Keqin Peng', 'Liang Ding'], True, '2022-09-20', ['cs.CL'], False, None, "We describe the JD Explore Academy's submissi", 'En-Cs (95.3) and Ja-En (40.6)}, respectively.'),
    ('MerA: Merging Pretrained Adapters For Few-Shot Learning', ['Shwai He', 'Run-Ze Fan', 'Liang Ding'], True, '2023-08-30', ['cs.CL'], False, None, 'Adapter tuning, which updates only a few para', 'argin, e.g., 3.5\\% in MRPC and 5.0\\% in MNLI.'),
    ('Demystifying When Pruning Works via Representation Hierarchies', ['Shwai He', 'Guoheng Sun', 'Haichao Zhang'], True, '2026-03-25', ['cs.CL'], True, 68.6, 'Network pruning, which removes less important', 'b.com/CASE-Lab-UMD/Pruning-on-Representations'),
    ('Understanding and Harnessing Sparsity in Unified Multimodal Models', ['Shwai He', 'Chaorui Deng', 'Ang Li'], True, '2025-12-02', ['cs.CV'], True, None, 'Large multimodal models have achieved remarka', '.com/Shwai-He/SparseUnifiedModel}{this link}.'),
    ('Reflection-Tuning: Data Recycling Improves LLM Instruction-Tuning', ['Ming Li', 'Lichang Chen', 'Jiuhai Chen'], True, '2023-10-18', ['cs.CL'], False, None, 'Recent advancements in Large Language Models ', 'with existing datasets in various benchmarks.'),
    ('SD-Conv: Towards the Parameter-Efficiency of Dynamic Convolution', ['Shwai He', 'Chenbo Jiang', 'Daize Dong'], True, '2022-04-05', ['cs.CV'], False, None, 'Dynamic convolution achieves better performan', 'rnative to conventional dynamic convolutions.'),
    ('Reformatted Alignment', ['Run-Ze Fan', 'Xuefeng Li', 'Haoyang Zou'], True, '2024-02-19', ['cs.CL'], True, None, 'The quality of finetuning data is crucial for', 'udies at https://github.com/GAIR-NLP/ReAlign.'),
    ('Making Large Language Models Efficient Dense Retrievers', ['Yibin Lei', 'Shwai He', 'Ang Li'], True, '2025-12-23', ['cs.IR'], False, None, 'Recent work has shown that directly fine-tuni', 'eserving the performance of full-size models.'),
    ('CoIn: Counting the Invisible Reasoning Tokens in Commercial Opaque LLM APIs', ['Guoheng Sun', 'Ziyao Wang', 'Bowei Tian'], True, '2025-05-19', ['cs.AI'], True, None, 'As post-training techniques evolve, large lan', '://github.com/CASE-Lab-UMD/LLM-Auditing-CoIn.'),
    ('Router-Tuning: A Simple and Effective Approach for Enabling Dynamic-Depth in Transformers', ['Shwai He', 'Tao Ge', 'Guoheng Sun'], True, '2024-10-17', ['cs.CL'], True, None, 'Traditional transformer models often allocate', 'ttps://github.com/CASE-Lab-UMD/Router-Tuning.'),
    ('Rethinking Pruning for Vision-Language Models: Strategies for Effective Sparsity and Performance Restoration', ['Shwai He', 'Ang Li', 'Tianlong Chen'], False, '2024-04-03', ['cs.LG'], True, None, 'Vision-Language Models (VLMs) integrate infor', 'https://github.com/Shwai-He/VLM-Compression}.'),
    ('ThinkJEPA: Empowering Latent World Models with Large Vision-Language Reasoning Model', ['Haichao Zhang', 'Yijiang Li', 'Shwai He'], True, '2026-03-23', ['cs.CV'], False, 75.6, 'Recent progress in latent world models (e.g.,', 'ds more robust long-horizon rollout behavior.'),
    ('MoEless: Efficient MoE LLM Serving via Serverless Computing', ['Hanfei Yu', 'Bei Ouyang', 'Shwai He'], True, '2026-03-06', ['cs.DC'], True, None, 'Large Language Models (LLMs) have become a co', 'y 84% compared to state-of-the-art solutions.'),
    ('Superfiltering: Weak-to-Strong Data Filtering for Fast Instruction-Tuning', ['Ming Li', 'Yong Zhang', 'Shwai He'], True, '2024-02-01', ['cs.CL'], False, None, 'Instruction tuning is critical to improve LLM', ' the efficacy and efficiency of our approach.'),
    ('What Matters in Transformers? Not All Attention is Needed', ['Shwai He', 'Guoheng Sun', 'Zheyu Shen'], True, '2024-06-22', ['cs.LG'], True, None, 'While scaling Transformer-based large languag', ': \\url{https://github.com/Shwai-He/LLM-Drop}.'),
    ('Towards Efficient Mixture of Experts: A Holistic Study of Compression Techniques', ['Shwai He', 'Daize Dong', 'Liang Ding'], True, '2024-06-04', ['cs.LG'], True, None, 'Scaling large language models has driven rema', 'hub.com/CASE-Lab-UMD/Unified-MoE-Compression.'),
    ('Towards counterfactual fairness through auxiliary variables', ['Bowei Tian', 'Ziyao Wang', 'Shwai He'], True, '2024-12-06', ['cs.LG'], True, None, 'The challenge of balancing fairness and predi', 'om/CASE-Lab-UMD/counterfactual_fairness_2025.'),
    ('Selective Reflection-Tuning: Student-Selected Data Recycling for LLM Instruction-Tuning', ['Ming Li', 'Lichang Chen', 'Jiuhai Chen'], True, '2024-02-15', ['cs.CL'], False, None, 'Instruction tuning is critical to large langu', 'e much stronger and top-tier 7B and 13B LLMs.'),
    ('SymRTLO: Enhancing RTL Code Optimization with LLMs and Neuron-Inspired Symbolic Reasoning', ['Yiting Wang', 'Wanghao Ye', 'Ping Guo'], True, '2025-04-14', ['cs.AR'], False, None, 'Optimizing Register Transfer Level (RTL) code', 'ly, compared to the state-of-the-art methods.'),
    ('Capacity-Aware Inference: Mitigating the Straggler Effect in Mixture of Experts', ['Shwai He', 'Weilin Cai', 'Jiayi Huang'], True, '2025-03-07', ['cs.LG'], False, None, 'The Mixture of Experts (MoE) is an effective ', 'ement and a {1.85$\\times$} inference speedup.'),
    ('Cognibit: From Digital Exhaustion to Real-World Connection Through Gamified Territory Control and LLM-Powered Twin Networking', ['Wanghao Ye', 'Sihan Chen', 'Yiting Wang'], True, '2026-04-06', ['cs.HC'], False, 95.0, 'We present an LLM-powered social discovery pl', 'main hidden in component-level testing alone.'),
    ('Dense Video Understanding with Gated Residual Tokenization', ['Haichao Zhang', 'Wenhao Chai', 'Shwai He'], True, '2025-09-17', ['cs.CV'], False, None, 'High temporal resolution is essential for cap', 'cient, scalable high-FPS video understanding.'),
    ('DualSparse-MoE: Coordinating Tensor/Neuron-Level Sparsity with Expert Partition and Reconstruction', ['Weilin Cai', 'Le Qin', 'Shwai He'], True, '2025-08-25', ['cs.LG'], False, None, 'Mixture of Experts (MoE) has become a mainstr', ' with just 0.5% average accuracy degradation.'),
    ('CogniPair: From LLM Chatbots to Conscious AI Agents -- GNWT-Based Multi-Agent Digital Twins for Social Pairing -- Dating & Hiring Applications', ['Wanghao Ye', 'Sihan Chen', 'Yiting Wang'], True, '2025-06-04', ['cs.AI'], False, None, 'Current large language model (LLM) agents lac', 'dating platforms and HR technology solutions.'),
    ('Fair Diagnosis: Leveraging Causal Modeling to Mitigate Medical Bias', ['Bowei Tian', 'Yexiao He', 'Meng Liu'], True, '2024-12-06', ['cs.CV'], False, None, 'In medical image analysis, model predictions ', 'AI-powered clinical decision support systems.'),
    ('Loki: Low-rank Keys for Efficient Sparse Attention', ['Prajwal Singhania', 'Siddharth Singh', 'Shwai He'], True, '2024-06-04', ['cs.LG'], False, None, 'Inference on large language models (LLMs) can', 'ter than other popular approximation methods.'),
    ('Multi-modal Attention Network for Stock Movements Prediction', ['Shwai He', 'Shi Gu'], False, '2021-12-27', ['cs.LG'], False, None, 'Stock prices move as piece-wise trending fluc', 'lti-modality fusion towards stock prediction.'),
]
# fmt: on


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = seeds_dir.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def profile_text(seeds_dir: Path) -> str:
    return _seed(seeds_dir, "000")


@pytest.fixture
def compact_text(seeds_dir: Path) -> str:
    return _seed(seeds_dir, "002")


# --- the profile seed -------------------------------------------------------


def test_profile_seed_is_detected_and_counted(profile_text):
    assert detect.detect(profile_text) == "alphaxiv"
    result = detect.parse_text(profile_text, REF)
    assert result.format == "alphaxiv"
    assert len(result.entries) == len(PROFILE_ENTRIES) == 14
    assert result.warnings == []


def test_profile_header_becomes_profile(profile_text):
    profile = detect.parse_text(profile_text, REF).profile
    assert profile is not None
    assert profile["name"] == "Hayden Kwok-Hay So"
    assert profile["h_index"] == 98
    assert profile["paper_count"] == 14
    assert profile["citations"] == 234
    assert profile["novelty"] == 52
    assert profile["ai_score"] == 58
    assert profile["listed"] == 14


def test_profile_owner_is_not_added_to_authors(profile_text):
    result = detect.parse_text(profile_text, REF)
    assert all("Hayden Kwok-Hay So" not in e.authors for e in result.entries)


@pytest.mark.parametrize("index", range(len(PROFILE_ENTRIES)))
def test_profile_entry_fields(profile_text, index):
    title, authors, truncated, org, iso, topics, code, start, end = PROFILE_ENTRIES[index]
    entry = detect.parse_text(profile_text, REF).entries[index]
    assert entry.title == title
    assert entry.authors == authors
    assert entry.authors_truncated is truncated
    assert entry.organization == org
    assert entry.date == iso
    assert entry.year == int(iso[:4])
    assert entry.topics == topics
    assert entry.has_code is code
    assert entry.abstract.startswith(start) and entry.abstract.endswith(end)
    assert "\n" not in entry.abstract
    assert entry.score is None and entry.upvotes is None and entry.author_count is None
    assert entry.needs_review is False
    assert title in entry.raw and entry.abstract in entry.raw


# --- the compact seed -------------------------------------------------------


def test_compact_seed_is_detected_and_counted(compact_text):
    assert detect.detect(compact_text) == "alphaxiv_compact"
    result = detect.parse_text(compact_text, REF)
    assert result.format == "alphaxiv_compact"
    assert len(result.entries) == len(COMPACT_ENTRIES) == 30
    assert result.profile is None
    assert result.warnings == []


@pytest.mark.parametrize("index", range(len(COMPACT_ENTRIES)))
def test_compact_entry_fields(compact_text, index):
    title, authors, truncated, iso, topics, code, score, start, end = COMPACT_ENTRIES[index]
    entry = detect.parse_text(compact_text, REF).entries[index]
    assert entry.title == title
    assert entry.authors == authors
    assert entry.authors_truncated is truncated
    assert entry.date == iso
    assert entry.year == int(iso[:4])
    assert entry.topics == topics
    assert entry.has_code is code
    assert entry.score == score
    assert entry.abstract.startswith(start) and entry.abstract.endswith(end)
    assert entry.organization is None
    assert entry.needs_review is False


def test_et_al_is_never_an_author(profile_text, compact_text):
    for text in (profile_text, compact_text):
        for entry in detect.parse_text(text, REF).entries:
            assert not any("et al" in a for a in entry.authors)


def test_year_less_dates_follow_the_reference_date(compact_text):
    early = ParseContext(reference_date=date(2026, 3, 24))
    entries = alphaxiv.parse(compact_text, early).entries
    by_title = {e.title: e for e in entries}
    # "Mar 25" is after 24 March 2026, so it is last year's 25 March
    assert (
        by_title["Demystifying When Pruning Works via Representation Hierarchies"].date
        == "2025-03-25"
    )
    assert (
        by_title[
            "ThinkJEPA: Empowering Latent World Models with Large Vision-Language Reasoning Model"
        ].date
        == "2026-03-23"
    )


# --- splitting glued title/author lines --------------------------------------

GLUED = [
    (
        "SparseAdapter: An Easy ApproachShwai He, Liang Ding et al.",
        "SparseAdapter: An Easy Approach",
        ["Shwai He", "Liang Ding"],
        True,
    ),
    (
        "Mixture of ExpertsRun-Ze Fan, Liang Ding",
        "Mixture of Experts",
        ["Run-Ze Fan", "Liang Ding"],
        False,
    ),
    (
        "Are LLMs Good Judges?Ana María Pérez, José Núñez et al.",
        "Are LLMs Good Judges?",
        ["Ana María Pérez", "José Núñez"],
        True,
    ),
    (
        "Benchmarking on MMLUJohn Smith, Mary Jones",
        "Benchmarking on MMLU",
        ["John Smith", "Mary Jones"],
        False,
    ),
    (
        "DyBit for WMT22Changtong Zan, Keqin Peng et al.",
        "DyBit for WMT22",
        ["Changtong Zan", "Keqin Peng"],
        True,
    ),
    (
        "Self-Attention with SeerAttentionYann LeCun, Julian J. McAuley",
        "Self-Attention with SeerAttention",
        ["Yann LeCun", "Julian J. McAuley"],
        False,
    ),
    (
        "PTQ1.61: Low-Bit Quantization (LLM)Ming Li, Wei Xu",
        "PTQ1.61: Low-Bit Quantization (LLM)",
        ["Ming Li", "Wei Xu"],
        False,
    ),
    (
        "Instruction-TuningMing Li, Lichang Chen et al.",
        "Instruction-Tuning",
        ["Ming Li", "Lichang Chen"],
        True,
    ),
    (
        "A Study of MoE-LLaMASiddharth Singh, Tommaso Di Noia",
        "A Study of MoE-LLaMA",
        ["Siddharth Singh", "Tommaso Di Noia"],
        False,
    ),
    (
        "GuidedSelection VectorsHengyuan Zhang et al.",
        "GuidedSelection Vectors",
        ["Hengyuan Zhang"],
        True,
    ),
    (
        "Dating & Hiring ApplicationsWanghao Ye, Sihan Chen, Yiting Wang et al.",
        "Dating & Hiring Applications",
        ["Wanghao Ye", "Sihan Chen", "Yiting Wang"],
        True,
    ),
    (
        "Why 3D Matters: Scaling to 10BQuoc V. Le, Łukasz Kaiser",
        "Why 3D Matters: Scaling to 10B",
        ["Quoc V. Le", "Łukasz Kaiser"],
        False,
    ),
    (
        "Conscious AI Agents -- GNWT-Based TwinsWanghao Ye, Sean O'Brien",
        "Conscious AI Agents -- GNWT-Based Twins",
        ["Wanghao Ye", "Sean O'Brien"],
        False,
    ),
    (
        "Efficient Training on GPUsShwai He, Shi Gu",
        "Efficient Training on GPUs",
        ["Shwai He", "Shi Gu"],
        False,
    ),
    (
        "Graph Neural Networks for 2024Zhang Wei",
        "Graph Neural Networks for 2024",
        ["Zhang Wei"],
        False,
    ),
]


@pytest.mark.parametrize(("line", "title", "authors", "truncated"), GLUED)
def test_glued_lines_split_by_author_list_shape(line, title, authors, truncated):
    split = split_glued(line)
    assert split is not None
    got_title, got_authors = split
    assert got_title == title
    assert got_authors.names == authors
    assert got_authors.truncated is truncated


@pytest.mark.parametrize(
    "line",
    [
        "SparseAdapter: An Easy Approach for Improving the Parameter-Efficiency of Adapters",
        "What Matters in Transformers? Not All Attention is Needed",
        "Vega-MT: The JD Explore Academy Translation System for WMT22",
        "Large Language Models (LLMs) are increasingly used in DeepSeek-style pipelines.",
    ],
)
def test_titles_without_authors_are_not_split(line):
    assert split_glued(line) is None


def test_author_line_with_organization_and_accents():
    line = parse_author_line(
        "Zoë Müller-Lüdenscheidt, Jean-Pierre Dupré et al. \u00b7 microsoft-research"
    )
    assert line is not None
    assert line.names == ["Zoë Müller-Lüdenscheidt", "Jean-Pierre Dupré"]
    assert line.truncated is True
    assert line.organization == "microsoft-research"


@pytest.mark.parametrize(
    "text",
    [
        "Mechanistic Interpretability (MI) has emerged as a vital approach to demystify LLMs.",
        "Attention is the cornerstone of modern Large Language Models",
        "et al.",
        "",
    ],
)
def test_prose_is_not_an_author_line(text):
    assert parse_author_line(text) is None


# --- re-arranged and damaged pastes ----------------------------------------


def _blocks(text: str) -> tuple[list[str], list[list[str]]]:
    """Split a seed into its preamble and its entries (header line onwards)."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if alphaxiv.header_match(line)]
    pre = lines[: starts[0]]
    blocks = [lines[s:e] for s, e in zip(starts, [*starts[1:], len(lines)], strict=True)]
    return pre, blocks


def test_dropping_entries_keeps_the_rest_and_warns_about_the_count(profile_text):
    pre, blocks = _blocks(profile_text)
    kept = blocks[::2]
    text = "\n".join(pre + [line for b in kept for line in b])
    result = detect.parse_text(text, REF)
    assert [e.title for e in result.entries] == [row[0] for row in PROFILE_ENTRIES[::2]]
    assert any("says 14 papers but 7 were found" in w for w in result.warnings)


def test_blank_lines_removed_or_added_change_nothing(profile_text):
    expected = [(row[0], row[1]) for row in PROFILE_ENTRIES]
    squeezed = "\n".join(line for line in profile_text.split("\n") if line.strip())
    spread = "\n\n\n".join(profile_text.split("\n"))
    for text in (squeezed, spread):
        result = detect.parse_text(text, REF)
        assert [(e.title, e.authors) for e in result.entries] == expected
        assert result.profile["name"] == "Hayden Kwok-Hay So"


def test_windows_line_endings_and_non_breaking_spaces(compact_text):
    text = (
        compact_text.replace("\n", "\r\n").replace(", ", ",\u00a0").replace("Mar 25", "Mar\u00a025")
    )
    result = detect.parse_text(text, REF)
    assert len(result.entries) == 30
    first = result.entries[0]
    assert first.authors == ["Shwai He", "Liang Ding", "Daize Dong"]
    assert result.entries[5].date == "2026-03-25"
    assert result.entries[5].score == 68.6


def test_pasted_twice_is_deduplicated_with_a_warning(profile_text, compact_text):
    for text, n in ((profile_text, 14), (compact_text, 30)):
        result = detect.parse_text(text + "\n" + text, REF)
        assert len(result.entries) == n
        assert any(f"{n} entries appear more than once" in w for w in result.warnings)


def test_profile_pasted_twice_keeps_header_out_of_abstracts(profile_text):
    result = detect.parse_text(profile_text + "\n\n" + profile_text, REF)
    last = result.entries[-1]
    assert last.abstract.endswith(PROFILE_ENTRIES[-1][-1])
    assert "h-index" not in last.abstract and "Hayden" not in last.abstract


def test_cut_mid_entry_gives_complete_entries_and_a_warning(compact_text):
    lines = compact_text.split("\n")
    # cut inside the 11th entry's glued title line
    cut = "\n".join(lines[:31] + [lines[31][:40]])
    result = detect.parse_text(cut, REF)
    assert [e.title for e in result.entries] == [row[0] for row in COMPACT_ENTRIES[:10]]
    assert any("cut off" in w for w in result.warnings)


def test_cut_after_a_header_line(profile_text):
    pre, blocks = _blocks(profile_text)
    text = "\n".join(pre + [line for b in blocks[:3] for line in b] + blocks[3][:1])
    result = detect.parse_text(text, REF)
    assert len(result.entries) == 3
    assert any("cut off" in w for w in result.warnings)


def test_cut_after_the_author_line_keeps_the_entry_but_warns(profile_text):
    pre, blocks = _blocks(profile_text)
    text = "\n".join(pre + [line for b in blocks[:2] for line in b] + blocks[2][:4])
    result = detect.parse_text(text, REF)
    assert len(result.entries) == 3
    assert result.entries[2].authors == ["Song Wang", "Zhu Wang", "Can Li"]
    assert any("has no abstract" in w for w in result.warnings)


def test_text_before_the_list_is_reported_not_lost(compact_text):
    text = "Some notes I wrote\nShow more\n" + compact_text
    result = detect.parse_text(text, REF)
    assert len(result.entries) == 30
    assert any("Some notes I wrote" in w for w in result.warnings)


def test_unknown_category_is_kept_as_a_warning():
    text = "ZZJan 3, 2024\nA Title About ThingsJane Doe, John Roe\nAn abstract sentence here."
    result = alphaxiv.parse(text, REF)
    (entry,) = result.entries
    assert entry.topics == []
    assert any("ZZ" in w for w in entry.warnings)
    assert entry.authors == ["Jane Doe", "John Roe"]


def test_full_category_codes_and_other_archives():
    text = (
        "astro-ph.COMar 3, 2024\nDark Energy Now\n\nAna Lima, Rui Costa\n\nWe measure things.\n\n"
        "MLFeb 2, 2024Code\nKernel Tricks\n\nAna Lima, Rui Costa et al.\n\nWe learn things.\n"
    )
    result = alphaxiv.parse(text, REF)
    assert [e.topics for e in result.entries] == [["astro-ph.CO"], ["stat.ML"]]
    assert result.entries[1].has_code is True


def test_sniffers_prefer_the_right_layout(profile_text, compact_text):
    assert alphaxiv.sniff(profile_text) > alphaxiv_compact.sniff(profile_text)
    assert alphaxiv_compact.sniff(compact_text) > alphaxiv.sniff(compact_text)
    assert alphaxiv.sniff(profile_text) >= 0.9


def test_other_formats_are_not_claimed(listings_dir, seeds_dir):
    others = [p for p in listings_dir.glob("*.txt")]
    others += [p for p in seeds_dir.glob("00[34]_*.txt")]
    for path in others:
        text = detect.normalize_text(path.read_text(encoding="utf-8"))
        assert alphaxiv.sniff(text) < 0.2, path.name
        assert alphaxiv_compact.sniff(text) < 0.2, path.name


def test_json_has_the_cli_fields(profile_text):
    data = detect.parse_text(profile_text, REF).to_json()
    entry = data["entries"][0]
    for key in (
        "title",
        "authors",
        "authors_truncated",
        "author_count",
        "date",
        "year",
        "topics",
        "has_code",
        "abstract",
        "arxiv_id",
        "doi",
        "url",
        "venue",
        "organization",
        "score",
        "upvotes",
        "needs_review",
        "warnings",
    ):
        assert key in entry
    assert data["format"] == "alphaxiv" and data["profile"]["h_index"] == 98
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"])


def test_code_link_from_the_abstract_when_code_is_shown(profile_text, compact_text):
    entries = detect.parse_text(profile_text, REF).entries
    assert entries[0].code_url == "https://github.com/rattlesnakey/Awesome-Actionable-MI-Survey"
    assert entries[1].code_url is None  # no "Code" on the header line
    compact = detect.parse_text(compact_text, REF).entries
    # TeX around the link ("\href{…}{this link}") is not part of the URL
    assert compact[6].code_url == "https://github.com/Shwai-He/SparseUnifiedModel"


def test_compact_line_with_organization():
    text = (
        "CLJun 1, 2024Code\n"
        "Sparse Mixtures for LLMsYizhao Gao, Dayou Du et al. \u00b7 microsoft-research\n"
        "An abstract sentence that is long enough.\n"
    )
    (entry,) = alphaxiv_compact.parse(text, REF).entries
    assert entry.title == "Sparse Mixtures for LLMs"
    assert entry.authors == ["Yizhao Gao", "Dayou Du"]
    assert entry.organization == "microsoft-research"


def test_profile_name_with_a_title_and_other_chrome():
    text = (
        "Dr. Jane Q. Doe\nFollow\n\nh-index12\n30papers\n1,234citations\n\n2 Papers\n\n"
        "LGJan 2, 2024\nA Paper\n\nJane Q. Doe, Ann Lee\n\nAbstract text.\n\n"
        "LGJan 3, 2024\nAnother Paper\n\nAnn Lee, Jane Q. Doe\n\nMore text.\n"
    )
    result = alphaxiv.parse(text, REF)
    assert result.profile["name"] == "Dr. Jane Q. Doe"
    assert result.profile["citations"] == 1234 and result.profile["paper_count"] == 30
    assert len(result.entries) == 2 and result.warnings == []


def test_list_without_the_profile_header(profile_text):
    pre, blocks = _blocks(profile_text)
    text = "\n".join(line for b in blocks for line in b)
    result = detect.parse_text(text, REF)
    assert result.format == "alphaxiv" and result.profile is None
    assert [e.title for e in result.entries] == [row[0] for row in PROFILE_ENTRIES]
    assert result.warnings == []


def test_compact_listing_with_blank_lines_added(compact_text):
    text = "\n\n".join(compact_text.split("\n"))
    result = detect.parse_text(text, REF)
    assert [(e.title, e.authors) for e in result.entries] == [
        (row[0], row[1]) for row in COMPACT_ENTRIES
    ]


def test_parser_called_directly_copes_with_odd_spaces(profile_text):
    text = (
        profile_text.replace("\n", "\r\n").replace(" ", "\u00a0").replace("et al.", "et\u200b al.")
    )
    result = alphaxiv.parse(text, REF)
    assert [(e.title, e.authors, e.authors_truncated) for e in result.entries] == [
        (row[0], row[1], row[2]) for row in PROFILE_ENTRIES
    ]


@pytest.mark.parametrize(
    ("header", "topics", "iso", "code", "score"),
    [
        ("CL Jan 20 Code", ["cs.CL"], "2026-01-20", True, None),
        ("CLLGJan 20", ["cs.CL", "cs.LG"], "2026-01-20", False, None),
        ("72 CVMar 2025", ["cs.CV"], "2025-03", False, 72.0),
        ("hep-thDec 1, 2020", ["hep-th"], "2020-12-01", False, None),
    ],
)
def test_header_variants(header, topics, iso, code, score):
    text = f"{header}\nA Title About Things\n\nJane Doe, John Roe et al.\n\nAn abstract.\n"
    (entry,) = alphaxiv.parse(text, REF).entries
    assert (entry.topics, entry.date, entry.has_code, entry.score) == (topics, iso, code, score)


@pytest.mark.parametrize("line", ["in 2023", "ZZ 2023", "Jan 20", "CL", "Code", "68.6"])
def test_lines_that_are_not_headers(line):
    assert alphaxiv.header_match(line) is None


def test_a_name_before_cv_is_dropped_only_when_it_is_the_profile_owner():
    """Found by Hypothesis: with no profile at the top, "Daily Papers" before a
    stray "CV" was taken for a repeated profile header and lost silently."""
    text = "CLJan 20Code\nHayden Kwok-Hay So\nHayden Kwok-Hay So\nDaily Papers\nCV"
    (entry,) = alphaxiv_compact.parse(text, REF).entries
    assert "Daily Papers" in entry.raw
