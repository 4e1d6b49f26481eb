"""In-process test harness for Flet 1.0 screens (no Flutter client, no browser).

It builds a real ``flet.messaging.session.Session`` over a recording
``Connection`` and plays the client's part of the protocol:

* every outbound message is msgpack-encoded exactly like the real transports
  (the encoder takes the diff snapshots; without it later updates send nothing
  and new controls are never registered, so their events are dropped);
* user input is replayed the way the Flutter client sends it: a property update
  (``session.apply_patch``) followed by a control event (``dispatch_event``);
* ``invoke_method`` calls are answered (``push_route`` also navigates), closed
  dialogs get their ``dismiss`` event, as the client does after the animation.

The session runs on its own event loop thread, so handlers run where they do in
a real app (sync/async handlers on the loop, ``page.run_thread`` on the
executor).  Every action blocks until the handler and any task or executor job
it started have finished, then raises :class:`FletSessionCrashed` if the
session sent ``SESSION_CRASHED`` (Flet swallows handler exceptions and only
logs them).

Usage::

    with FletHarness(main) as h:          # or: h = run_app(main)
        h.click("add")
        assert h.find("count").value == "1"
        h.type("note", "hello"); h.change("slider", 3)
        assert "hello" in h.texts()
"""

import asyncio
import concurrent.futures
import contextvars
import dataclasses
import inspect
import logging
import threading
import traceback
from typing import Any, Callable, Optional, Union

import flet as ft
import msgpack
from flet.controls.base_control import BaseControl
from flet.controls.context import _context_page, context
from flet.controls.dialog_control import DialogControl
from flet.messaging.connection import Connection
from flet.messaging.protocol import (
    Message,
    MessageAction,
    RegisterClientResponseBody,
    configure_encode_object_for_msgpack,
    decode_ext_from_msgpack,
)
from flet.messaging.session import Session
from flet.pubsub.pubsub_hub import PubSubHub

Target = Union[str, BaseControl]
_ENCODE = configure_encode_object_for_msgpack(BaseControl)
_NO_WALK = {"_parent", "_values", "_dirty", "_internals", "_services"}


class FletSessionCrashed(AssertionError):
    """The app sent SESSION_CRASHED (an exception escaped main or a handler)."""


class _Executor(concurrent.futures.ThreadPoolExecutor):
    """Thread pool that knows whether any job is still running."""

    def __init__(self):
        super().__init__(max_workers=4, thread_name_prefix="flet-harness")
        self.busy = 0
        self._lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            self.busy += 1
        fut = super().submit(fn, *args, **kwargs)
        fut.add_done_callback(self._done)
        return fut

    def _done(self, _):
        with self._lock:
            self.busy -= 1


class _RecordingConnection(Connection):
    """Connection that encodes like the real transport and records messages."""

    def __init__(self, loop, executor, invoke_results):
        super().__init__()
        self.loop, self.executor = loop, executor
        self.pubsubhub = PubSubHub(loop=loop, executor=executor)
        # Needed: route_change runs page.query(), which does page.url + route.
        self.page_url = "http://127.0.0.1:8550"
        self.messages: list[tuple[MessageAction, Any]] = []
        self.session: Optional[Session] = None
        self.invoke_results = invoke_results
        self._lock = threading.Lock()

    def send_message(self, message: Message):
        packed = msgpack.packb([message.action, message.body], default=_ENCODE)
        action, body = msgpack.unpackb(
            packed, ext_hook=decode_ext_from_msgpack, strict_map_key=False
        )
        with self._lock:
            self.messages.append((MessageAction(action), body))
        if action == MessageAction.INVOKE_METHOD.value:
            self.loop.call_soon_threadsafe(self._answer_invoke, body)

    def _answer_invoke(self, body):
        """Play the client: answer invoke_method; push_route also navigates."""
        name, args = body["name"], body.get("args") or {}
        result, error = self.invoke_results.get(name), None
        try:
            result = result(args) if callable(result) else result
        except Exception as e:  # noqa: BLE001 - reported to the app as client error
            error = str(e)
        try:
            self.session.handle_invoke_method_results(
                body["control_id"], body["call_id"], result, error)
        except RuntimeError:  # target control not mounted: the call just hangs
            logging.getLogger(__name__).exception("invoke_method %s", name)
            return
        if name == "push_route" and error is None:
            asyncio.ensure_future(_client_route_change(self.session, args["route"]))


async def _client_route_change(session: Session, route: str):
    # What the client does on navigation: update page.route, then the event.
    session.apply_page_patch({"route": route})
    await session.dispatch_event(session.page._i, "route_change", {"route": route})


@dataclasses.dataclass
class _Node:
    control: BaseControl
    shown: bool  # itself and ancestors visible, not in a closed dialog/lower view
    enabled: bool  # neither it nor an ancestor is disabled


class FletHarness:
    """Runs ``main(page)`` in-process and drives it like the Flutter client.

    Args:
        main: the app entry point (sync, async or generator ``main(page)``).
        width, height, route, platform: initial client page properties.
        idle_timeout: seconds to wait for spawned tasks/threads after an action.
        allow_pending: if True, tasks still running after ``idle_timeout``
            (e.g. an endless clock) are tolerated instead of raising.
        invoke_results: ``{method_name: value or fn(args)}`` used to answer
            ``invoke_method`` calls (default result ``None``).
    """

    # Called with the harness after start and after every action, once the app is idle (the pseudo-locale
    # run of the screen tests checks the page here: tests/ui/conftest.py).
    after_action: Optional[Callable[["FletHarness"], None]] = None

    def __init__(self, main: Callable, *, width: float = 390, height: float = 844,
                 route: str = "/", platform: str = "android",
                 idle_timeout: float = 5.0, allow_pending: bool = False,
                 invoke_results: Optional[dict[str, Any]] = None):
        self.idle_timeout, self.allow_pending = idle_timeout, allow_pending
        self._loop = asyncio.new_event_loop()
        self._executor = _Executor()
        self._thread = threading.Thread(target=self._loop.run_forever,
                                        name="flet-harness-loop", daemon=True)
        self._thread.start()
        self._conn = _RecordingConnection(self._loop, self._executor,
                                          dict(invoke_results or {}))
        self._checked = 0
        self.session: Optional[Session] = None
        page_props = {"route": route, "width": width, "height": height,
                      "platform": platform, "web": False}
        try:
            self._run(self._start(main, page_props))
        except BaseException:
            self.close()
            raise

    # ----------------------------------------------------------- plumbing --
    async def _start(self, main, page_props):
        # Mirrors FletApp / flet_socket_server REGISTER_CLIENT + on_session_created.
        session = self.session = self._conn.session = Session(self._conn)
        session.apply_page_patch(page_props)
        self._conn.send_message(Message(MessageAction.REGISTER_CLIENT,
                                        RegisterClientResponseBody(
                                            session_id=session.id,
                                            page_patch=session.get_page_patch(),
                                            error="")))
        page = session.page
        try:
            _context_page.set(page)
            context.reset_auto_update()
            if inspect.iscoroutinefunction(main):
                await main(page)
            elif inspect.isasyncgenfunction(main):
                async for _ in main(page):
                    await session.after_event(page)
            elif inspect.isgeneratorfunction(main):
                for _ in main(page):
                    await session.after_event(page)
            else:
                main(page)
            await session.after_event(page)
        except Exception as e:  # same as flet.app: report as a session crash
            session.error(f"{e}\n{traceback.format_exc()}")

    def _run(self, coro, *, settle: bool = True):
        """Run ``coro`` on the loop, wait until idle, then check for crashes."""

        async def action():
            me = asyncio.current_task()
            baseline = asyncio.all_tasks() - {me}
            result = await coro
            if settle:
                await self._settle(baseline | {me})
                await self._dismiss_closed_dialogs(baseline | {me})
            return result

        fut = self._submit(action())
        try:
            result = fut.result(timeout=self.idle_timeout + 30)
        finally:
            self._raise_on_crash()
        if settle and self.after_action is not None:
            self.after_action(self)
        return result

    def _submit(self, coro) -> concurrent.futures.Future:
        """run_coroutine_threadsafe in a context of its own: as for a real client, nothing of the test's
        thread (its context variables, such as a language it reads in) reaches the app's handlers."""
        future: concurrent.futures.Future = concurrent.futures.Future()

        def start():
            task = asyncio.ensure_future(coro)
            task.add_done_callback(lambda t: future.set_exception(t.exception()) if t.exception()
                                   else future.set_result(t.result()))

        self._loop.call_soon_threadsafe(start, context=contextvars.Context())
        return future

    async def _settle(self, baseline):
        """Wait for tasks started after ``baseline`` and executor jobs to finish."""
        deadline, quiet = self._loop.time() + self.idle_timeout, 0
        while quiet < 3:  # a few empty loop turns: call_soon_threadsafe'd work lands
            pending = [t for t in asyncio.all_tasks() - baseline if not t.done()
                       and "updates_scheduler" not in repr(t.get_coro())]
            if not pending and not self._executor.busy:
                quiet += 1
                await asyncio.sleep(0)
                continue
            quiet = 0
            if self._loop.time() > deadline:
                if self.allow_pending:
                    return
                raise TimeoutError(f"app still busy after {self.idle_timeout}s: "
                                   f"{pending or 'executor jobs'}")
            if pending:
                await asyncio.wait(pending, timeout=0.05)
            else:
                await asyncio.sleep(0.005)

    async def _dismiss_closed_dialogs(self, baseline):
        # The client reports "dismiss" once a dialog set to open=False has closed;
        # show_dialog() wraps on_dismiss to drop it from page._dialogs then.
        for _ in range(10):
            closed = [d for d in self.session.page._dialogs.controls if not d.open]
            if not closed:
                return
            for d in closed:
                await self.session.dispatch_event(d._i, "dismiss", None)
            await self._settle(baseline)

    def _raise_on_crash(self):
        new = self._conn.messages[self._checked:]
        self._checked += len(new)
        for action, body in new:
            if action == MessageAction.SESSION_CRASHED:
                raise FletSessionCrashed(f"Flet session crashed:\n{body['message']}")

    def _in_loop(self, fn):
        async def call():
            return fn()
        return asyncio.run_coroutine_threadsafe(call(), self._loop).result(10)

    def _walk(self) -> list[_Node]:
        """Every control reachable from the page (views, overlay, dialogs, bars…)."""
        out: list[_Node] = []
        seen: set[int] = set()

        def visit(v, shown, enabled):
            if isinstance(v, (list, tuple)):
                for item in v:
                    visit(item, shown, enabled)
            elif isinstance(v, dict):
                for item in v.values():
                    visit(item, shown, enabled)
            elif dataclasses.is_dataclass(v) and not isinstance(v, type):
                if id(v) in seen:
                    return
                seen.add(id(v))
                if isinstance(v, BaseControl):
                    shown = shown and getattr(v, "visible", True) is not False
                    if isinstance(v, DialogControl):
                        shown = shown and bool(v.open)
                    enabled = enabled and not getattr(v, "disabled", False)
                    out.append(_Node(v, shown, enabled))
                for f in dataclasses.fields(v):
                    if f.name in _NO_WALK or f.metadata.get("skip", False):
                        continue
                    child = getattr(v, f.name, None)
                    if isinstance(v, ft.Page) and f.name == "views":
                        for i, view in enumerate(child):  # only the top view is on screen
                            visit(view, shown and i == len(child) - 1, enabled)
                    else:
                        visit(child, shown, enabled)

        self._in_loop(lambda: visit(self.page, True, True))
        return out

    def _node(self, target: Target) -> _Node:
        nodes = self._walk()
        for n in nodes:
            if (n.control is target if isinstance(target, BaseControl)
                    else _key_of(n.control) == target):
                return n
        keys = sorted({str(_key_of(n.control)) for n in nodes if n.control.key is not None})
        raise AssertionError(f"no control {target!r} on the page; keys: {keys}")

    def _interactable(self, target: Target) -> BaseControl:
        n = self._node(target)
        assert n.shown, f"{target!r} is not visible (hidden, closed dialog or lower view)"
        assert n.enabled, f"{target!r} is disabled"
        return n.control

    def _event(self, control: BaseControl, name: str, data: Any = None,
               props: Optional[dict] = None):
        """Client-style input: optional property update, then the event."""

        async def send():
            if props:
                self.session.apply_patch(control._i, props)
            if getattr(control, f"on_{name}", None) is not None:
                await self.session.dispatch_event(control._i, name, data)

        self._run(send())

    # ---------------------------------------------------------- public API --
    @property
    def page(self) -> ft.Page:
        return self.session.page

    @property
    def messages(self) -> list[tuple[MessageAction, Any]]:
        """Decoded ``(action, body)`` pairs sent to the (absent) client."""
        return list(self._conn.messages)

    def find(self, key: str) -> BaseControl:
        """The control whose ``key`` equals ``key`` (AssertionError if absent)."""
        return self._node(key).control

    def find_all(self, predicate: Callable[[BaseControl], bool]) -> list[BaseControl]:
        return [n.control for n in self._walk() if predicate(n.control)]

    def texts(self) -> list[str]:
        """Strings on screen: Text values, plus str value/label/content/title/text
        of other visible controls (TextField value and label, button captions…)."""
        out = []
        for n in self._walk():
            if not n.shown:
                continue
            c = n.control
            attrs = ("value",) if isinstance(c, ft.Text) else (
                "value", "label", "content", "title", "text")
            out += [v for a in attrs if isinstance(v := getattr(c, a, None), str)]
        return out

    def click(self, target: Target, data: Any = None):
        """Tap a control: fires ``click`` (or ``tap`` for GestureDetector-like)."""
        c = self._interactable(target)
        name = next((n for n in ("click", "tap") if getattr(c, f"on_{n}", None)), None)
        assert name, f"{target!r} has no on_click/on_tap handler"
        self._event(c, name, data)

    def type(self, target: Target, text: str):
        """Type into a TextField: value update + ``change`` (if subscribed)."""
        self._event(self._interactable(target), "change", text, {"value": text})

    def change(self, target: Target, value: Any):
        """Set a Slider/Switch/Checkbox/Dropdown value, or a NavigationBar/Rail/
        Tabs ``selected_index``, then fire ``change``."""
        c = self._interactable(target)
        prop = "selected_index" if hasattr(c, "selected_index") and not hasattr(
            c, "value") else "value"
        self._event(c, "change", value, {prop: value})

    def submit(self, target: Target):
        """Press Enter in a TextField (``on_submit``)."""
        c = self._interactable(target)
        self._event(c, "submit", c.value)

    def fire(self, target: Target, event: str, data: Any = None,
             props: Optional[dict] = None):
        """Escape hatch: any event (``"long_press"``, ``"focus"``…) on any control."""
        self._event(self._node(target).control, event, data, props)

    def resize(self, width: float, height: float):
        """Client window resize: page width/height update + page ``resize``
        event (delivered to ``page.on_resize`` as PageResizeEvent)."""
        size = {"width": width, "height": height}
        self._event(self.page, "resize", size, size)

    def route(self, route: str):
        """Client navigation (URL/back button): page.route + ``route_change``."""
        self._run(_client_route_change(self.session, route))

    def back(self):
        """AppBar back button / system back: ``view_pop`` for the top view."""
        top = self.page.views[-1]
        self._event(self.page, "view_pop", {"route": top.route})

    def dismiss_dialog(self):
        """User taps outside the top open dialog (barrier dismiss)."""
        dialogs = [d for d in self.page._dialogs.controls if d.open]
        assert dialogs, "no open dialog"
        self._event(dialogs[-1], "dismiss", None, {"open": False})

    def wait_idle(self):
        """Let background work (run_task, run_thread) finish; check crashes."""
        self._run(asyncio.sleep(0))

    def close(self):
        if self._loop.is_closed():
            return

        async def shutdown():
            if self.session is not None:
                try:
                    self.session.close()
                except Exception:  # noqa: BLE001
                    pass
            await asyncio.sleep(0)
            for t in asyncio.all_tasks() - {asyncio.current_task()}:
                t.cancel()

        if self._thread.is_alive():
            try:
                asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(5)
            finally:
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._thread.join(5)
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._loop.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _key_of(control: BaseControl):
    key = control.key
    return getattr(key, "value", key)  # ft.ValueKey / ScrollKey wrap the value


def run_app(main: Callable, *, width: float = 390, height: float = 844,
            route: str = "/", **kwargs) -> FletHarness:
    """Start ``main`` in a :class:`FletHarness`; remember to ``close()`` it."""
    return FletHarness(main, width=width, height=height, route=route, **kwargs)
