"""Every deliberate error survives pickling whole, as a worker process hands it back."""

from __future__ import annotations

import pickle

import pytest

from certpath.errors import (
    CertpathError,
    DocumentError,
    InputError,
    MissingExtraError,
    NotFoundError,
)


@pytest.mark.parametrize(
    "error",
    [
        DocumentError("cv.pdf", "no-text-layer", "the PDF has no text layer; run OCR first"),
        NotFoundError("skill", "pyton", ["python"]),
        MissingExtraError("charts", "plot"),
        InputError("--hours must be a positive number"),
    ],
)
def test_an_error_survives_a_pickle_round_trip(error: CertpathError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error)
