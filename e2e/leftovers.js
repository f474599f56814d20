// Run in the page before its own scripts (e2e/pages/embed-demo-page.ts, watchForLeaks): counts what can
// outlive a component that does not clean up. Listeners count on the window and on nodes of the page
// itself, not inside a shadow root, whose nodes go with it; timers are timeouts, intervals and idle
// callbacks not yet run or cleared; observers are ResizeObserver, MutationObserver and
// IntersectionObserver instances not disconnected. window.__leftovers() reads them: the listeners as
// "target type", the timers and frames by id, the observers as a count.
(() => {
  const ids = new WeakMap();
  let nextId = 0;
  const idOf = (value) => {
    if (!ids.has(value)) ids.set(value, ++nextId);
    return ids.get(value);
  };
  const onPage = (target) =>
    target === window || (target instanceof Node && target.getRootNode() === document);
  const nameOf = (target) => (target === window ? 'window' : target.nodeName);
  const keyOf = (target, type, listener, options) => {
    const capture = typeof options === 'boolean' ? options : options?.capture === true;
    return `${idOf(target)} ${type} ${idOf(listener)} ${capture}`;
  };

  const listeners = new Map();
  const { addEventListener, removeEventListener } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (listener && onPage(this)) {
      const key = keyOf(this, type, listener, options);
      listeners.set(key, `${nameOf(this)} ${type}`);
      // A `once` listener goes when it has run, without a call to removeEventListener.
      if (options?.once === true) {
        const capture = options.capture === true;
        addEventListener.call(this, type, () => listeners.delete(key), { capture, once: true });
      }
    }
    return addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (listener) listeners.delete(keyOf(this, type, listener, options));
    return removeEventListener.call(this, type, listener, options);
  };

  const timers = new Set();
  const frames = new Set();
  const original = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    requestIdleCallback: window.requestIdleCallback,
    cancelIdleCallback: window.cancelIdleCallback,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
  };
  window.setTimeout = (handler, delay, ...args) => {
    const id = original.setTimeout.call(
      window,
      (...callbackArgs) => {
        timers.delete(`timeout ${id}`);
        if (typeof handler === 'function') handler(...callbackArgs);
      },
      delay,
      ...args,
    );
    timers.add(`timeout ${id}`);
    return id;
  };
  window.clearTimeout = (id) => {
    timers.delete(`timeout ${id}`);
    original.clearTimeout.call(window, id);
  };
  window.setInterval = (handler, delay, ...args) => {
    const id = original.setInterval.call(window, handler, delay, ...args);
    timers.add(`interval ${id}`);
    return id;
  };
  window.clearInterval = (id) => {
    timers.delete(`interval ${id}`);
    original.clearInterval.call(window, id);
  };
  window.requestIdleCallback = (callback, options) => {
    const id = original.requestIdleCallback.call(
      window,
      (deadline) => {
        timers.delete(`idle ${id}`);
        callback(deadline);
      },
      options,
    );
    timers.add(`idle ${id}`);
    return id;
  };
  window.cancelIdleCallback = (id) => {
    timers.delete(`idle ${id}`);
    original.cancelIdleCallback.call(window, id);
  };
  window.requestAnimationFrame = (callback) => {
    const id = original.requestAnimationFrame.call(window, (time) => {
      frames.delete(id);
      callback(time);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    frames.delete(id);
    original.cancelAnimationFrame.call(window, id);
  };

  const observing = new Set();
  for (const Observer of [ResizeObserver, MutationObserver, IntersectionObserver]) {
    const { observe, disconnect } = Observer.prototype;
    Observer.prototype.observe = function (...args) {
      observing.add(this);
      return observe.apply(this, args);
    };
    Observer.prototype.disconnect = function () {
      observing.delete(this);
      return disconnect.call(this);
    };
  }

  window.__leftovers = () => ({
    listeners: [...listeners.values()].sort(),
    timers: [...timers].sort(),
    frames: [...frames].sort(),
    observers: observing.size,
  });
})();
