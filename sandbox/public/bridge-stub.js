/*
 * Sandbox stand-in for the Forge Custom UI bridge. @forge/bridge calls
 * globalThis.__bridge.callBridge(method, payload) for everything it does; this script must load
 * before the app bundle (it is injected as the first element of <head>). The frame's context comes
 * from its URL (?module&issue&project&as&theme); the host server builds the trusted resolver
 * context from it, as Forge does.
 */
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var frame = {
    module: params.get('module') || '',
    issue: params.get('issue') || null,
    project: params.get('project') || null,
    as: params.get('as') || '',
  };
  var theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  var listeners = {};
  // Forge delivers events.emit() to the app's other frames on the page, not to the sender;
  // frames of one sandbox page share an origin, so a BroadcastChannel does the same.
  var eventChannel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('forge-sandbox-events') : null;
  if (eventChannel) {
    eventChannel.onmessage = function (message) {
      var data = message.data || {};
      (listeners[data.event] || []).forEach(function (callback) {
        callback(data.payload);
      });
    };
  }

  function toHost(type, data) {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(Object.assign({ source: 'forge-sandbox', type: type }, data || {}), window.location.origin);
    }
  }

  function postJson(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) throw new Error((json && json.message) || 'Sandbox request failed: ' + response.status);
        return json;
      });
    });
  }

  function contextUrl() {
    var query = new URLSearchParams();
    Object.keys(frame).forEach(function (key) {
      if (frame[key]) query.set(key, frame[key]);
    });
    query.set('theme', theme);
    return '/__sandbox/context?' + query.toString();
  }

  function issueUrl(issueKey) {
    return '/browse/' + encodeURIComponent(issueKey) + '?as=' + encodeURIComponent(frame.as) + '&theme=' + theme;
  }

  function urlFor(location) {
    if (typeof location === 'string') return location;
    if (!location || !location.target) throw new Error('target is required for navigation');
    switch (location.target) {
      case 'issue':
        return issueUrl(location.issueKey || location.issueId);
      case 'projectSettingsDetails':
      case 'projectSettings':
        return '/projects/' + encodeURIComponent(location.projectKey || frame.project) + '/settings?as=' + encodeURIComponent(frame.as) + '&theme=' + theme;
      case 'module':
      case 'projectPage':
        return '/projects/' + encodeURIComponent(location.projectKey || frame.project) + '/agenda?as=' + encodeURIComponent(frame.as) + '&theme=' + theme;
      default:
        throw new Error('Sandbox bridge: navigation target ' + location.target + ' is not supported');
    }
  }

  var history = {
    action: 'POP',
    location: { pathname: '/', search: '', hash: '', state: null, key: 'default' },
    push: function (path) {
      history.location = { pathname: String(path), search: '', hash: '', state: null, key: String(Date.now()) };
    },
    replace: function (path) {
      history.location = { pathname: String(path), search: '', hash: '', state: null, key: String(Date.now()) };
    },
    go: function () {},
    back: function () {},
    forward: function () {},
    listen: function () {
      return function () {};
    },
    block: function () {
      return function () {};
    },
  };

  var handlers = {
    invoke: function (payload) {
      return postJson('/__sandbox/invoke', { functionKey: payload.functionKey, payload: payload.payload || {}, frame: frame }).then(function (json) {
        return json.result;
      });
    },
    getContext: function () {
      return fetch(contextUrl()).then(function (response) {
        return response.json();
      });
    },
    enableTheming: function () {
      var root = document.documentElement;
      root.setAttribute('data-color-mode', theme);
      root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography');
      root.style.colorScheme = theme;
      return undefined;
    },
    navigate: function (payload) {
      var url = urlFor(payload.url ? payload.url : payload);
      toHost('navigate', { url: url, newTab: payload.type === 'new-tab' });
      return undefined;
    },
    getUrl: function (location) {
      return new URL(urlFor(location), window.location.origin).toString();
    },
    reload: function () {
      toHost('reload');
    },
    showFlag: function (options) {
      toHost('flag', { flag: { id: String(options.id), title: options.title || '', description: options.description || '', type: options.type || 'info' } });
      return undefined;
    },
    closeFlag: function (payload) {
      toHost('close-flag', { id: String(payload.id) });
    },
    createHistory: function () {
      return history;
    },
    emit: function (payload) {
      if (eventChannel) eventChannel.postMessage({ event: payload.event, payload: payload.payload });
    },
    on: function (payload) {
      (listeners[payload.event] = listeners[payload.event] || []).push(payload.callback);
      return {
        unsubscribe: function () {
          listeners[payload.event] = (listeners[payload.event] || []).filter(function (callback) {
            return callback !== payload.callback;
          });
        },
      };
    },
    submit: function () {
      return true;
    },
    close: function () {
      return true;
    },
    open: function () {
      return true;
    },
    refresh: function () {
      toHost('reload');
    },
    onClose: function () {},
    changeWindowTitle: function () {},
    emitReadyEvent: function () {},
    getFrameId: function () {
      return frame.module;
    },
    getCookieConsentPreferences: function () {
      return null;
    },
    isRovoEnabled: function () {
      return false;
    },
    initFeatureFlags: function () {
      return {};
    },
    emitFrontendCustomMetric: function () {},
    // apis-reference/ui-api-bridge/realtime "subscribe": events published to the channel (from
    // resolvers too) reach the callback. The channel context is this frame's (module, issue, project)
    // or only the `contextOverrides` properties (realtime/authorizing-realtime-channels); the sandbox
    // server streams them as server-sent events. Resolves once the stream is open; rejects when it
    // cannot open, so the app can fall back to polling. `options.token` (a Realtime token) goes along;
    // the server refuses a subscription without a subscribe token for the channel.
    subscribeRealtimeChannel: function (payload) {
      if (typeof EventSource !== 'function') return Promise.reject(new Error('Realtime is not available in this browser'));
      var query = new URLSearchParams();
      query.set('channel', String(payload.channelName || ''));
      Object.keys(frame).forEach(function (key) {
        if (frame[key]) query.set(key, frame[key]);
      });
      var options = payload.options || {};
      if (Array.isArray(options.contextOverrides)) query.set('overrides', options.contextOverrides.join(','));
      if (payload.isGlobal) query.set('global', '1');
      if (typeof options.token === 'string') query.set('token', options.token);
      return new Promise(function (resolve, reject) {
        var source = new EventSource('/__sandbox/realtime?' + query.toString());
        var opened = false;
        source.onopen = function () {
          opened = true;
          resolve({
            unsubscribe: function () {
              source.close();
            },
          });
        };
        source.onerror = function () {
          // Before it opened: refused (403/404) or no server. After: EventSource reconnects by itself.
          if (!opened) {
            source.close();
            reject(new Error('Realtime subscription failed'));
          }
        };
        source.onmessage = function (message) {
          var data = message.data;
          try {
            data = JSON.parse(message.data);
          } catch (error) {
            // A plain string payload stays a string, as Forge passes it.
          }
          payload.onEvent(data);
        };
      });
    },
  };

  globalThis.__bridge = {
    callBridge: function (method, payload) {
      var handler = handlers[method];
      if (!handler) return Promise.reject(new Error('Sandbox bridge: "' + method + '" is not supported'));
      try {
        return Promise.resolve(handler(payload));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };

  // Forge resizes Custom UI iframes to their content; the host page listens for these messages.
  // Measure the content, not the viewport: Atlaskit's reset gives html/body 100% height.
  function contentHeight() {
    var bottom = 0;
    var elements = document.body ? document.body.querySelectorAll('body > *, body > * > *') : [];
    for (var i = 0; i < elements.length; i += 1) {
      var style = window.getComputedStyle(elements[i]);
      if (style.position === 'fixed' || style.display === 'none') continue;
      bottom = Math.max(bottom, elements[i].getBoundingClientRect().bottom + parseFloat(style.marginBottom || '0'));
    }
    return Math.ceil(bottom + window.scrollY) || document.documentElement.scrollHeight;
  }
  var lastHeight = -1;
  function reportSize() {
    var height = contentHeight();
    if (height === lastHeight) return;
    lastHeight = height;
    toHost('resize', { height: height });
  }
  window.addEventListener('load', reportSize);
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof ResizeObserver === 'function') {
      var observer = new ResizeObserver(reportSize);
      observer.observe(document.documentElement);
      if (document.body) observer.observe(document.body);
    }
    if (typeof MutationObserver === 'function' && document.body) new MutationObserver(reportSize).observe(document.body, { childList: true, subtree: true, attributes: true });
    reportSize();
  });
})();
