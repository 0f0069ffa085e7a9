"""Plain records for the classes every command meets (a result, a query, a workspace).

:mod:`dataclasses` would do, but importing it imports :mod:`inspect` (and with it ``ast``,
``dis``, ``tokenize``): measured, several milliseconds of every ``plangraph tasks``, whose
whole answer costs a few tens (issue 16). A :class:`Record` lists its fields in
``__slots__``, in order; ``_defaults`` gives the optional ones, where ``list``, ``dict``
or ``set`` stand for a fresh empty one. Two records are equal when they are of the same
class with equal fields; a ``_frozen`` record refuses changes and can be hashed.

Example:
    >>> class Point(Record):
    ...     __slots__ = ("x", "y", "tags")
    ...     _defaults = {"y": 0, "tags": list}
    >>> Point(1), Point(1) == Point(x=1, y=0), Point(1).tags is not Point(1).tags
    (Point(x=1, y=0, tags=[]), True, True)
    >>> Point()
    Traceback (most recent call last):
    ...
    TypeError: Point() missing the field 'x'
"""

from __future__ import annotations

__all__ = ["Record"]

_FRESH = (list, dict, set)


class Record:
    """A record whose fields are its ``__slots__`` (see the module)."""

    __slots__ = ()
    _defaults: dict = {}
    _frozen = False

    def __init__(self, *args, **kwargs):
        names = self.__slots__
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__}() takes {len(names)} fields, {len(args)} given")
        values = dict(zip(names, args))
        for name in kwargs:
            if name not in names or name in values:
                raise TypeError(f"{type(self).__name__}() got an unexpected or repeated field {name!r}")
        values.update(kwargs)
        for name in names:
            if name not in values:
                if name not in self._defaults:
                    raise TypeError(f"{type(self).__name__}() missing the field {name!r}")
                default = self._defaults[name]
                values[name] = default() if default in _FRESH else default
            object.__setattr__(self, name, values[name])

    def __setattr__(self, name, value):
        if self._frozen:
            raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")
        object.__setattr__(self, name, value)

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self):
        if not self._frozen:
            raise TypeError(f"unhashable type: {type(self).__name__!r}")
        return hash((type(self), self._fields()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__) + ")"
