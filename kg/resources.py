"""Where kg's own data files are: the ontology, the named queries and the pages' templates, read as package data.

Every read of a file that ships with kg goes through `data_dir`, so that kg finds its data the same way however
it is installed (pip install ., --user, --prefix, --target, a wheel, an editable install) and from any working
directory: next to the `kg` package that was imported, found by importlib.resources — never by a path guessed
from sys.prefix or the current directory.

The ontology and the queries have one real copy each, the top-level folders ontology/ and queries/ of the source
tree; kg/data/ontology and kg/data/queries are relative symlinks to them, so a checkout (editable install or
PYTHONPATH=.) reads those very files, and building a wheel or an sdist copies their contents into the package
(setup.cfg lists them as package data).
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError
from kg.plain import FOLDERS

TYPE_CHECKING = False  # typing is not imported at run time (kg.errors)
if TYPE_CHECKING:
    from typing import Any

def data_dir(name: str) -> Path:
    """The folder of kg's data `name` (a key of FOLDERS) in the imported package, symlinks resolved, so that
    paths shown to the user (`kg queries NAME`) name the real file."""
    folder = _package().joinpath(FOLDERS[name])
    if not isinstance(folder, Path) or not folder.is_dir():  # a zipped or incomplete install
        raise KgError.of("package incomplete", folder=str(folder), name=name)
    return folder.resolve()


def _package() -> Any:
    """The kg package's folder as importlib.resources.files gives it; for a package imported from a folder on
    disk, the folder its loader read it from, which is what files() returns there (importing importlib.resources
    was a tenth of a quick `kg query`'s imports)."""
    import importlib.machinery

    import kg

    spec = kg.__spec__
    loaders = (importlib.machinery.SourceFileLoader, importlib.machinery.SourcelessFileLoader)
    if spec is not None and spec.origin and isinstance(spec.loader, loaders):
        return Path(spec.origin).parent
    from importlib.resources import files

    return files("kg")
