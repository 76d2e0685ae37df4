"""Hugging Face papers page (format 3): every field of every entry of the seed
paste, page chrome skipped, entries without a footer, and damaged pastes.

The table was written from reading the seed file entry by entry (the abstract
columns are the first and last 45 characters as printed).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import detect, hf_daily

REF = ParseContext(reference_date=date(2026, 11, 22))

# fmt: off
HF_ENTRIES = [
    # title, author_count, date, upvotes, abstract start, end
    ('R-Sparse: Rank-Aware Activation Sparsity for Efficient LLM Inference', 6, '2025-04-27', None, 'Large Language Models (LLMs), while demonstra', 'ficient improvements with customized kernels.'),
    ('Background Activation Suppression for Weakly Supervised Object Localization and Semantic Segmentation', 6, '2023-09-22', None, 'Weakly supervised object localization and sem', ' at https://github.com/wpy1999/BAS-Extension.'),
    ('Interactive Medical Image Analysis with Concept-based Similarity Reasoning', 10, '2025-03-09', None, 'The ability to interpret and intervene model ', ' at https://github.com/tadeephuy/InteractCSR.'),
    ('Activation Space Selectable Kolmogorov-Arnold Networks', 5, '2024-08-15', None, 'The multilayer perceptron (MLP), a fundamenta', 'novations in KAN-based network architectures.'),
    ('CoreInfer: Accelerating Large Language Model Inference with Semantics-Inspired Adaptive Sparse Activation', 6, '2024-10-23', None, 'Large language models (LLMs) with billions of', ' implementation and PowerInfer, respectively.'),
    ('AF-KAN: Activation Function-Based Kolmogorov-Arnold Networks for Efficient Representation Learning', 2, '2025-03-08', None, 'Kolmogorov-Arnold Networks (KANs) have inspir', 'e at https://github.com/hoangthangta/All-KAN.'),
    ('DynST: Dynamic Sparse Training for Resource-Constrained Spatio-Temporal Forecasting', 8, '2024-03-05', None, 'The ever-increasing sensor service, though op', 't contribute the least to future predictions.'),
    ('Smooth Grad-CAM++: An Enhanced Inference Level Visualization Technique for Deep Convolutional Neural Network Models', 4, '2019-08-03', None, 'Gaining insight into how deep convolutional n', 'nput images when compared with other methods.'),
    ('CF-CAM: Cluster Filter Class Activation Mapping for Reliable Gradient-Based Interpretability', 3, '2025-03-31', None, 'As deep learning continues to advance, the tr', ' as autonomous driving and medical diagnosis.'),
    ('Leveraging Spreading Activation for Improved Document Retrieval in Knowledge-Graph-Based RAG Systems', 3, '2025-12-17', None, 'Despite initial successes and a variety of ar', 'fectiveness in resource-constrained settings.'),
    ('How convolutional neural network see the world - A survey of convolutional neural network visualization methods', 4, '2018-04-30', None, 'Nowadays, the Convolutional Neural Networks (', 'ign, optimization, security enhancement, etc.'),
    ('CHESS: Optimizing LLM Inference via Channel-Wise Thresholding and Selective Sparsification', 5, '2024-09-02', None, 'Deploying large language models (LLMs) on edg', 'speeding up the LLM inference by up to 1.27x.'),
    ('ZeroQuant-V2: Exploring Post-training Quantization in LLMs from Comprehensive Study to Low Rank Compensation', 5, '2023-03-14', None, 'Post-training quantization (PTQ) has emerged ', 'covery with a minimal increase in model size.'),
    ('Accurate Expert Predictions in MoE Inference via Cross-Layer Gate', 8, '2025-02-17', None, 'Large Language Models (LLMs) have demonstrate', 'are scalable across different memory budgets.'),
    ('Task-Specific Data Selection for Instruction Tuning via Monosemantic Neuronal Activations', 9, '2025-03-19', None, 'Instruction tuning improves the ability of la', 'both stability and task-specific performance.'),
    ('Hierarchical multi-class segmentation of glioma images using networks with multi-level activation function', 6, '2018-10-22', None, 'For many segmentation tasks, especially for t', 'ased method which blind to topological prior.'),
    ('A Survey on Latent Reasoning', 33, '2025-07-08', 3, 'Large Language Models (LLMs) have demonstrate', 'multimodal-art-projection/LatentCoT-Horizon/.'),
    ('A Method on Searching Better Activation Functions', 8, '2024-05-18', None, 'The success of artificial neural networks (AN', 'broader potential for practical applications.'),
    ('Hallucination reduction with CASAL: Contrastive Activation Steering For Amortized Learning', 8, '2025-09-25', None, 'Large Language Models (LLMs) exhibit impressi', 'r practical deployment in production systems.'),
    ('AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration', 6, '2023-06-01', 1, 'Large language models (LLMs) have shown excel', 'ss LLMs to 3/4 bits for efficient deployment.'),
    ('GCAV: A Global Concept Activation Vector Framework for Cross-Layer Consistency in Interpretability', 4, '2025-08-28', 1, 'Concept Activation Vectors (CAVs) provide a p', 'lable at https://github.com/Zhenghao-He/GCAV.'),
    ('GrAInS: Gradient-based Attribution for Inference-Time Steering of LLMs and VLMs', 4, '2025-07-23', None, 'Inference-time steering methods offer a light', "the model's fluency and general capabilities."),
    ('Precision Where It Matters: A Novel Spike Aware Mixed-Precision Quantization Strategy for LLaMA-based Language Models', 4, '2025-04-30', None, 'Large Language Models (LLMs) have demonstrate', 'ojections that concentrate activation spikes.'),
    ('Soft Injection of Task Embeddings Outperforms Prompt-Based In-Context Learning', 2, '2025-07-28', None, 'In-Context Learning (ICL) enables Large Langu', 'rom the prompt space to the activation space.'),
    ('MambaQuant: Quantizing the Mamba Family with Variance Aligned Rotation Methods', 10, '2025-01-23', None, 'Mamba is an efficient sequence model that riv', ' for further advancements in its application.'),
    ('QuEST: Stable Training of LLMs with 1-Bit Weights and Activations', None, None, None, 'One approach to reducing the massive costs of', 'lable at https://github.com/IST-DASLab/QuEST.'),
    ('PTQ1.61: Push the Real Limit of Extremely Low-Bit Post-Training Quantization Methods for Large Language Models', 8, '2025-02-18', None, 'Large Language Models (LLMs) suffer severe pe', 'ilable at https://github.com/zjq0455/PTQ1.61.'),
    ('ALMGuard: Safety Shortcuts and Where to Find Them as Guardrails for Audio-Language Models', 8, '2025-10-29', None, 'Recent advances in Audio-Language Models (ALM', 'ble at https://github.com/WeifeiJin/ALMGuard.'),
    ('GeRe: Towards Efficient Anti-Forgetting in Continual Learning of LLM via General Samples Replay', 7, '2025-08-06', 2, 'The continual learning capability of large la', 'e available at https://github.com/Qznan/GeRe.'),
    ('FlashSVD: Memory-Efficient Inference with Streaming for Low-Rank Models', None, None, None, 'Singular Value Decomposition (SVD) has recent', 'mory-constrained deployment of low-rank LLMs.'),
    ('Unlocking Efficient Long-to-Short LLM Reasoning with Model Merging', 10, '2025-03-26', 5, 'The transition from System 1 to System 2 reas', 'com/hahahawu/Long-to-Short-via-Model-Merging.'),
    ('Fast Certified Robust Training with Short Warmup', 5, '2021-03-31', None, 'Recently, bound propagation based certified r', 'm/shizhouxing/Fast-Certified-Robust-Training.'),
    ('Context-Alignment: Activating and Enhancing LLM Capabilities in Time Series', 5, '2025-01-07', None, 'Recently, leveraging pre-trained Large Langua', ' provide powerful prior knowledge on context.'),
    ("NeuroAda: Activating Each Neuron's Potential for Parameter-Efficient Fine-Tuning", None, None, None, 'Existing parameter-efficient fine-tuning (PEF', 's://github.com/FightingFighting/NeuroAda.git.'),
    ('APHQ-ViT: Post-Training Quantization with Average Perturbation Hessian Based Reconstruction for Vision Transformers', 6, '2025-04-03', None, 'Vision Transformers (ViTs) have become one of', 'ilable at https://github.com/GoatWu/APHQ-ViT.'),
]
# fmt: on


CHROME = ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
          "byAK and the research community", "Jan 5"]  # fmt: skip


@pytest.fixture
def hf_text(seeds_dir: Path) -> str:
    (path,) = seeds_dir.glob("003_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_is_detected_and_counted(hf_text):
    assert detect.detect(hf_text) == "hf_daily"
    result = detect.parse_text(hf_text, REF)
    assert result.format == "hf_daily"
    assert len(result.entries) == len(HF_ENTRIES) == 35
    assert result.warnings == []
    assert result.profile is None


@pytest.mark.parametrize("index", range(len(HF_ENTRIES)))
def test_entry_fields(hf_text, index):
    title, author_count, iso, upvotes, start, end = HF_ENTRIES[index]
    entry = detect.parse_text(hf_text, REF).entries[index]
    assert entry.title == title
    assert entry.authors == [] and entry.authors_truncated is False
    assert entry.author_count == author_count
    assert entry.date == iso
    assert entry.year == (int(iso[:4]) if iso else None)
    assert entry.upvotes == upvotes
    assert entry.abstract.startswith(start) and entry.abstract.endswith(end)
    assert entry.topics == [] and entry.has_code is False and entry.score is None
    assert entry.needs_review is False


def test_chrome_is_not_an_entry_or_an_abstract(hf_text):
    result = detect.parse_text(hf_text, REF)
    for entry in result.entries:
        for line in CHROME:
            assert entry.title != line
            assert line not in (entry.abstract or "").split("\n")
    assert all(hf_daily.page_chrome(line) for line in CHROME[:-1])


def test_without_blank_lines_or_chrome(hf_text):
    squeezed = "\n".join(line for line in hf_text.split("\n")[10:] if line.strip())
    result = hf_daily.parse(squeezed, REF)
    assert [e.title for e in result.entries] == [row[0] for row in HF_ENTRIES]
    assert [e.upvotes for e in result.entries] == [row[3] for row in HF_ENTRIES]


def test_windows_line_endings_and_nbsp(hf_text):
    text = hf_text.replace("\n", "\r\n").replace("Jul 8, 2025 3", "Jul\u00a08, 2025\u00a03")
    result = detect.parse_text(text, REF)
    assert len(result.entries) == 35
    latent = [e for e in result.entries if e.title == "A Survey on Latent Reasoning"][0]
    assert (latent.date, latent.upvotes, latent.author_count) == ("2025-07-08", 3, 33)


def test_pasted_twice_is_deduplicated(hf_text):
    result = detect.parse_text(hf_text + "\n\n" + hf_text, REF)
    assert len(result.entries) == 35
    assert any("35 entries appear more than once" in w for w in result.warnings)


def test_cut_after_a_title_drops_it_with_a_warning(hf_text):
    text = hf_text.split("\nBackground Activation Suppression")[0]
    text += "\nBackground Activation Suppression for Weakly Supervised Object Localization"
    result = detect.parse_text(text, REF)
    assert [e.title for e in result.entries] == [HF_ENTRIES[0][0]]
    assert any("cut off" in w for w in result.warnings)


def test_cut_mid_abstract_keeps_the_entry(hf_text):
    text = hf_text[: hf_text.index("Weakly supervised object localization") + 60]
    result = detect.parse_text(text, REF)
    assert len(result.entries) == 2
    assert result.entries[1].date is None and result.entries[1].author_count is None


def test_entries_dropped_and_reordered(hf_text):
    def span(first: str, stop: str) -> str:
        return hf_text[hf_text.index(first) : hf_text.index(stop)]

    text = span("A Survey on Latent Reasoning", "Soft Injection") + span(
        "R-Sparse", "Interactive Medical"
    )
    result = hf_daily.parse(text, REF)
    titles = [e.title for e in result.entries]
    assert titles == [row[0] for row in HF_ENTRIES[16:23] + HF_ENTRIES[:2]]
    assert result.entries[-1].date == "2023-09-22"
    assert result.warnings == []


def test_year_less_footer_date_uses_the_reference_date():
    text = ("Daily Papers\n\nA Paper Title About Sparse Things\n\n"
            "We present a long abstract that says many things about sparse models and more.\n\n"
            "  \u2022 3 authors\n\u00b7\nDec 12 7\n")  # fmt: skip
    (entry,) = hf_daily.parse(text, REF).entries
    assert (entry.date, entry.year, entry.upvotes, entry.author_count) == ("2025-12-12", 2025, 7, 3)


def test_sniff_does_not_claim_other_formats(listings_dir, seeds_dir):
    others = list(listings_dir.glob("*.txt")) + [p for p in seeds_dir.glob("00[024]_*.txt")]
    for path in others:
        text = detect.normalize_text(path.read_text(encoding="utf-8"))
        assert hf_daily.sniff(text) < 0.2, path.name


def test_other_footer_shapes():
    text = (
        "Trending Papers\n\nSparse Things at Scale\n\n"
        "We present a long abstract that says many things about sparse models and more.\n"
        "Submitted by someone\n5 authors \u00b7 Published on Mar 3, 2025 12\n\n"
        "Dense Things at Scale\n\n"
        "Another abstract that is long enough to be prose and ends like a sentence does.\n"
        "\u2022 2 authors\n\u00b7\nPublished on Feb 1, 2024\n"
    )
    result = hf_daily.parse(text, REF)
    got = [(e.title, e.author_count, e.date, e.upvotes) for e in result.entries]
    assert got == [
        ("Sparse Things at Scale", 5, "2025-03-03", 12),
        ("Dense Things at Scale", 2, "2024-02-01", None),
    ]
    assert result.warnings == []
