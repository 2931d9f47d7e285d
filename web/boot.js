// Starts Wayfinder: registers the service worker (offline, updates), loads the wasm, the JS glue and
// the fonts in parallel, checks that the glue and the wasm come from the same build, then hands
// the fonts to C++ (wf_start). Any failure becomes a plain message that says what to do.
(function () {
  'use strict';
  var script = document.currentScript;
  var assets = JSON.parse(script.getAttribute('data-assets'));
  var status = document.getElementById('wayfinder-status');
  var boot = window.wayfinderBoot = { version: assets.version, ready: false, error: null, updateReady: false };
  var module = null;

  function fail(message) {
    boot.error = message;
    status.textContent = message;
    status.className = 'wf-error';
    status.hidden = false;
  }

  // --- service worker: offline after the first visit, and updates offered, never forced ----------
  function offerUpdate() {
    boot.updateReady = true;
    if (module) module._wf_on_update_ready();
  }
  boot.applyUpdate = function () {
    var reg = boot.registration;
    if (!reg || !reg.waiting) return;
    boot.updating = true;
    reg.waiting.postMessage({ type: 'SKIP_WAITING' });
  };
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.addEventListener('controllerchange', function () { if (boot.updating) location.reload(); });
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      boot.registration = reg;
      var watch = function (worker) {
        if (!worker) return;
        worker.addEventListener('statechange', function () {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate();
        });
      };
      if (reg.waiting && navigator.serviceWorker.controller) offerUpdate();
      watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
    }).catch(function () { /* offline use is a bonus; the app still runs */ });
  }

  // --- loading ---------------------------------------------------------------------------------
  function fetchBytes(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
      return response.arrayBuffer();
    });
  }
  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = url;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + url)); };
      document.head.appendChild(s);
    });
  }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function checkPair(wasmBytes) {
    // The glue states which wasm it was built with; a mix of two builds would crash in odd ways.
    var expected = self.WAYFINDER_WASM_SHA256;
    if (!expected || !(self.crypto && crypto.subtle)) return Promise.resolve();
    return crypto.subtle.digest('SHA-256', wasmBytes).then(function (digest) {
      if (hex(digest) !== expected) {
        var error = new Error('mismatch');
        error.mismatch = true;
        throw error;
      }
    });
  }

  // The wasm compiles while it downloads (off the main thread); a clone of the same response is
  // hashed in parallel for the build check. Hosts that serve .wasm with the wrong type fall back to
  // compiling the bytes.
  var wasmResponse = fetch(assets.wasm).then(function (response) {
    if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + assets.wasm);
    return response;
  });
  var wasmBytes = wasmResponse.then(function (r) { return r.clone().arrayBuffer(); });
  var compiled = wasmResponse.then(function (r) {
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(r.clone()) : Promise.reject();
  }).catch(function () {
    return wasmBytes.then(function (bytes) { return WebAssembly.compile(bytes); });
  }).then(function (m) { performance.mark('wayfinder:wasm-compiled'); return m; });
  var fonts = Promise.all([fetchBytes(assets.fontText), fetchBytes(assets.fontIcons)]);
  var glue = loadScript(assets.app);

  Promise.all([wasmBytes, glue]).then(function (r) { return checkPair(r[0]); }).then(function () {
    return compiled;
  }).then(function (wasmModule) {
    return createWayfinder({
      instantiateWasm: function (imports, done) {
        WebAssembly.instantiate(wasmModule, imports).then(function (instance) { done(instance, wasmModule); });
        return {};
      },
    });
  }).then(function (m) {
    return fonts.then(function (f) {
      var text = new Uint8Array(f[0]), icons = new Uint8Array(f[1]);
      var tp = m._malloc(text.length), ip = m._malloc(icons.length);
      m.HEAPU8.set(text, tp);
      m.HEAPU8.set(icons, ip);
      module = m;
      boot.module = m;
      // The font bytes stay owned by C++ (copied there); these buffers can go.
      performance.mark('wayfinder:start');
      var ok = m._wf_start(tp, text.length, ip, icons.length);
      performance.mark('wayfinder:started');
      m._free(tp);
      m._free(ip);
      if (!ok) {
        fail('Wayfinder needs WebGL 2, which this browser has turned off. Your saved work is safe. ' +
             'Try turning on hardware acceleration in the browser settings, or use another browser.');
        return;
      }
      status.hidden = true;
      boot.ready = true;
      if (boot.updateReady) m._wf_on_update_ready();
    });
  }).catch(function (error) {
    if (error && error.mismatch) {
      fail('Wayfinder could not start: its files on this device come from two different versions. ' +
           'Your saved work is not affected. Reload the page while online; if this message stays, ' +
           "clear this site's cached files (not its data) in the browser settings.");
    } else {
      fail('Wayfinder could not load its files (' + (error && error.message || error) + '). ' +
           'Check the connection and reload. After one complete visit it also works offline.');
    }
  });
})();
