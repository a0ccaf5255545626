"""Record: the base of cta-lint's plain data classes (Finding, Block, Rule, Settings...).

Plain classes rather than dataclasses: creating a dataclass costs about a millisecond at import
(code generation and ``exec``), paid by every run. A Record names its fields in
``__match_args__`` and gets a dataclass-like ``repr`` and equality over them; it is not
hashable. ``_unshown`` fields are left out of the ``repr``.
"""
from __future__ import annotations


class Record:
    __slots__ = ()
    __match_args__: tuple[str, ...] = ()
    _unshown: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(" + ", ".join(
            f"{n}={getattr(self, n)!r}" for n in self.__match_args__ if n not in self._unshown) + ")"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return all(getattr(self, n) == getattr(other, n) for n in self.__match_args__)
        return NotImplemented

    __hash__ = None
