// antd reads these browser APIs, which jsdom does not have.
require('@testing-library/jest-dom');
// findBy…/waitFor poll for their condition; on two shared cores under load a lazy route can take
// seconds to appear, so they may poll for up to 20 s (a third of the tests' own limit).
require('@testing-library/react').configure({ asyncUtilTimeout: 20_000 });

const noop = () => undefined;
if (!window.matchMedia) {
  window.matchMedia = (query) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: noop,
    removeListener: noop,
    addEventListener: noop,
    removeEventListener: noop,
    dispatchEvent: () => false,
  });
}
if (!global.ResizeObserver) {
  global.ResizeObserver = class {
    observe = noop;
    unobserve = noop;
    disconnect = noop;
  };
}

// antd 6's Form (@rc-component/form) schedules watchers with MessageChannel, which jsdom lacks.
// A timer-backed stand-in keeps the macrotask semantics without Node's ports holding Jest open.
if (typeof globalThis.MessageChannel === 'undefined') {
  class FakePort {
    constructor() {
      this.onmessage = null;
      this.other = null;
    }
    postMessage(data) {
      const target = this.other;
      setTimeout(() => {
        if (target && typeof target.onmessage === 'function') target.onmessage({ data });
      }, 0);
    }
    close() {
      this.onmessage = null;
    }
  }
  globalThis.MessageChannel = function MessageChannel() {
    this.port1 = new FakePort();
    this.port2 = new FakePort();
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  };
}

// React Router 7 encodes with TextEncoder, which jsdom does not provide either.
if (typeof globalThis.TextEncoder === 'undefined') {
  const { TextEncoder, TextDecoder } = require('node:util');
  globalThis.TextEncoder = TextEncoder;
  globalThis.TextDecoder = TextDecoder;
}

// antd's CSS-in-JS writes one <style> per component and token into the document. jsdom then
// matches every rule of every sheet against the element in each getComputedStyle call — which
// Testing Library's *ByRole queries make for every element they look at (to skip hidden ones),
// and rc-util on layout reads: a page spec spent over half its time in selector matching
// (nwsapi). The styles are still generated (so the token and hashing code runs); they are kept
// in detached <style> elements instead, which jsdom never parses. No spec asserts antd's CSS.
jest.mock('@rc-component/util/lib/Dom/dynamicCSS', () => {
  const actual = jest.requireActual('@rc-component/util/lib/Dom/dynamicCSS');
  const detached = new Map();
  const updateCSS = (css, key) => {
    let style = detached.get(key);
    if (!style) {
      style = document.createElement('style');
      detached.set(key, style);
    }
    style.textContent = css;
    return style;
  };
  return {
    ...actual,
    injectCSS: (css) => {
      const style = document.createElement('style');
      style.textContent = css;
      return style;
    },
    updateCSS,
    removeCSS: (key) => detached.get(key)?.remove(),
  };
});

// In development builds antd records which design tokens each component reads: every token
// object becomes a Proxy and every merge a set of getters, on every render of every component.
// That bookkeeping only serves antd's own theme tooling; the production behaviour (plain objects)
// is kept here, as in the shipped apps.
jest.mock('@ant-design/cssinjs-utils/lib/util/statistic', () => ({
  __esModule: true,
  default: (token) => ({ token, keys: undefined, flush: () => undefined }),
  merge: (...objects) => Object.assign({}, ...objects.filter((o) => typeof o === 'object')),
  statistic: {},
  _statistic_build_: {},
}));
