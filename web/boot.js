// Starts Wayfinder: reads the stored documents from IndexedDB while the wasm, the JS glue and the
// fonts load in parallel, checks that the glue and the wasm come from the same build, hands the fonts
// (and, through library_wayfinder.js, the documents) to C++ (wf_start), and registers the service
// worker (offline, updates) once the first frame is drawn. Any failure becomes a plain message that
// says what to do.
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
  // Registered once the first frame is on screen: on a first visit the worker's install downloads
  // (precaches) every file again, which would otherwise compete with the page's own downloads.
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
  var workerAsked = false;
  function registerWorker() {
    if (workerAsked || !('serviceWorker' in navigator && window.isSecureContext)) return;
    workerAsked = true;
    performance.mark('wayfinder:service-worker');
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
  // After the paint that shows the first frame (a task queued from the next animation frame runs
  // after it), and after the page's load event.
  function afterFirstPaint(fn) {
    requestAnimationFrame(function () {
      setTimeout(function () {
        if (document.readyState === 'complete') fn(); else window.addEventListener('load', fn, { once: true });
      }, 0);
    });
  }

  // --- stored work: read while the wasm downloads and compiles -----------------------------------
  // The documents, then the backups the app lists next, are read now, in parallel with the downloads;
  // library_wayfinder.js (WF.loadAll) takes them, and this connection, at start, so the first frame
  // already shows the stored work. The tabs' BroadcastChannel opens before the read: a commit another
  // tab makes meanwhile is kept in `heard` and replayed after the documents, as before.
  var storage = boot.storage = { unavailable: false, channel: null, heard: [], database: null,
                                 documents: null, records: null, error: null, backups: null, superseded: false };
  boot.openDatabase = function () {
    return new Promise(function (resolve, reject) {
      var request;
      // Version 2 adds the blobs store (evidence pictures). Each upgrade only adds what is missing, so a
      // profile from any earlier version keeps everything; a tab of an older Wayfinder still open is
      // told (versionchange) and stops saving.
      try { request = indexedDB.open('wayfinder', 2); } catch (e) { reject(e); return; }
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains('documents')) db.createObjectStore('documents', { keyPath: 'key' });
        if (!db.objectStoreNames.contains('backups')) db.createObjectStore('backups', { keyPath: 'name' });
        if (!db.objectStoreNames.contains('blobs')) db.createObjectStore('blobs', { keyPath: 'key' });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
      request.onblocked = function () { reject({ name: 'Blocked' }); };
    });
  };
  boot.readStore = function (db, storeName) {
    return new Promise(function (resolve, reject) {
      var tx = db.transaction([storeName], 'readonly');
      var request = tx.objectStore(storeName).getAll();
      request.onsuccess = function () { resolve(request.result); };
      tx.onabort = function () { reject(tx.error); };
    });
  };
  if (typeof indexedDB === 'undefined' || !indexedDB) {
    storage.unavailable = true;
  } else {
    if (typeof BroadcastChannel !== 'undefined') {
      storage.channel = new BroadcastChannel('wayfinder-documents');
      storage.channel.onmessage = function (e) { storage.heard.push(e.data); };
    }
    var database = storage.database = boot.openDatabase().then(function (db) {
      // Until the app takes this connection nothing is pending: another tab upgrading the database
      // just closes it, and the app is told when it starts.
      db.onversionchange = function () { storage.superseded = true; db.close(); };
      return db;
    });
    storage.documents = database.then(function (db) { return boot.readStore(db, 'documents'); }).then(function (records) {
      storage.records = records;
      performance.mark('wayfinder:documents-read');
      return records;
    }, function (error) {
      storage.error = error || { name: 'UnknownError' };
      throw storage.error;
    });
    storage.backups = storage.documents.then(function () { return database; })
      .then(function (db) { return boot.readStore(db, 'backups'); });
    // Both are answered by the app (a failure becomes its "not keeping data" banner).
    storage.documents.catch(function () {});
    storage.backups.catch(function () {});
  }
  // The app starts once the documents are read, so its first frame shows them; a browser whose
  // IndexedDB never answers still gets the app (saying it is opening the saved work) after a while.
  var documentsRead = Promise.race([
    storage.documents ? storage.documents.catch(function () {}) : Promise.resolve(),
    new Promise(function (resolve) { setTimeout(resolve, 3000); }),
  ]);

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
  // The same bytes become the browser's faces WayfinderAtlas0 and 1, which draw the app's font atlas
  // (library_wayfinder.js), so the wasm carries no rasteriser and nothing is downloaded twice.
  var fonts = Promise.all([fetchBytes(assets.fontText), fetchBytes(assets.fontIcons)]).then(function (f) {
    return Promise.all(f.map(function (bytes, i) {
      var face = new FontFace('WayfinderAtlas' + i, bytes);
      document.fonts.add(face);
      return face.load();
    })).then(function () { return f; });
  });
  var glue = loadScript(assets.app);

  // How this browser's language writes numeric dates (0 month first, 1 day first, 2 year first), for
  // the app's date fields (library_wayfinder.js asks for it in the first frame). A page's first use
  // of Intl is slow (60-160 ms on a low-end Chromebook), so it is worked out here, while the files
  // download and the wasm compiles.
  var dateOrder = -1;
  boot.dateOrder = function () {
    if (dateOrder < 0) {
      dateOrder = 0;
      try {
        var parts = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric' })
          .formatToParts(new Date(2026, 11, 1)).map(function (p) { return p.type; })
          .filter(function (t) { return t === 'year' || t === 'month' || t === 'day'; }).join(' ');
        dateOrder = parts === 'day month year' ? 1 : parts === 'year month day' ? 2 : 0;
      } catch (e) { /* no Intl: month first, as the app's own English */ }
    }
    return dateOrder;
  };
  setTimeout(boot.dateOrder, 0);

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
    return Promise.all([fonts, documentsRead]).then(function (r) {
      var f = r[0];
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
        registerWorker();
        return;
      }
      status.hidden = true;
      boot.ready = true;
      if (boot.updateReady) m._wf_on_update_ready();
      afterFirstPaint(registerWorker);
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
    registerWorker();   // no first frame is coming; a newer build's worker may mend a mix of versions
  });
})();
