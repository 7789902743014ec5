"""Type stubs for the native module (checked with ``python -m mypy.stubtest newsgraph._native``)."""

from os import PathLike
from typing import Any, Dict, List, Optional, Sequence, Union

from typing_extensions import final

__all__ = [
    "__version__",
    "extract",
    "extract_many",
    "read",
    "Reader",
    "NewsgraphError",
    "InvalidUtf8Error",
    "EmptyTextError",
    "InvalidDateError",
    "InvalidRecordError",
    "BinaryFileError",
    "IoError",
    "EvalDataError",
]

__version__: str

class NewsgraphError(Exception): ...
class InvalidUtf8Error(NewsgraphError): ...
class EmptyTextError(NewsgraphError): ...
class InvalidDateError(NewsgraphError): ...
class InvalidRecordError(NewsgraphError): ...
class BinaryFileError(NewsgraphError): ...
class IoError(NewsgraphError): ...
class EvalDataError(NewsgraphError): ...

def extract(text: str, date: Optional[str] = None, id: str = "0") -> Dict[str, Any]: ...
def extract_many(
    items: Sequence[Union[str, Dict[str, Any]]],
    threads: Optional[int] = None,
    date: Optional[str] = None,
) -> List[Dict[str, Any]]: ...
def read(
    paths: Sequence[Union[str, PathLike[str]]], date: Optional[str] = None, date_from_name: bool = False
) -> Reader: ...

@final
class Reader:
    def __iter__(self) -> Reader: ...
    def __next__(self) -> Dict[str, Any]: ...
