"""``python -m readinglist``: the same as the ``readinglist`` command."""

from readinglist.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
