"""Exceptions: one per error kind of the Rust core, all under ``NewsgraphError``."""

from __future__ import annotations

from typing import Dict, Type

from ._native import (
    BinaryFileError,
    EmptyTextError,
    EvalDataError,
    InvalidDateError,
    InvalidRecordError,
    InvalidUtf8Error,
    IoError,
    NewsgraphError,
)

#: Error kind (as in ``{"error": {"kind": ...}}``) -> exception class.
EXCEPTIONS: Dict[str, Type[NewsgraphError]] = {
    "invalid_utf8": InvalidUtf8Error,
    "empty_text": EmptyTextError,
    "invalid_date": InvalidDateError,
    "invalid_record": InvalidRecordError,
    "binary": BinaryFileError,
    "io": IoError,
    "eval_data": EvalDataError,
}


def exception_for(kind: str, message: str) -> NewsgraphError:
    """The exception for an error record's kind and message."""
    return EXCEPTIONS.get(kind, NewsgraphError)(message)
