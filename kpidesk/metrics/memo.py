"""Figures are recomputed only when the data changed: `memoized` remembers a metric's
result per open store until the store's data fingerprint moves.

A metric may say what it reads of the sales (`Reads`: a span of days, one salesperson's
sales or everyone's, per-contact rows): after a sales write whose scope the store knows
(`store/write_scope.py`) only the results that read something it touched are forgotten
(or brought up to date by the metric's `patch`); after any other write, all of them.
"""

from __future__ import annotations

import functools
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar, cast, overload

from kpidesk.store.db import Store
from kpidesk.store.write_scope import WriteScope

_MEMO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMO_SIZE = 256  # the chance history keeps a point per day of the month


def data_fingerprint(store: Store) -> tuple[int, int, int]:
    """Changes whenever the file's data may have changed (`Store.fingerprint`)."""
    return store.fingerprint()


@dataclass(frozen=True)
class Reads:
    """What a remembered result read of the sales: the days from `first` to `last` (ISO
    dates, inclusive; None: no bound), of `salesperson`'s sales only or of everyone's
    (None); `contacts`: rows kept per contact, whichever day they are of (a write that
    touched any contact touches it)."""

    first: str | None = None
    last: str | None = None
    salesperson: int | None = None
    contacts: bool = False
    by_day: bool = True  # False: only the per-contact rows (`contacts`)

    def touched_by(self, scope: WriteScope) -> bool:
        if self.contacts and scope.contacts:
            return True
        if not self.by_day or (self.salesperson is not None
                               and self.salesperson not in scope.salespeople):
            return False
        return any((self.first is None or day >= self.first)
                   and (self.last is None or day <= self.last) for day in scope.days)


STALE = object()  # what a patch returns when it cannot bring a result up to date


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
ReadsOf = Callable[..., "Reads | None"]  # (store, *args, **kwargs) → what the result reads
Patch = Callable[..., Any]  # (store, result, scope, *args, **kwargs) → result or STALE
Results = OrderedDict[tuple, tuple[Any, Reads | None, Patch | None]]  # key → result, …


def _results(store: Store) -> Results:
    """The store's remembered results, brought up to its current data: kept, patched or
    forgotten by what was written since they were computed."""
    fingerprint = data_fingerprint(store)
    entry = _MEMO.get(store)
    if entry is not None and entry[0] == fingerprint:
        return entry[1]
    scope = None if entry is None else store.scope_log.since(entry[0], fingerprint)
    results: Results = OrderedDict()
    if entry is not None and scope is not None:
        for key, (result, reads, patch) in entry[1].items():
            if reads is None:
                continue
            if reads.touched_by(scope):
                if patch is None:
                    continue
                result = patch(store, result, scope, *key[1], **dict(key[2]))
                if result is STALE:
                    continue
            results[key] = (result, reads, patch)
    _MEMO[store] = (fingerprint, results)
    return results


def current(store: Store) -> Results | None:
    """The store's remembered results for its data as it is now (one look at whether the
    data changed: on a server a round trip, so a metric keeping many parts asks once);
    None inside a write transaction, where what is read may still be rolled back."""
    if store.conn.in_transaction:
        return None
    return _results(store)


def recall(results: Results | None, key: tuple) -> tuple[bool, Any]:
    """(True, result) when `key` is among `results` (`current`)."""
    if results is None or key not in results:
        return False, None
    results.move_to_end(key)
    return True, results[key][0]


def remember(results: Results | None, key: tuple, result: Any, reads: Reads | None,
             patch: Patch | None = None) -> None:
    """Keep `result` under `key` until a write touches what `reads` names (None: any
    write). Kept in the `results` it was looked up in: had the data changed meanwhile,
    they are not the store's current ones any more and it is not kept."""
    if results is None:
        return
    results[key] = (result, reads, patch)
    results.move_to_end(key)
    while len(results) > _MEMO_SIZE:
        results.popitem(last=False)


def remembered(store: Store, fn: Callable[..., Any], *args, **kwargs) -> bool:
    """Whether the memoized `fn(store, *args, **kwargs)` is remembered for the store's
    current data (called as the caller calls it: the same positional and keyword
    arguments), so the next call computes nothing."""
    key = (fn.__qualname__, args, tuple(sorted(kwargs.items())))
    results = current(store)
    return results is not None and key in results


@overload
def memoized(fn: Callable[P, R]) -> Callable[P, R]: ...
@overload
def memoized(fn: None = None, *, copy: bool = True, reads: ReadsOf | None = None,
             patch: Patch | None = None) -> Callable[[Callable[P, R]], Callable[P, R]]: ...
def memoized(fn: Callable[P, R] | None = None, *, copy: bool = True,  # noqa: E301
             reads: ReadsOf | None = None, patch: Patch | None = None) -> Any:
    """Remember `fn(store, *args)` per store until its data changes.

    The dashboard asks for the same figures many times (language change, tab switch,
    period change back and forth); with no write in between they are computed once.
    With copy=False (internal helpers only) callers share the remembered value and
    must not change it. `reads(store, *args, **kwargs)` says what the result reads of
    the sales (`Reads`), so a sales write that touched none of it keeps it; `patch`
    brings a result up to date after a write that touched it (or returns STALE).
    """
    if fn is None:
        return functools.partial(memoized, copy=copy, reads=reads, patch=patch)
    compute: Callable[..., Any] = fn  # called with the store first, as every metric is

    @functools.wraps(fn)
    def wrapper(store: Store, *args, **kwargs):
        key = (fn.__qualname__, args, tuple(sorted(kwargs.items())))
        results = current(store)
        found, result = recall(results, key)
        if not found:
            result = compute(store, *args, **kwargs)
            remember(results, key, result,
                     None if reads is None else reads(store, *args, **kwargs), patch)
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
