/* Host page behaviour: iframe sizing, router navigation and flags from the bridge stub, demo actions. */
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
