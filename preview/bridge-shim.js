/*
 * The local preview's stand-in for the Forge host: `@forge/bridge` calls
 * `globalThis.__bridge.callBridge(name, payload)`, which in Jira crosses the iframe boundary. Here it
 * answers from the preview server: invoke → the app's real resolvers, fetchProduct → the Jira emulator,
 * getContext → a preview context, enableTheming → Atlassian design tokens (light or dark),
 * createHistory → this page's URL.
 * Loaded as a classic script before the app's bundle, because the bridge looks for it at import time.
 */
(function () {
  var config = JSON.parse(document.currentScript.getAttribute('data-preview'));
  var query = new URLSearchParams(window.location.search);
  var issueKey = query.get('issue');
  var colorMode =
    query.get('theme') ||
    (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

  var context = {
    accountId: config.accountId,
    cloudId: 'preview-cloud',
    siteUrl: config.siteUrl,
    moduleKey: config.moduleKey,
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: config.timeZone,
    theme: { colorMode: colorMode },
    extension: issueKey
      ? {
          type: config.moduleType,
          issue: { key: issueKey, type: 'Incident' },
          project: { key: issueKey.split('-')[0] },
        }
      : { type: config.moduleType },
  };

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      if (!response.ok) throw new Error('The preview server answered ' + response.status);
      return response.json();
    });
  }

  var handlers = {
    invoke: function (payload) {
      return postJson('/__preview/invoke/' + config.resource, {
        functionKey: payload.functionKey,
        payload: payload.payload,
        context: context,
      });
    },
    getContext: function () {
      return Promise.resolve(context);
    },
    enableTheming: function () {
      var root = document.documentElement;
      root.setAttribute('data-color-mode', colorMode);
      root.setAttribute(
        'data-theme',
        'dark:dark light:light spacing:spacing typography:typography shape:shape',
      );
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/__preview/tokens.css';
      document.head.appendChild(link);
      return Promise.resolve();
    },
    fetchProduct: function (payload) {
      var init = payload.fetchRequestInit || {};
      return fetch(payload.restPath, {
        method: init.method || 'GET',
        headers: init.headers,
        body: init.body || undefined,
      }).then(function (response) {
        return response.text().then(function (body) {
          return {
            body: body,
            status: response.status,
            statusText: response.statusText,
            headers: Object.fromEntries(response.headers.entries()),
          };
        });
      });
    },
    navigate: function (payload) {
      var url = payload.url || payload.target || '/';
      if (payload.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
      return Promise.resolve();
    },
    // A `history`-style object over this page's own URL (in Jira: the host page's, outside the iframe).
    createHistory: function () {
      var listeners = [];
      var current = function () {
        return {
          pathname: window.location.pathname,
          search: window.location.search,
          hash: window.location.hash,
          state: window.history.state,
        };
      };
      var notify = function (action) {
        history.location = current();
        history.action = action;
        listeners.forEach(function (listener) {
          listener(history.location, action);
        });
      };
      var go = function (method, action) {
        return function (to, state) {
          var target =
            typeof to === 'string'
              ? to
              : (to.pathname || window.location.pathname) + (to.search || '') + (to.hash || '');
          window.history[method](state === undefined ? null : state, '', target);
          notify(action);
        };
      };
      var history = {
        action: 'POP',
        location: current(),
        push: go('pushState', 'PUSH'),
        replace: go('replaceState', 'REPLACE'),
        go: function (delta) {
          window.history.go(delta);
        },
        back: function () {
          window.history.back();
        },
        forward: function () {
          window.history.forward();
        },
        listen: function (listener) {
          listeners.push(listener);
          return function () {
            listeners = listeners.filter(function (other) {
              return other !== listener;
            });
          };
        },
      };
      window.addEventListener('popstate', function () {
        notify('POP');
      });
      return Promise.resolve(history);
    },
    showFlag: function (payload) {
      console.info('[flag]', payload.title, payload.description || '');
      return Promise.resolve();
    },
  };

  window.__bridge = {
    callBridge: function (name, payload) {
      var handler = handlers[name];
      if (!handler)
        return Promise.reject(new Error('The local preview does not emulate bridge call "' + name + '"'));
      return handler(payload);
    },
  };
})();
