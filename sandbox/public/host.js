/* Host page behaviour: iframe sizing, router navigation and flags from the bridge stub, issue context status, demo actions. */
(function () {
  'use strict';
  function frameOf(source) {
    var frames = document.querySelectorAll('iframe.forge-frame');
    for (var i = 0; i < frames.length; i += 1) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  function showFlag(flag) {
    var container = document.getElementById('flags');
    if (!container) return;
    var element = document.createElement('div');
    element.className = 'flag flag-' + flag.type;
    element.setAttribute('role', 'status');
    element.dataset.flagId = flag.id;
    var title = document.createElement('strong');
    title.textContent = flag.title;
    var description = document.createElement('p');
    description.textContent = flag.description;
    element.appendChild(title);
    element.appendChild(description);
    container.appendChild(element);
    setTimeout(function () {
      element.remove();
    }, 8000);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin || !event.data || event.data.source !== 'forge-sandbox') return;
    var frame = frameOf(event.source);
    if (!frame) return;
    var message = event.data;
    if (message.type === 'resize' && typeof message.height === 'number') frame.style.height = Math.max(40, message.height) + 'px';
    else if (message.type === 'navigate' && typeof message.url === 'string' && message.url.charAt(0) === '/') {
      if (message.newTab) window.open(message.url, '_blank', 'noopener');
      else window.location.assign(message.url);
    } else if (message.type === 'reload') window.location.reload();
    else if (message.type === 'flag' && message.flag) showFlag(message.flag);
    else if (message.type === 'close-flag') {
      var open = document.querySelector('[data-flag-id="' + CSS.escape(message.id) + '"]');
      if (open) open.remove();
    }
  });

  /*
   * Issue context status: Jira calls the module's dynamicProperties function on the first render and
   * whenever the panel is collapsed, and shows the returned badge, lozenge or icon right of the label.
   * Text only (textContent), so a label can never inject markup. A late answer never overwrites a newer one.
   */
  function renderStatus(slot, status) {
    slot.textContent = '';
    if (!status || !status.value) return;
    var element = document.createElement('span');
    if (status.type === 'lozenge') element.className = 'lozenge lozenge-' + (status.value.type || 'default');
    else if (status.type === 'badge') element.className = 'context-badge';
    else element.className = 'context-icon-label';
    element.textContent = status.value.label;
    slot.appendChild(element);
  }

  function watchIssueContext(panel) {
    var slot = panel.querySelector('.context-status');
    if (!slot) return;
    var latest = 0;
    function load() {
      latest += 1;
      var request = latest;
      panel.dataset.statusRequests = String(latest);
      panel.dataset.statusLoading = 'true';
      fetch('/__sandbox/dynamic-properties', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ module: panel.dataset.module, issue: panel.dataset.issue, as: panel.dataset.as }),
      })
        .then(function (response) {
          return response.json();
        })
        .catch(function () {
          return { status: null };
        })
        .then(function (json) {
          if (request !== latest) return;
          renderStatus(slot, json.status);
          panel.dataset.statusLoading = 'false';
        });
    }
    load();
    panel.addEventListener('toggle', function () {
      if (!panel.open) load();
    });
  }

  var contexts = document.querySelectorAll('details.issue-context[data-dynamic-properties]');
  for (var c = 0; c < contexts.length; c += 1) watchIssueContext(contexts[c]);

  /*
   * Issue fields follow the app's changes without a reload: when the panel accepts an estimate it
   * writes the estimation field, and Jira's issue view shows the new value in place. This page is
   * static HTML, so on the app's own "readiness changed" event (events.emit, delivered to the page's
   * frames over the same BroadcastChannel the bridge stub uses) it reads itself again and swaps in
   * the fields the app may have written: Story points and Labels.
   */
  var FOLLOWED_FIELDS = ['story-points', 'labels'];
  if (typeof BroadcastChannel === 'function' && document.querySelector('[data-testid="story-points"]')) {
    var fieldChannel = new BroadcastChannel('forge-sandbox-events');
    var fieldRequest = 0;
    fieldChannel.onmessage = function (message) {
      var data = message.data || {};
      if (data.event !== 'refinement-radar.readiness-changed') return;
      fieldRequest += 1;
      var request = fieldRequest;
      fetch(window.location.href, { headers: { accept: 'text/html' } })
        .then(function (response) {
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          if (html === null || request !== fieldRequest) return;
          var fresh = new DOMParser().parseFromString(html, 'text/html');
          FOLLOWED_FIELDS.forEach(function (id) {
            var selector = '[data-testid="' + id + '"]';
            var current = document.querySelector(selector);
            var next = fresh.querySelector(selector);
            if (current && next) current.replaceChildren.apply(current, Array.prototype.slice.call(next.childNodes).map(function (node) {
              return document.importNode(node, true);
            }));
          });
        })
        .catch(function () {});
    };
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.action) return;
    event.preventDefault();
    var body = {};
    new FormData(form).forEach(function (value, key) {
      body[key] = value;
    });
    body.as = new URLSearchParams(window.location.search).get('as') || 'ana';
    fetch('/__sandbox/actions/' + form.dataset.action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json();
      })
      .then(function (json) {
        if (json.ok) window.location.reload();
        else showFlag({ id: 'action', title: 'Action failed', description: json.message || '', type: 'error' });
      });
  });
})();
