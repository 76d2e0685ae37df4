"""Opening a library needs only sqlite3: SQLModel / SQLAlchemy (a second of
start-up on a busy machine) are not imported by the Library."""

import subprocess
import sys


def test_opening_a_library_does_not_import_sqlalchemy(tmp_path):
    code = (
        "import sys\n"
        "from readinglist.library import Library, PaperQuery\n"
        f"lib = Library.open({str(tmp_path / 'library.sqlite')!r})\n"
        "lib.list_papers(PaperQuery(search='x'))\n"
        "lib.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
