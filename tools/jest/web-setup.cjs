// antd reads these browser APIs, which jsdom does not have.
require('@testing-library/jest-dom');
// Lazy routes and antd take a while to appear on two shared cores: wait up to 10 s, not 1 s.
require('@testing-library/react').configure({ asyncUtilTimeout: 10_000 });

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
