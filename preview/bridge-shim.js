/*
 * The local preview's stand-in for the Forge host: `@forge/bridge` calls
 * `globalThis.__bridge.callBridge(name, payload)`, which in Jira crosses the iframe boundary. Here it
 * answers from the preview server: invoke → the app's resolvers on the local Forge platform (with
 * Forge's consent prompt when the user has not allowed access), fetchProduct → the Jira emulator,
 * getContext → a preview context, enableTheming → Atlassian design tokens (light or dark),
 * createHistory → this page's URL.
 * Loaded as a classic script before the app's bundle, because the bridge looks for it at import time.
 */
(function () {
  var config = JSON.parse(document.currentScript.getAttribute('data-preview'));
  var query = new URLSearchParams(window.location.search);
  var issueKey = query.get('issue');
  // `?as=<accountId>` opens the page as another user of the emulated site (e.g. one who is not a Jira admin).
  var accountId = query.get('as') || config.accountId;
  var colorMode =
    query.get('theme') ||
    (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

  var context = {
    accountId: accountId,
    cloudId: 'preview-cloud',
    siteUrl: config.siteUrl,
    moduleKey: config.moduleKey,
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: config.timeZone,
    theme: { colorMode: colorMode },
    // A dashboard gadget's extension comes from the platform (ids, entry point, stored configuration).
    extension: config.extension
      ? config.extension
      : issueKey
        ? {
            type: config.moduleType,
            issue: { key: issueKey, type: 'Incident' },
            project: { key: issueKey.split('-')[0] },
          }
        : { type: config.moduleType },
  };

  // Forge's consent prompt: an invocation that needed the user's access (asUser()) before they allowed
  // it fails with NEEDS_AUTHENTICATION_ERR; Jira then asks them, and the call runs again once they allow.
  function askForConsent() {
    return new Promise(function (resolve) {
      var screen = document.createElement('div');
      screen.setAttribute('role', 'dialog');
      screen.setAttribute('aria-label', 'Allow access');
      screen.setAttribute('data-testid', 'forge-consent');
      screen.style.cssText =
        'position:fixed;inset:0;z-index:10000;display:flex;align-items:center;justify-content:center;' +
        'background:rgba(9,30,66,0.54);font-family:system-ui,sans-serif';
      screen.innerHTML =
        '<div style="background:#fff;color:#172b4d;padding:24px;border-radius:8px;max-width:28rem">' +
        '<h2 style="margin-top:0">Allow access</h2>' +
        '<p>Postmortems for Jira needs your permission to read and edit Jira issues as you.</p>' +
        '<button type="button">Allow access</button></div>';
      screen.querySelector('button').addEventListener('click', function () {
        fetch('/__forge/consent/grant', { method: 'POST' }).then(function () {
          screen.remove();
          resolve();
        });
      });
      document.body.appendChild(screen);
    });
  }

  function invoke(payload) {
    return fetch('/__preview/invoke/' + config.resource, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionKey: payload.functionKey, payload: payload.payload, context: context }),
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.status === 401 && body.error === 'NEEDS_AUTHENTICATION_ERR')
          return askForConsent().then(function () {
            return invoke(payload);
          });
        if (!response.ok) throw new Error(body.message || 'The preview server answered ' + response.status);
        return body;
      });
    });
  }

  var handlers = {
    invoke: invoke,
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
    // view.submit from a gadget's edit view: the platform stores the configuration for that gadget
    // and Jira shows the gadget's view again; `false` where the view is not submittable.
    submit: function (payload) {
      var extension = context.extension;
      if (!extension.gadget || !extension.dashboard) return Promise.resolve(false);
      return fetch('/__preview/gadget/submit', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          dashboardId: extension.dashboard.id,
          gadgetId: extension.gadget.id,
          entryPoint: extension.entryPoint,
          configuration: payload,
        }),
      }).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.message || 'The preview server answered ' + response.status);
          if (body.submitted) {
            var url = new URL(window.location.href);
            url.searchParams.delete('entry');
            window.location.assign(url.toString());
          }
          return body.submitted;
        });
      });
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
