"""The sandboxed PDF reading process: ``python -m readinglist.importers.pdf_worker``.

Started and owned by ``pdf_pool``.  It limits its own address space
(RLIMIT_AS, where the platform has it), loads PyMuPDF once, announces that it
is ready, then answers requests one at a time over its stdin/stdout pipes.
Frames are a 4-byte big-endian length followed by a pickle; requests are
``{"path", "password", "text_budget"}`` dicts, replies are
``{"extraction": PdfExtraction, "maxrss_kb": int, "cpu_s": float, "recycle": bool}``.  C-level
output (MuPDF warnings) is sent to stderr so it can never corrupt a frame.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
from typing import Any, BinaryIO

_HEADER = struct.Struct(">I")
MAX_FRAME = 512 * 1024 * 1024


def write_frame(stream: BinaryIO, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def read_exact(stream: BinaryIO, n: int) -> bytes | None:
    chunks = []
    while n:
        chunk = stream.read(n)
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: BinaryIO) -> Any:
    """The next object on ``stream``; None at end of stream."""
    head = read_exact(stream, _HEADER.size)
    if head is None:
        return None
    (length,) = _HEADER.unpack(head)
    if length > MAX_FRAME:
        return None
    data = read_exact(stream, length)
    if data is None:
        return None
    return pickle.loads(data)


def limit_memory(memory_mb: int) -> None:
    """Cap this process's address space; a no-op where RLIMIT_AS is missing."""
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:
        return
    limit = memory_mb * 1024 * 1024
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def _maxrss_kb() -> int:
    try:
        import resource  # noqa: PLC0415

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    except (ImportError, OSError):
        return 0


def _cpu_seconds() -> float:
    try:
        import resource  # noqa: PLC0415

        ru = resource.getrusage(resource.RUSAGE_SELF)
        return float(ru.ru_utime + ru.ru_stime)
    except (ImportError, OSError):
        return 0.0


def _memory_failure(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return isinstance(exc, MemoryError) or "memory" in text or "malloc" in text


def serve(memory_mb: int) -> int:
    # Frames go to the real stdout; everything else printed goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    inp = os.fdopen(os.dup(0), "rb")
    # Ctrl-C in a terminal is for the importing process, which stops cleanly
    # after the current file; a worker must not die mid-file because of it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_memory(memory_mb)
    from readinglist.core.entry import PdfExtraction  # noqa: PLC0415
    from readinglist.importers.pdf_extract import _import_pymupdf, extract_document  # noqa: PLC0415

    _import_pymupdf()
    write_frame(out, {"ready": True, "pid": os.getpid()})
    while True:
        req = read_frame(inp)
        if req is None:
            return 0
        recycle = False
        cpu_before = _cpu_seconds()
        try:
            extraction = extract_document(
                req["path"], password=req.get("password"), text_budget_s=req.get("text_budget", 10)
            )
            if extraction.error == "ran out of memory":
                recycle = True
        except BaseException as exc:  # noqa: BLE001 - report, never die silently
            recycle = True
            reason = "ran out of memory" if _memory_failure(exc) else "damaged: the file could not be read"
            extraction = PdfExtraction(path="", sha256="", size=0, error=reason)
        try:
            write_frame(out, {"extraction": extraction, "maxrss_kb": _maxrss_kb(),
                              "cpu_s": _cpu_seconds() - cpu_before, "recycle": recycle})
        except MemoryError:
            return 3


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    memory_mb = 1024
    if "--memory-mb" in args:
        i = args.index("--memory-mb")
        try:
            memory_mb = int(args[i + 1])
        except (IndexError, ValueError):
            pass
    return serve(memory_mb)


if __name__ == "__main__":
    raise SystemExit(main())
