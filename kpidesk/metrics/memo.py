"""Figures are recomputed only when the data changed: `memoized` remembers a metric's
result per open store until the store's data fingerprint moves."""

from __future__ import annotations

import functools
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast, overload

from kpidesk.store import dialect
from kpidesk.store.db import Store

_MEMO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMO_SIZE = 64


def data_fingerprint(store: Store) -> tuple[int, int, int]:
    """Changes whenever the file's data may have changed: rows written through this
    connection (`total_changes`), a commit through it (`commits`: a restored backup
    changes no row) or a commit by another connection (`data_version`)."""
    return (store.conn.total_changes, store.commits,
            dialect.data_version(store.conn))


def _fresh(value):
    """A copy callers may change without touching the memo (dicts and lists, nested)."""
    if isinstance(value, dict):
        return {k: _fresh(v) if isinstance(v, (dict, list)) else v for k, v in value.items()}
    if isinstance(value, list):
        return [_fresh(v) if isinstance(v, (dict, list)) else v for v in value]
    if isinstance(value, set):
        return set(value)
    return value


P = ParamSpec("P")
R = TypeVar("R")


@overload
def memoized(fn: Callable[P, R]) -> Callable[P, R]: ...
@overload
def memoized(fn: None = None, *, copy: bool = True
             ) -> Callable[[Callable[P, R]], Callable[P, R]]: ...
def memoized(fn: Callable[P, R] | None = None, *, copy: bool = True) -> Any:  # noqa: E301
    """Remember `fn(store, *args)` per store until its data fingerprint changes.

    The dashboard asks for the same figures many times (language change, tab switch,
    period change back and forth); with no write in between they are computed once.
    With copy=False (internal helpers only) callers share the remembered value and
    must not change it.
    """
    if fn is None:
        return functools.partial(memoized, copy=copy)
    compute: Callable[..., Any] = fn  # called with the store first, as every metric is

    @functools.wraps(fn)
    def wrapper(store: Store, *args, **kwargs):
        if store.conn.in_transaction:  # what it reads may still be rolled back: keep nothing
            return compute(store, *args, **kwargs)
        fingerprint = data_fingerprint(store)
        entry = _MEMO.get(store)
        if entry is None or entry[0] != fingerprint:
            entry = (fingerprint, OrderedDict[tuple, Any]())
            _MEMO[store] = entry
        key = (fn.__qualname__, args, tuple(sorted(kwargs.items())))
        results = entry[1]
        if key in results:
            results.move_to_end(key)
            result = results[key]
        else:
            result = compute(store, *args, **kwargs)
            results[key] = result
            if len(results) > _MEMO_SIZE:
                results.popitem(last=False)
        return _fresh(result) if copy else result

    wrapper.uncached = fn  # type: ignore[attr-defined]  # the plain function, for benches
    return cast(Callable[P, R], wrapper)


_INPUT_CACHES: list[Callable[[], None]] = []


def input_keyed(fn: Callable[P, R]) -> Callable[P, R]:
    """Remember a pure computation by its arguments (hashable values, not a store): exact
    whatever was written since, so a write need not forget it; `clear_memo` does."""
    cached = functools.lru_cache(maxsize=1024)(fn)
    _INPUT_CACHES.append(cached.cache_clear)
    return cast(Callable[P, R], cached)


def clear_memo() -> None:
    """Forget every remembered result."""
    _MEMO.clear()
    for clear in _INPUT_CACHES:
        clear()
