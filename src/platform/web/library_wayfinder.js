// Wayfinder's browser glue, linked with --js-library. Everything that touches the DOM lives here
// (and in web/boot.js); C++ calls the wf_js_* functions, and events call back into the exported
// _wf_on_* functions of src/platform/web/main_web.cpp.
//
// Implemented features:
//  [X] Pointer (mouse, pen, touch with drag-to-scroll), wheel/trackpad in pixels, keys, focus.
//  [X] Map canvases: a touch that starts on the visible map drags (a note, or the map) instead of
//      scrolling the page; two fingers there pinch-zoom it; a trackpad pinch or Ctrl+wheel zooms the
//      map under the pointer instead of the page.
//  [X] Canvas backing store = CSS size x devicePixelRatio exactly (ResizeObserver device-pixel box), zoom.
//  [X] Frames only on request (requestAnimationFrame), timers only when something is due.
//  [X] IndexedDB: strict durability, success on transaction complete, abort/quota errors reported.
//      web/boot.js opens it and reads the documents while the wasm loads; they are handed to C++ at
//      start, inside wf_start, so the first frame shows them. This file takes that connection over.
//      One record per document key with its revision; each write is a compare-and-swap on the
//      revision it was based on, decided inside its own transaction; a removal keeps a removed record.
//  [X] Tabs: each commit is announced on a BroadcastChannel; a tab coming back into view rereads
//      the store for anything it missed. Another tab upgrading the database (versionchange) gets
//      this tab's pending changes written first, then stops it saving.
//  [X] Native <textarea> over the text field being edited (IME, dead keys, spellcheck, on-screen keyboard);
//      the browser's own <input type=date>, with its calendar, over a date field being picked.
//  [X] Downloads, file picker, drag-and-drop and paste of files (several pictures at once), clipboard copy.
//  [X] Evidence pictures: decoded, scaled down and encoded again in the browser, kept in IndexedDB's
//      blobs store; decoded again into WebGL textures, at the size they are drawn, to show them.
//  [X] WebGL context loss and restore.
//  [X] A signing key (Web Crypto Ed25519, private half not extractable) in its own IndexedDB
//      database; signatures made and checked with it.
//  [X] A backup file kept up to date through the File System Access API where the browser has it; the
//      file handle is remembered in IndexedDB, and permission asked again after a restart.
// Known issues:
//  [ ] A pinch that starts outside a map is left to the browser.

var LibraryWayfinder = {
  $WF: {
    canvas: null,
    editor: null,            // the native text editor (textarea)
    dateEditor: null,        // the browser's date input
    shown: null,             // the one of the two over a field now, or null
    editorField: 0,          // the field id it currently edits
    editorPlace: '',         // where and how the shown editor was last placed (skip unchanged style writes)
    canvasRect: null,        // the canvas's place in the page, as of the last resize
    dateOrder: -1,           // how the browser's language writes numeric dates (see wf_js_date_order); -1: not asked yet
    rafPending: false,
    timer: 0, timerAt: 0,
    db: null, dbOpening: null,
    earlyBackups: null,      // boot.js's read of the backups store, for the reads asked for at start
    superseded: false,       // another tab upgraded the database: this tab must not write any more
    channel: null,           // BroadcastChannel to the other tabs of this origin
    loaded: false,           // C++ has the documents; announcements before that are queued
    heard: [],               // announcements that arrived before the documents were loaded
    unsavedGuard: false,
    touch: null,             // {id, x, y, scrolling, lastY, lastX}
    touchArea: null,         // {x, y, w, h}: the visible map canvas, where touches drag and pinch; null: none
    mapTouches: {},          // pointerId -> [x, y] of each touch that began on the map
    mapTouch: null,          // {id, x, y}: the one touch acting as the mouse on the map (pressed)
    pinch: null,             // {dist, x, y}: the two fingers' distance and centre at the last move
    buttonsDown: {},         // mouse buttons pressed on the canvas and not yet released

    // The browser's own encoder: a script loop over a long reflection on every keystroke is slow, and
    // leaves garbage behind. A UTF-16 unit never takes more than three UTF-8 bytes.
    encoder: null,
    withString: function(text, fn) {
      var size = text.length * 3 + 1;
      var ptr = Module._malloc(size);
      var encoder = WF.encoder || (WF.encoder = new TextEncoder());
      var written = encoder.encodeInto(text, HEAPU8.subarray(ptr, ptr + size - 1)).written;
      HEAPU8[ptr + written] = 0;
      try { return fn(ptr); } finally { Module._free(ptr); }
    },
    withBytes: function(bytes, fn) {
      var ptr = Module._malloc(Math.max(1, bytes.length));
      HEAPU8.set(bytes, ptr);
      try { return fn(ptr, bytes.length); } finally { Module._free(ptr); }
    },
    requestFrame: function() {
      if (WF.rafPending) return;
      WF.rafPending = true;
      requestAnimationFrame(function() { WF.rafPending = false; Module._wf_frame(); });
    },
    canvasPoint: function(e) {
      var r = WF.canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    },

    // --- storage ----------------------------------------------------------------------------
    storageError: function(error) {
      var name = error && error.name ? error.name : 'UnknownError';
      if (name === 'QuotaExceededError') return "the browser's storage for this site is full.";
      if (name === 'InvalidStateError' || name === 'UnknownError')
        return 'the browser could not write to its storage (' + name + ').';
      return 'the browser refused to store data (' + name + ').';
    },
    // The first connection is the one boot.js opened to read the documents; later ones (after the
    // browser closed it) are opened here, the same way (boot.openDatabase holds the schema).
    openDb: function() {
      if (WF.superseded) return Promise.reject({name: 'VersionError'});
      if (WF.db) return Promise.resolve(WF.db);
      if (WF.dbOpening) return WF.dbOpening;
      var boot = window.wayfinderBoot, early = boot.storage.database;
      boot.storage.database = null;
      WF.dbOpening = (early || boot.openDatabase()).then(function(db) {
        if (boot.storage.superseded && early) {
          // Upgraded by another tab before this one started: nothing was pending to write.
          WF.superseded = true;
          Module._wf_on_storage_superseded();
          throw {name: 'VersionError'};
        }
        // Another tab runs a newer Wayfinder and upgrades the database: write what is pending here
        // (transactions started before close() still commit), let the upgrade through, and stop
        // saving rather than failing every write from now on.
        db.onversionchange = function() {
          Module._wf_on_page_hidden();
          WF.superseded = true;
          db.close();
          if (WF.db === db) WF.db = null;
          Module._wf_on_storage_superseded();
        };
        db.onclose = function() { if (WF.db === db) WF.db = null; };
        WF.db = db;
        return db;
      }).finally(function() { WF.dbOpening = null; });
      return WF.dbOpening;
    },
    // Runs fn(store) in a strict-durability readwrite transaction; resolves only when it commits.
    // With the database open the transaction starts at once, inside the caller's task: a write asked
    // for while the page is being hidden, or just before the connection closes, still happens.
    write: function(storeName, fn) {
      var run = function(db) {
        return new Promise(function(resolve, reject) {
          var tx = db.transaction([storeName], 'readwrite', {durability: 'strict'});
          tx.oncomplete = function() { resolve(); };
          tx.onabort = function() { reject(tx.error || {name: 'AbortError'}); };
          tx.onerror = function(e) { e.preventDefault(); };   // reported once, by onabort
          fn(tx.objectStore(storeName));
        });
      };
      if (WF.db && !WF.superseded) {
        try { return run(WF.db); } catch (e) { return Promise.reject(e); }
      }
      return WF.openDb().then(run);
    },
    // Stores `text` (null: removes) under `key` if storage still holds `base`; reports the outcome.
    casWrite: function(key, text, base, token) {
      var outcome = null;
      WF.write('documents', function(store) {
        var get = store.get(key);
        get.onsuccess = function() {
          var current = get.result, stored = current ? (current.revision || 0) : 0;
          if (stored !== base) {
            outcome = {refused: true, revision: stored, text: current && typeof current.text === 'string' ? current.text : null};
            return;
          }
          var record = {key: key, revision: base + 1, saved_at: Date.now(), text: text};
          if (text === null) record.removed = true;
          store.put(record);
          outcome = {refused: false, revision: base + 1};
        };
      }).then(function() {
        if (outcome.refused) { WF.reportWrite(key, token, 1, outcome.revision, outcome.text, ''); return; }
        WF.reportWrite(key, token, 0, outcome.revision, null, '');
        if (WF.channel) WF.channel.postMessage({key: key, revision: outcome.revision, text: text});
      }, function(error) {
        WF.reportWrite(key, token, 2, 0, null, WF.storageError(error));
      });
    },
    reportWrite: function(key, token, outcome, revision, text, reason) {
      WF.withString(key, function(k) { WF.withString(text || '', function(t) { WF.withString(reason, function(r) {
        Module._wf_on_store_written(k, token, outcome, revision, text === null ? 0 : 1, t, r);
      }); }); });
    },
    // Another tab's commit, or a record reread from the store.
    heardWrite: function(key, revision, text) {
      if (!WF.loaded) { WF.heard.push([key, revision, text]); return; }
      WF.withString(key, function(k) { WF.withString(text === null ? '' : text, function(t) {
        Module._wf_on_external_write(k, revision, text === null ? 0 : 1, t);
      }); });
    },
    readAll: function(storeName) {
      return WF.openDb().then(function(db) { return window.wayfinderBoot.readStore(db, storeName); });
    },
    // Start-up's answers to the app are marked once each (performance.getEntriesByName), so tests
    // and the benchmark can tell when start-up work is over without guessing a time.
    markOnce: function(name) {
      if (!performance.getEntriesByName(name).length) performance.mark(name);
    },
    hear: function(m) {
      if (m && typeof m.key === 'string' && typeof m.revision === 'number') WF.heardWrite(m.key, m.revision, typeof m.text === 'string' ? m.text : null);
    },
    // Hands the documents boot.js read to C++: at once when the read is done (inside wf_start, before
    // the first frame), else when it is.
    loadAll: function() {
      var early = window.wayfinderBoot.storage;
      if (early.unavailable) {
        // Reported asynchronously, like every other storage answer.
        setTimeout(function() {
          WF.withString('this browser does not offer storage to this page (a private or guest window, or a school policy).',
            function(p) { Module._wf_on_storage_unavailable(p); });
        }, 0);
        return;
      }
      // The channel boot.js opened before its read; what it heard meanwhile waits for the documents.
      WF.channel = early.channel;
      if (WF.channel) WF.channel.onmessage = function(e) { WF.hear(e.data); };
      early.heard.forEach(WF.hear);
      early.heard = [];
      WF.openDb().catch(function() {});   // takes boot.js's connection now: its versionchange handling is the app's
      var loaded = function(records) {
        var list = records.map(function(r) { return [r.key, typeof r.text === 'string' ? r.text : null, r.revision || 0]; });
        WF.earlyBackups = early.backups;   // the backups listing and the live file, asked for just below
        WF.withString(JSON.stringify(list), function(p) { Module._wf_on_documents_loaded(p); });
        WF.loaded = true;
        WF.liveStart();
        WF.earlyBackups = null;
        WF.markOnce('wayfinder:documents-loaded');
        var heard = WF.heard; WF.heard = [];
        heard.forEach(function(h) { WF.heardWrite(h[0], h[1], h[2]); });
      };
      var refused = function(error) {
        WF.withString('this browser is not letting Wayfinder keep data (' + (error && error.name || 'unknown') +
          '), as happens in some private or guest windows.', function(p) { Module._wf_on_storage_unavailable(p); });
      };
      if (early.records) loaded(early.records);
      else if (early.error) refused(early.error);
      else early.documents.then(loaded).catch(refused);
      // A tab that was hidden (and perhaps frozen) may have missed announcements: reread on return.
      document.addEventListener('visibilitychange', function() {
        if (document.visibilityState !== 'visible' || !WF.loaded || WF.superseded) return;
        WF.readAll('documents').then(function(records) {
          records.forEach(function(r) { WF.heardWrite(r.key, r.revision || 0, typeof r.text === 'string' ? r.text : null); });
        }).catch(function() {});
      });
    },
    backupRecords: function() { return WF.earlyBackups || WF.readAll('backups'); },
    listBackups: function() {
      WF.backupRecords().then(function(records) {
        var list = records.filter(function(r) { return typeof r.text === 'string'; })
          .map(function(r) { return [r.name, r.created_at || 0, r.text.length]; })
          .sort(function(a, b) { return b[1] - a[1]; });
        WF.withString(JSON.stringify(list), function(p) { Module._wf_on_backups_listed(p); });
        WF.markOnce('wayfinder:backups-listed');
      }).catch(function() {});
    },
    // --- the backup file kept up to date ------------------------------------------------------
    live: {handle: null, writing: false, next: null},
    liveRecord: '~live-backup-file',     // its record in the backups store (no text: never listed)
    liveReport: function(state, problem) {
      var name = WF.live.handle ? WF.live.handle.name : '';
      WF.withString(name, function(n) { WF.withString(problem || '', function(p) { Module._wf_on_live_backup(state, n, p); }); });
      WF.markOnce('wayfinder:live-backup-known');
    },
    liveRemember: function(handle) {
      return WF.write('backups', function(store) {
        if (handle) store.put({name: WF.liveRecord, handle: handle}); else store.delete(WF.liveRecord);
      });
    },
    liveStart: function() {
      if (typeof window.showSaveFilePicker !== 'function') { WF.liveReport(0); return; }
      WF.backupRecords().then(function(records) {
        var record = records.find(function(r) { return r.name === WF.liveRecord; });
        return record && record.handle;
      }).then(function(handle) {
        if (!handle) { WF.liveReport(1); return; }
        WF.live.handle = handle;
        return handle.queryPermission({mode: 'readwrite'}).then(function(p) { WF.liveReport(p === 'granted' ? 2 : 3); });
      }).catch(function() { WF.liveReport(1); });
    },
    liveWrite: function(text) {
      WF.live.next = text;
      if (WF.live.writing || !WF.live.handle) return;
      WF.live.writing = true;
      var body = WF.live.next;
      WF.live.next = null;
      // Two tabs keep the same file: one writer at a time (a Web Lock), the newest text last.
      var write = function() {
        return WF.live.handle.createWritable().then(function(w) {
          return w.write(body).then(function() { return w.close(); });
        });
      };
      (navigator.locks ? navigator.locks.request('wayfinder-live-backup', write) : write()).then(function() {
        WF.live.writing = false;
        if (WF.live.next !== null) WF.liveWrite(WF.live.next);
      }, function(error) {
        WF.live.writing = false;
        WF.liveReport(3, 'the browser stopped Wayfinder writing to the file (' + (error && error.name || 'unknown') + ').');
      });
    },

    downloadBlob: function(blob, name) {
      var url = URL.createObjectURL(blob);
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
    },

    // --- this browser's signing key -------------------------------------------------------------
    // An Ed25519 key made by Web Crypto, its private half not extractable: a reviewer signs the badges
    // they award with it. It lives in a database of its own, not in 'wayfinder': a new store there
    // would upgrade that database, which stops every tab still running an older Wayfinder from saving,
    // and nothing here may ever travel in a backup or an export.
    keyDb: null,             // promise of the 'wayfinder-signing' connection
    signingKey: null,        // promise of {privateKey, publicRaw} once found or made; null: not looked for
    openKeyDb: function() {
      if (!WF.keyDb) {
        WF.keyDb = new Promise(function(resolve, reject) {
          var request = indexedDB.open('wayfinder-signing', 1);
          request.onupgradeneeded = function() { request.result.createObjectStore('keys'); };
          request.onsuccess = function() { resolve(request.result); };
          request.onerror = function() { reject(request.error); };
          request.onblocked = function() { reject({name: 'Blocked'}); };
        });
        WF.keyDb.catch(function() { WF.keyDb = null; });
      }
      return WF.keyDb;
    },
    // The stored key; with `create`, one is made when there is none. Two tabs making one at once keep
    // the first stored: the check and the write are one transaction, so a badge is never signed with
    // a key that another tab then replaces.
    loadSigningKey: function(create) {
      if (WF.signingKey) return WF.signingKey;
      var stored = function(db, record) {
        return new Promise(function(resolve, reject) {
          var tx = db.transaction(['keys'], record ? 'readwrite' : 'readonly', {durability: 'strict'});
          var store = tx.objectStore('keys'), found = null;
          var get = store.get('signing');
          get.onsuccess = function() {
            found = get.result || null;
            if (!found && record) { store.put(record, 'signing'); found = record; }
          };
          tx.oncomplete = function() { resolve(found); };
          tx.onabort = function() { reject(tx.error || {name: 'AbortError'}); };
        });
      };
      var found = WF.openKeyDb().then(function(db) {
        return stored(db, null).then(function(key) {
          if (key || !create) return key;
          return crypto.subtle.generateKey({name: 'Ed25519'}, false, ['sign', 'verify']).then(function(pair) {
            return crypto.subtle.exportKey('raw', pair.publicKey).then(function(raw) {
              return stored(db, {privateKey: pair.privateKey, publicRaw: new Uint8Array(raw), created_at: Date.now()});
            });
          });
        });
      });
      // Only a key found is remembered: "none yet" is asked again, as another tab may make one.
      WF.signingKey = found.then(function(key) { if (!key) WF.signingKey = null; return key; },
                                 function(error) { WF.signingKey = null; throw error; });
      return WF.signingKey;
    },
    cryptoProblem: function(error) {
      var name = error && error.name || 'UnknownError';
      if (name === 'NotSupportedError' || typeof crypto === 'undefined' || !crypto.subtle)
        return 'this browser cannot make Ed25519 signatures. Use an up-to-date Chrome, Edge, Firefox or Safari.';
      return WF.storageError(error);
    },
    // Calls `report(ptr, length, problemPtr)` with bytes in the wasm heap, for one reply.
    replyBytes: function(bytes, problem, report) {
      WF.withBytes(bytes, function(p, n) { WF.withString(problem, function(q) { report(p, n, q); }); });
    },

    // --- evidence pictures --------------------------------------------------------------------
    // One record per picture in the blobs store: {key, bytes (ArrayBuffer), mime, width, height,
    // size, created_at}. Bytes rather than a Blob: every browser stores those, private windows too.
    canvasBlob: function(canvas, type, quality) {
      return new Promise(function(resolve) { canvas.toBlob(resolve, type, quality); });
    },
    // A JPEG has no transparency: what was transparent would turn black, so it goes on white paper.
    onWhite: function(canvas) {
      var paper = document.createElement('canvas');
      paper.width = canvas.width; paper.height = canvas.height;
      var ctx = paper.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, paper.width, paper.height);
      ctx.drawImage(canvas, 0, 0);
      return paper;
    },
    hasTransparency: function(ctx, w, h) {
      var data = ctx.getImageData(0, 0, w, h).data;
      for (var i = 3; i < data.length; i += 4) if (data[i] < 255) return true;
      return false;
    },
    // Decodes `source` (a Blob), scales it down to fit maxSide and encodes it again, which also leaves
    // behind what a photo's file carries besides its pixels (where it was taken, the camera). PNG keeps
    // transparency and the crisp edges of a small screenshot or drawing; JPEG keeps a photo small.
    // Resolves {blob, width, height} or {problem}: a sentence saying what to do.
    preparePicture: function(source, maxSide, maxBytes) {
      var notPicture = 'That file is not a picture this browser can open. Choose a PNG, JPEG or WebP picture.';
      return createImageBitmap(source).then(function(bitmap) {
        var k = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
        var w = Math.max(1, Math.round(bitmap.width * k)), h = Math.max(1, Math.round(bitmap.height * k));
        var canvas = document.createElement('canvas');
        canvas.width = w; canvas.height = h;
        var ctx = canvas.getContext('2d');
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(bitmap, 0, 0, w, h);
        bitmap.close();
        var alpha = source.type !== 'image/jpeg' && WF.hasTransparency(ctx, w, h);
        var tries = [['image/jpeg', 0.85], ['image/jpeg', 0.7], ['image/jpeg', 0.5]];
        if (alpha || w * h <= 512 * 512) tries.unshift(['image/png']);
        var attempt = function(i) {
          if (i >= tries.length) {
            var limit = maxBytes >= 1048576 ? Math.round(maxBytes / 104857.6) / 10 + ' MB' : Math.ceil(maxBytes / 1024) + ' KB';
            return {problem: 'This picture is still over ' + limit + ' after Wayfinder made it smaller. Crop it, or save ' +
                    'it at a lower quality, then add it again.'};
          }
          var type = tries[i][0];
          return WF.canvasBlob(type === 'image/jpeg' && alpha ? WF.onWhite(canvas) : canvas, type, tries[i][1]).then(function(blob) {
            return blob && blob.size <= maxBytes ? {blob: blob, width: w, height: h} : attempt(i + 1);
          });
        };
        return attempt(0);
      }, function() { return {problem: notPicture}; });
    },
    randomKey: function() {
      var bytes = crypto.getRandomValues(new Uint8Array(9));
      return 'image-' + Date.now().toString(36) + '-' + Array.prototype.map.call(bytes, function(b) { return (b % 36).toString(36); }).join('');
    },
    // Prepares and stores a picture; resolves {ok, key, mime, size, width, height} or {ok: false, problem}.
    addPicture: function(source, maxSide, maxBytes) {
      return WF.preparePicture(source, maxSide, maxBytes).then(function(prepared) {
        if (!prepared.blob) return {ok: false, problem: prepared.problem};
        return prepared.blob.arrayBuffer().then(function(bytes) {
          var record = {key: WF.randomKey(), bytes: bytes, mime: prepared.blob.type, width: prepared.width,
                        height: prepared.height, size: bytes.byteLength, created_at: Date.now()};
          return WF.write('blobs', function(store) { store.put(record); }).then(function() {
            return {ok: true, key: record.key, mime: record.mime, size: record.size, width: record.width, height: record.height};
          }, function(error) {
            return {ok: false, problem: 'The picture was not kept: ' + WF.storageError(error) + ' Make room, then add it again.'};
          });
        });
      });
    },
    reportPicture: function(token, r) {
      WF.withString(r.key || '', function(k) { WF.withString(r.mime || '', function(m) { WF.withString(r.problem || '', function(p) {
        Module._wf_on_image_stored(token, r.ok ? 1 : 0, k, m, r.size || 0, r.width || 0, r.height || 0, p);
      }); }); });
    },
    readPicture: function(key) {
      return WF.openDb().then(function(db) {
        return new Promise(function(resolve, reject) {
          var request = db.transaction(['blobs'], 'readonly').objectStore('blobs').get(key);
          request.onsuccess = function() { resolve(request.result || null); };
          request.onerror = function() { reject(request.error); };
        });
      });
    },
    // A texture for the renderer: the picture decoded by the browser, no larger than it will be drawn.
    // Registered in Emscripten's GL table, so C++ draws and deletes it by its number like its own.
    pictureTexture: function(source, maxW, maxH) {
      return createImageBitmap(source).then(function(bitmap) {
        var k = Math.min(1, maxW / bitmap.width, maxH / bitmap.height);
        var size = {width: bitmap.width, height: bitmap.height};
        var scaled = k < 1 ? createImageBitmap(bitmap, {resizeWidth: Math.max(1, Math.round(bitmap.width * k)),
                                                         resizeHeight: Math.max(1, Math.round(bitmap.height * k)), resizeQuality: 'high'})
                           : Promise.resolve(bitmap);
        return scaled.then(function(image) {
          var gl = GLctx, texture = gl.createTexture();
          gl.bindTexture(gl.TEXTURE_2D, texture);
          gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
          gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
          gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, image);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
          gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
          var id = GL.getNewId(GL.textures);
          texture.name = id;
          GL.textures[id] = texture;
          size.id = id; size.textureWidth = image.width; size.textureHeight = image.height;
          if (image !== bitmap) bitmap.close();
          image.close();
          return size;
        });
      });
    },

    // --- files ------------------------------------------------------------------------------
    openFile: function(file) {
      var limit = 64 * 1024 * 1024;
      if (file.size > limit) {
        WF.withString(file.name, function(n) {
          WF.withString('The file is ' + Math.round(file.size / 1048576) + ' MB; Wayfinder files are far smaller. Choose a file exported from Wayfinder.',
            function(r) { Module._wf_on_file_rejected(n, r); });
        });
        return;
      }
      file.arrayBuffer().then(function(buffer) {
        var bytes = new Uint8Array(buffer);
        WF.withString(file.name, function(n) { WF.withBytes(bytes, function(p, len) { Module._wf_on_file(n, p, len); }); });
      });
    },

    // --- events -----------------------------------------------------------------------------
    keyIndex: {Tab: 1, ArrowLeft: 2, ArrowRight: 3, ArrowUp: 4, ArrowDown: 5, PageUp: 6, PageDown: 7, Home: 8,
               End: 9, Delete: 10, Backspace: 11, Space: 12, Enter: 13, NumpadEnter: 13, Escape: 14,
               KeyA: 15, KeyC: 16, KeyV: 17, KeyX: 18, KeyY: 19, KeyZ: 20, KeyS: 21,
               KeyN: 22, KeyD: 23, KeyK: 24, KeyP: 25, Digit0: 26, Digit1: 27, Digit2: 28,
               Equal: 29, NumpadAdd: 29, Minus: 30, NumpadSubtract: 30},
    sendKey: function(e, down) {
      var index = WF.keyIndex[e.code] || 0;
      return Module._wf_on_key(index, down ? 1 : 0, e.ctrlKey || e.metaKey ? 1 : 0, e.shiftKey ? 1 : 0, e.altKey ? 1 : 0);
    },
    installEvents: function() {
      var canvas = WF.canvas;
      canvas.addEventListener('pointerdown', function(e) {
        canvas.focus({preventScroll: true});
        var p = WF.canvasPoint(e);
        if (e.pointerType === 'touch' && (WF.inTouchArea(p) || WF.pinchCount() > 0)) {
          WF.mapTouchDown(e.pointerId, p);
          return;
        }
        if (e.pointerType === 'touch') {
          // Touch: a tap clicks, a drag scrolls. Decide on the first movement past a small slop.
          WF.touch = {id: e.pointerId, x: p[0], y: p[1], lastX: p[0], lastY: p[1], scrolling: false};
          Module._wf_on_pointer(0, p[0], p[1], 0);
          return;
        }
        WF.buttonsDown[e.button] = true;
        Module._wf_on_pointer(1, p[0], p[1], e.button);
      });
      // Moves are heard on the whole window too, so a drag that leaves the canvas keeps tracking.
      window.addEventListener('pointermove', function(e) {
        var p = WF.canvasPoint(e);
        if (WF.mapTouches[e.pointerId]) { WF.mapTouchMove(e.pointerId, p); return; }
        var t = WF.touch;
        if (t && e.pointerId === t.id) {
          if (!t.scrolling && Math.hypot(p[0] - t.x, p[1] - t.y) > 10) t.scrolling = true;
          if (t.scrolling) Module._wf_on_wheel(t.lastX - p[0], t.lastY - p[1]);
          t.lastX = p[0]; t.lastY = p[1];
          return;
        }
        Module._wf_on_pointer(0, p[0], p[1], 0);
      });
      // Releases are heard on the whole window: a press on a text field opens the native editor
      // right under the pointer, and the release lands on the editor, not the canvas. A release the
      // app never hears would leave ImGui holding the button, and no later click would register.
      window.addEventListener('pointerup', function(e) {
        var p = WF.canvasPoint(e);
        if (WF.mapTouches[e.pointerId]) { WF.mapTouchUp(e.pointerId, p); return; }
        var t = WF.touch;
        if (t && e.pointerId === t.id) {
          WF.touch = null;
          if (!t.scrolling) { Module._wf_on_pointer(1, p[0], p[1], 0); Module._wf_on_pointer(2, p[0], p[1], 0); }
          return;
        }
        if (!WF.buttonsDown[e.button]) return;
        WF.buttonsDown[e.button] = false;
        Module._wf_on_pointer(2, p[0], p[1], e.button);
      }, true);
      canvas.addEventListener('pointercancel', function(e) {
        WF.touch = null;
        if (WF.mapTouches[e.pointerId]) WF.mapTouchUp(e.pointerId, WF.mapTouches[e.pointerId]);
      });
      // Moving onto the text editor (which sits over the canvas) is not leaving the app.
      canvas.addEventListener('pointerleave', function(e) {
        if (e.pointerType === 'mouse' && !(e.relatedTarget && e.relatedTarget === WF.shown)) Module._wf_on_pointer(3, 0, 0, 0);
      });
      canvas.addEventListener('wheel', function(e) {
        e.preventDefault();
        WF.sendWheel(e);
      }, {passive: false});
      canvas.addEventListener('contextmenu', function(e) { e.preventDefault(); });
      canvas.addEventListener('keydown', function(e) { if (WF.sendKey(e, true)) e.preventDefault(); });
      canvas.addEventListener('keyup', function(e) { WF.sendKey(e, false); });
      // Focus moving between the canvas and the mirror (library's end) stays in the app.
      canvas.addEventListener('focus', function(e) { if (!WF.inApp(e.relatedTarget)) Module._wf_on_focus(1); });
      canvas.addEventListener('blur', function(e) { if (!WF.inApp(e.relatedTarget)) Module._wf_on_focus(0); });
      canvas.addEventListener('webglcontextlost', function(e) { e.preventDefault(); Module._wf_on_context_lost(); });
      canvas.addEventListener('webglcontextrestored', function() { Module._wf_on_context_restored(); });

      // Size: the canvas fills the window; its backing store matches device pixels exactly.
      var report = function(deviceW, deviceH) {
        var cssW = canvas.clientWidth, cssH = canvas.clientHeight, dpr = window.devicePixelRatio || 1;
        // The device-pixel box is exact where it is right; under emulation it can report CSS pixels.
        var w = Math.abs(deviceW - cssW * dpr) < 2 ? deviceW : Math.round(cssW * dpr);
        var h = Math.abs(deviceH - cssH * dpr) < 2 ? deviceH : Math.round(cssH * dpr);
        if (canvas.width !== w) canvas.width = w;
        if (canvas.height !== h) canvas.height = h;
        WF.canvasRect = canvas.getBoundingClientRect();
        Module._wf_on_resize(cssW, cssH, dpr, w, h);
      };
      // Browser zoom changes devicePixelRatio; re-arm a query for the current ratio each time.
      var watchRatio = function() {
        var query = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
        query.addEventListener('change', function() { report(0, 0); watchRatio(); }, {once: true});
      };
      watchRatio();
      window.addEventListener('resize', function() { report(0, 0); });
      try {
        new ResizeObserver(function(entries) {
          var box = entries[0].devicePixelContentBoxSize;
          if (box && box[0]) report(box[0].inlineSize, box[0].blockSize); else report(0, 0);
        }).observe(canvas, {box: 'device-pixel-content-box'});
      } catch (e) {
        window.addEventListener('resize', function() { report(0, 0); });
      }
      report(0, 0);

      // Save everything the moment the page may go away.
      document.addEventListener('visibilitychange', function() { if (document.visibilityState === 'hidden') Module._wf_on_page_hidden(); });
      window.addEventListener('pagehide', function() { Module._wf_on_page_hidden(); });
      window.addEventListener('beforeunload', function(e) {
        Module._wf_on_page_hidden();
        if (WF.unsavedGuard) { e.preventDefault(); e.returnValue = ''; }
      });

      // Files: drop anywhere, or paste a file or Wayfinder JSON text while the canvas has focus.
      document.addEventListener('dragover', function(e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
      // Several pictures dropped at once are each added; of other files, the first is opened.
      var openFiles = function(files) {
        var all = Array.prototype.slice.call(files);
        var pictures = all.every(function(f) { return /^image\//.test(f.type); });
        (pictures ? all : all.slice(0, 1)).forEach(WF.openFile);
      };
      document.addEventListener('drop', function(e) {
        e.preventDefault();
        if (e.dataTransfer.files.length) openFiles(e.dataTransfer.files);
      });
      document.addEventListener('paste', function(e) {
        var data = e.clipboardData;
        var files = data.files && data.files.length ? data.files : null;
        // Ordinary paste into the editor, unless the clipboard holds only a picture (a screenshot),
        // which a text field could not take anyway.
        if (WF.shown && document.activeElement === WF.shown && !(files && !data.getData('text/plain'))) return;
        if (files) { e.preventDefault(); openFiles(files); return; }
        var text = data.getData('text/plain');
        if (text && /^\s*\{/.test(text)) {
          e.preventDefault();
          WF.openFile(new File([text], 'pasted text.json', {type: 'application/json'}));
        }
      });
    },

    // --- the native editors -------------------------------------------------------------------
    // A textarea for text, and the browser's own date input for picking dates. One at a time is shown
    // over the field being edited; both report to the app the same way.
    makeEditor: function() {
      var base = 'position:fixed;display:none;margin:0;box-sizing:border-box;outline:none;z-index:2;' +
        'font-family:WayfinderText,system-ui,sans-serif;';
      var ed = document.createElement('textarea');
      ed.id = 'wf-editor';
      ed.setAttribute('spellcheck', 'true');
      ed.setAttribute('autocomplete', 'off');
      ed.style.cssText = base + 'resize:none;overflow:hidden;white-space:pre-wrap;overflow-wrap:break-word';
      document.body.appendChild(ed);
      var date = document.createElement('input');
      date.type = 'date';
      date.id = 'wf-date-editor';
      date.style.cssText = base;
      document.body.appendChild(date);

      ed.addEventListener('input', function() {
        var field = WF.editorField;
        if (!field || WF.shown !== ed) return;
        var text = ed.value;   // each read copies the whole text: read once
        if (!ed.multiline && /[\r\n]/.test(text)) ed.value = text = text.replace(/[\r\n]+/g, ' ');
        WF.withString(text, function(p) { Module._wf_on_text_input(field, p, ed.scrollHeight); });
      });
      // A date input holds "" both when emptied and while a date is only partly typed; badInput tells them apart.
      date.addEventListener('input', function() {
        var field = WF.editorField;
        if (!field || WF.shown !== date) return;
        WF.withString(date.value, function(p) { Module._wf_on_date_input(field, p, date.validity.badInput ? 0 : 1); });
      });
      [ed, date].forEach(function(el) {
        el.addEventListener('keydown', function(e) {
          var field = WF.editorField;
          if (WF.shown !== el) return;
          var action = 0;
          if (e.key === 'Tab') action = e.shiftKey ? 2 : 1;
          else if (e.key === 'Escape') action = 3;
          else if (e.key === 'Enter' && !el.multiline && !e.isComposing) action = 4;
          else if ((e.ctrlKey || e.metaKey) && e.code === 'KeyS') action = 5;
          if (action) { e.preventDefault(); Module._wf_on_text_key(field, action); }
        });
        // The page scrolls under the pointer even when it is over the editor (the editor follows).
        el.addEventListener('wheel', function(e) {
          e.preventDefault();
          WF.sendWheel(e);
        }, {passive: false});
        // Focus moving from one editor to the other (a field switching to its calendar) is not leaving it.
        el.addEventListener('blur', function() {
          var field = WF.editorField;
          if (field && WF.shown === el) Module._wf_on_text_blur(field);
        });
      });
      WF.editor = ed;
      WF.dateEditor = date;
    },
    // The wheel scrolls what is under the pointer: say where the pointer is first, since the app may
    // not have heard a move since an editor or dialog over the canvas went away. Ctrl+wheel (also how
    // Chrome and Safari send a trackpad pinch) zooms the map under the pointer, never the page.
    sendWheel: function(e) {
      var p = WF.canvasPoint(e);
      Module._wf_on_pointer(0, p[0], p[1], 0);
      var k = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? WF.canvas.clientHeight : 1;  // lines, pages -> CSS px
      if (e.ctrlKey) {
        // A mouse wheel notch (100 px) zooms by about a third; a pinch's many small steps smoothly.
        Module._wf_on_zoom(p[0], p[1], Math.exp(-e.deltaY * k * 0.003), 0, 0);
        return;
      }
      Module._wf_on_wheel(e.deltaX * k, e.deltaY * k);
    },
    // --- touch on a map canvas -----------------------------------------------------------------
    // One finger acts as the mouse (press at once: drag a note, or pan on empty space); a second
    // finger turns the gesture into a pinch, and the first finger's press is let go where it began,
    // so nothing it started moving moves.
    inTouchArea: function(p) {
      var a = WF.touchArea;
      return !!a && p[0] >= a.x && p[0] <= a.x + a.w && p[1] >= a.y && p[1] <= a.y + a.h;
    },
    pinchCount: function() { return Object.keys(WF.mapTouches).length; },
    pinchState: function() {
      var ids = Object.keys(WF.mapTouches);
      var a = WF.mapTouches[ids[0]], b = WF.mapTouches[ids[1]];
      return {dist: Math.max(1, Math.hypot(a[0] - b[0], a[1] - b[1])), x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2};
    },
    mapTouchDown: function(id, p) {
      WF.mapTouches[id] = p;
      var n = WF.pinchCount();
      if (n === 1) {
        WF.mapTouch = {id: id, x: p[0], y: p[1]};
        Module._wf_on_pointer(0, p[0], p[1], 0);
        Module._wf_on_pointer(1, p[0], p[1], 0);
      } else if (n === 2) {
        var m = WF.mapTouch;
        if (m) {
          Module._wf_on_pointer(0, m.x, m.y, 0);
          Module._wf_on_pointer(2, m.x, m.y, 0);
          WF.mapTouch = null;
        }
        WF.pinch = WF.pinchState();
      }
    },
    mapTouchMove: function(id, p) {
      WF.mapTouches[id] = p;
      if (WF.pinch && WF.pinchCount() === 2) {
        var now = WF.pinchState(), was = WF.pinch;
        WF.pinch = now;
        Module._wf_on_zoom(now.x, now.y, now.dist / was.dist, now.x - was.x, now.y - was.y);
      } else if (WF.mapTouch && WF.mapTouch.id === id) {
        Module._wf_on_pointer(0, p[0], p[1], 0);
      }
    },
    mapTouchUp: function(id, p) {
      delete WF.mapTouches[id];
      if (WF.mapTouch && WF.mapTouch.id === id) {
        Module._wf_on_pointer(0, p[0], p[1], 0);
        Module._wf_on_pointer(2, p[0], p[1], 0);
        WF.mapTouch = null;
      }
      if (WF.pinchCount() < 2) WF.pinch = null;
    },
    // --- the screen-reader mirror ---------------------------------------------------------------
    // The canvas is one picture to a screen reader. After each drawn frame the app's records of what is
    // on screen (src/ui/automation.hpp) become invisible elements at the same places (so magnifiers
    // follow focus), in landmarks and dialogs as the page is: buttons, checkboxes, radio groups, tabs,
    // text fields, headings, text, progress bars, and the map note that has the keyboard (Tab goes from
    // note to note; each map's list has them all). An element keeps its widget's id from frame
    // to frame. Focus here is the app's keyboard focus, and activating an element presses its widget
    // (main_web.cpp's wf_on_mirror_*). An idle tab draws no frames, so nothing here runs.
    mirror: null,
    inApp: function(el) { return !!el && (el === WF.canvas || WF.mirror.root.contains(el)); },
    makeMirror: function() {
      var root = document.createElement('div');
      root.id = 'wf-mirror';
      var live = function(role) {
        var el = document.createElement('div');
        el.setAttribute('role', role);
        root.appendChild(el);
        return el;
      };
      var M = WF.mirror = {root: root, els: {}, areas: {}, polite: live('status'), assertive: live('alert')};
      var target = function(e) { var el = e.target.closest('[data-id]'); return el && root.contains(el) ? el : null; };
      root.addEventListener('focusin', function(e) {
        var el = target(e);
        if (!WF.inApp(e.relatedTarget)) Module._wf_on_focus(1);
        if (el && !M.syncing) Module._wf_on_mirror_focus(+el.dataset.id);
      });
      root.addEventListener('focusout', function(e) { if (!WF.inApp(e.relatedTarget)) Module._wf_on_focus(0); });
      // A screen reader's "activate" is a click; a text field, a map or a note only takes focus.
      root.addEventListener('click', function(e) {
        var el = target(e);
        e.preventDefault();
        if (el) Module[el.dataset.press ? '_wf_on_mirror_activate' : '_wf_on_mirror_focus'](+el.dataset.id);
      });
      // Keys go to the app as from the canvas. Enter and Space are the app's to press with, never the
      // browser's (whose click on keyup would press a second time).
      ['keydown', 'keyup'].forEach(function(type) {
        root.addEventListener(type, function(e) {
          if (WF.sendKey(e, type === 'keydown') || e.code === 'Space' || e.code === 'Enter') e.preventDefault();
        });
      });
      document.body.appendChild(root);
    },
    // The records' roles that are elements of their own (mirrorTags) or take an ARIA role (mirrorRoles).
    mirrorTags: {heading: 'h2', text: 'p', status: 'p', alert: 'p', region: 'p', callout: 'p'},
    mirrorRoles: {tab: 'tab', checkbox: 'checkbox', radio: 'radio', textbox: 'textbox', 'textbox-multiline': 'textbox',
                  progressbar: 'progressbar', image: 'img', wheel: 'img', canvas: 'group'},
    // The element for one record, made once per widget (or text) and kept.
    mirrorElement: function(item, key) {
      var M = WF.mirror, el = M.els[key], tags = WF.mirrorTags, roles = WF.mirrorRoles;
      var kind = item.role + (item.h1 ? '1' : '');
      if (!el || el.kind !== kind) {
        var interactive = item.id && !tags[item.role] && !roles[item.role] || /^(tab|checkbox|radio|wedge)$/.test(item.role);
        el = document.createElement(item.h1 ? 'h1' : tags[item.role] || (interactive ? 'button' : item.id ? 'div' : 'p'));
        el.kind = kind;
        if (roles[item.role]) el.setAttribute('role', roles[item.role]);
        if (item.role === 'note' && item.id) el.setAttribute('aria-roledescription', 'note');
        if (item.role === 'canvas') el.setAttribute('aria-roledescription', 'map');
        if (item.role === 'textbox-multiline') el.setAttribute('aria-multiline', 'true');
        if (item.id) {
          el.dataset.id = item.id;
          el.tabIndex = -1;   // Tab is the app's: it moves the app's focus, which this follows
          if (interactive && item.role !== 'note') el.dataset.press = 1;
        }
        M.els[key] = el;
      }
      return el;
    },
    mirrorAttr: function(el, name, value) {
      if (value === undefined || value === null) { if (el.hasAttribute(name)) el.removeAttribute(name); }
      else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, value);
    },
    mirrorUpdate: function() {
      var M = WF.mirror;
      if (!M || M.off) return;
      var set = WF.mirrorAttr, els = {}, areas = {}, children = new Map(), seen = {}, focus = null, modal = null;
      var place = function(parent, el) { if (!children.has(parent)) children.set(parent, []); children.get(parent).push(el); };
      var all = JSON.parse(UTF8ToString(Module._wf_mirror_json()));
      all.forEach(function(a) {
        if (a.role === 'say') {
          // The same words again are still news ("Saved" after each change): the region must change.
          var region = a.checked ? M.assertive : M.polite;
          region.textContent = region.textContent === a.label ? a.label + '\u00a0' : a.label;
        }
        if (a.role !== 'area') return;
        var el = M.areas[a.parent];
        if (!el) {
          el = document.createElement({navigation: 'nav', main: 'main'}[a.group] || 'section');
          if (a.group === 'dialog') { el.setAttribute('role', 'dialog'); el.setAttribute('aria-modal', 'true'); }
        }
        set(el, 'aria-label', a.label);
        if (a.group === 'dialog') modal = el;
        areas[a.parent] = el;
        place(M.root, el);
        children.set(el, []);
      });
      var groups = {}, h1 = false;
      all.forEach(function(item) {
        // An area or words to say are not on the page; a field being edited has its editor there.
        if (item.role === 'area' || item.role === 'say' || item.editing) return;
        var area = areas[item.area] || M.root;
        if (item.role === 'heading' && !h1 && area.localName === 'main') h1 = item.h1 = true;
        var key = item.id ? 'i' + item.id : item.role + item.parent + item.label;
        seen[key] = (seen[key] || 0) + 1;
        if (seen[key] > 1) key += '#' + seen[key];
        var el = WF.mirrorElement(item, key);
        els[key] = el;
        var parent = area;
        // Choices about one thing are a radio group; the pages' tabs are a tab list.
        var group = item.role === 'radio' && item.group ? 'r' + item.area + item.group : item.role === 'tab' ? 't' + item.area : '';
        if (group) {
          if (!groups[group]) {
            var g = groups[group] = M.els[group] || document.createElement('div');
            g.setAttribute('role', item.role === 'tab' ? 'tablist' : 'radiogroup');
            if (item.role === 'tab') g.setAttribute('aria-orientation', 'vertical');
            set(g, 'aria-label', item.group || area.getAttribute('aria-label'));
            els[group] = g;
            place(area, g);
          }
          parent = groups[group];
        }
        place(parent, el);
        var label = item.label;
        if (item.role === 'note') label += ', ' + item.region + ', ' + item.index + ' of ' + item.count;
        if (item.role === 'wedge') label += ': ' + (item.rated ? item.level : 'not rated');
        if (el.localName === 'button' || el.getAttribute('role')) set(el, 'aria-label', label);
        else if (el.textContent !== label) el.textContent = label;
        if (/^textbox/.test(item.role)) {
          var value = item.shown || item.value || '';
          if (el.textContent !== value) el.textContent = value;
          set(el, 'aria-placeholder', item.hint || null);
        }
        set(el, 'aria-disabled', item.disabled ? 'true' : null);
        set(el, 'aria-checked', item.checked === undefined ? null : item.checked);
        set(el, item.role === 'tab' ? 'aria-selected' : 'aria-current', item.selected ? 'true' : item.role === 'tab' ? 'false' : null);
        set(el, 'aria-expanded', item.expanded === undefined ? null : item.expanded);
        if (item.role === 'progressbar') set(el, 'aria-valuenow', Math.round(item.value * 100));
        var where = 'left:' + item.x + 'px;top:' + item.y + 'px;width:' + item.w + 'px;height:' + item.h + 'px';
        if (el.where !== where) el.style.cssText = el.where = where;
        if (item.focused) focus = el;
      });
      // Into the page in drawing order; an element is moved only when its place changed (moving the
      // focused one drops its focus, given back below).
      var ours = WF.inApp(document.activeElement);
      children.forEach(function(list, parent) {
        var at = parent === M.root ? 2 : 0, keep = new Set(list);   // the root starts with its two live regions
        // What went goes first, so that what stays is already in its place and is not moved.
        Array.prototype.slice.call(parent.children, at).forEach(function(el) { if (!keep.has(el)) el.remove(); });
        list.forEach(function(el, i) { if (parent.children[at + i] !== el) parent.insertBefore(el, parent.children[at + i] || null); });
      });
      M.els = els;
      M.areas = areas;
      // Behind a modal dialog, the page is out of reach, as it is on screen.
      Object.keys(areas).forEach(function(id) { areas[id].inert = !!modal && areas[id] !== modal; });
      // The app's keyboard focus is the page's focus while either holds it.
      // An element that held it and went with this frame hands it to the canvas.
      var here = document.activeElement;
      var to = here === document.body && ours ? focus || WF.canvas : here !== focus && WF.inApp(here) ? focus : null;
      if (to) {
        M.syncing = true;
        to.focus({preventScroll: true});
        M.syncing = false;
      }
    },
    css: function(rgba) {
      return 'rgba(' + ((rgba >>> 24) & 255) + ',' + ((rgba >>> 16) & 255) + ',' + ((rgba >>> 8) & 255) + ',' + ((rgba & 255) / 255) + ')';
    },
  },

  wf_js_init__deps: ['$WF'],
  wf_js_init: function(maxImageSide, maxImageBytes) {
    WF.pictureLimits = {side: maxImageSide, bytes: maxImageBytes};
    WF.canvas = document.getElementById('wayfinder-canvas');
    WF.makeEditor();
    WF.makeMirror();
    WF.installEvents();
    window.wayfinder = window.wayfinder || {};
    window.wayfinder.items = function() { return JSON.parse(UTF8ToString(Module._wf_items_json())); };
    window.wayfinder.frames = function() { return Module._wf_frame_count(); };
    // For the benchmark: the frame time without the screen-reader mirror. Not in the UI.
    window.wayfinder.mirror = function(on) { WF.mirror.off = !on; };
    // True when no frame is scheduled: what is on screen (and in items()) is up to date.
    window.wayfinder.settled = function() { return !WF.rafPending; };
    // For tests: a picture through the very steps image_add takes (decode, scale, encode, store), with
    // the app's limits unless others are given; resolves what the app would be told. Not in the UI.
    window.wayfinder.addPicture = function(blob, limits) {
      limits = limits || WF.pictureLimits;
      return WF.addPicture(blob, limits.side, limits.bytes);
    };
  },

  wf_js_frame_drawn__deps: ['$WF'],
  wf_js_frame_drawn: function() { WF.mirrorUpdate(); },

  // Called first thing at start-up, before the first frame: hands C++ the documents boot.js has read.
  wf_js_load_documents__deps: ['$WF'],
  wf_js_load_documents: function() { WF.loadAll(); },

  wf_js_set_touch_area__deps: ['$WF'],
  wf_js_set_touch_area: function(x, y, w, h) { WF.touchArea = w > 0 && h > 0 ? {x: x, y: y, w: w, h: h} : null; },

  wf_js_request_frame__deps: ['$WF'],
  wf_js_request_frame: function() { WF.requestFrame(); },

  wf_js_wake_at__deps: ['$WF'],
  wf_js_wake_at: function(seconds) {
    var at = seconds * 1000;
    if (WF.timer && WF.timerAt <= at) return;   // an earlier wake-up is already set
    if (WF.timer) clearTimeout(WF.timer);
    WF.timerAt = at;
    WF.timer = setTimeout(function() { WF.timer = 0; Module._wf_tick(); }, Math.max(0, at - performance.now()));
  },

  // strtod's reading of a decimal number (decimal_numbers.cpp): parseFloat rounds as a correct strtod does.
  wf_js_parse_decimal: function(text, size) { return parseFloat(String.fromCharCode.apply(null, HEAPU8.subarray(text, text + size))); },
  wf_js_math: function(op, x, y) { return op == 0 ? Math.sin(x) : op == 1 ? Math.cos(x) : op == 2 ? Math.atan2(x, y) : Math.acos(x); },
  wf_js_epoch_ms: function() { return Date.now(); },
  wf_js_tz_offset_minutes: function() { return -new Date().getTimezoneOffset(); },

  // 0: month/day/year (en-US), 1: day/month/year (en-GB, fr, de…), 2: year/month/day (ja, sv…), from
  // how the browser's language formats a date whose day and month differ.
  wf_js_date_order__deps: ['$WF'],
  wf_js_date_order: function() {
    if (WF.dateOrder < 0) WF.dateOrder = window.wayfinderBoot.dateOrder();
    return WF.dateOrder;
  },

  // prefers-reduced-motion, asked each frame: the setting can change while the tab is open.
  wf_js_reduced_motion__deps: ['$WF'],
  wf_js_reduced_motion: function() {
    WF.motion = WF.motion || matchMedia('(prefers-reduced-motion: reduce)');
    return WF.motion.matches ? 1 : 0;
  },

  wf_js_store_put__deps: ['$WF'],
  wf_js_store_put: function(keyPtr, textPtr, base, token) { WF.casWrite(UTF8ToString(keyPtr), UTF8ToString(textPtr), base, token); },

  wf_js_store_delete__deps: ['$WF'],
  wf_js_store_delete: function(keyPtr, base, token) { WF.casWrite(UTF8ToString(keyPtr), null, base, token); },

  wf_js_backup_put__deps: ['$WF'],
  wf_js_backup_put: function(namePtr, textPtr, token) {
    var name = UTF8ToString(namePtr), text = UTF8ToString(textPtr);
    // Keep the ten newest copies.
    WF.write('backups', function(store) {
      store.put({name: name, created_at: Date.now(), text: text});
      var all = store.getAll();
      all.onsuccess = function() {
        var copies = all.result.filter(function(r) { return typeof r.text === 'string'; });
        var old = copies.sort(function(a, b) { return (b.created_at || 0) - (a.created_at || 0); }).slice(10);
        old.forEach(function(r) { store.delete(r.name); });
      };
    }).then(function() {
      WF.withString('', function(r) { Module._wf_on_backup_written(token, 1, r); });
    }, function(error) {
      WF.withString(WF.storageError(error), function(r) { Module._wf_on_backup_written(token, 0, r); });
    });
  },

  wf_js_list_backups__deps: ['$WF'],
  wf_js_list_backups: function() { WF.listBackups(); },

  wf_js_live_backup__deps: ['$WF'],
  wf_js_live_backup: function(action, textPtr) {
    if (action === 3) { WF.liveWrite(UTF8ToString(textPtr)); return; }
    if (action === 2) {
      WF.live.handle = null;
      WF.liveRemember(null).catch(function() {});
      WF.liveReport(1);
      return;
    }
    if (action === 1 && WF.live.handle) {
      WF.live.handle.requestPermission({mode: 'readwrite'}).then(function(p) {
        WF.liveReport(p === 'granted' ? 2 : 3, p === 'granted' ? '' : 'the browser did not allow writing to the file.');
      }, function(e) { WF.liveReport(3, 'the browser did not allow writing to the file (' + (e && e.name) + ').'); });
      return;
    }
    window.showSaveFilePicker({suggestedName: 'wayfinder-backup.json',
                               types: [{description: 'Wayfinder backup', accept: {'application/json': ['.json']}}]})
      .then(function(handle) {
        WF.live.handle = handle;
        return WF.liveRemember(handle).then(function() { WF.liveReport(2); });
      }, function() { /* the librarian cancelled the dialog */ });
  },

  wf_js_export_backup__deps: ['$WF'],
  wf_js_export_backup: function(namePtr, fileNamePtr) {
    var name = UTF8ToString(namePtr), fileName = UTF8ToString(fileNamePtr);
    WF.openDb().then(function(db) {
      var request = db.transaction(['backups'], 'readonly').objectStore('backups').get(name);
      request.onsuccess = function() {
        if (request.result) WF.downloadBlob(new Blob([request.result.text], {type: 'application/json'}), fileName);
      };
    }).catch(function() {});
  },

  wf_js_query_storage__deps: ['$WF'],
  wf_js_query_storage: function(ask) {
    if (!navigator.storage || !navigator.storage.estimate) return;
    var persisted = ask && navigator.storage.persist ? navigator.storage.persist() :
      (navigator.storage.persisted ? navigator.storage.persisted() : Promise.resolve(false));
    Promise.all([persisted, navigator.storage.estimate()]).then(function(r) {
      Module._wf_on_storage_estimate(r[0] ? 1 : 0, r[1].usage || 0, r[1].quota || 0);
      WF.markOnce('wayfinder:storage-estimated');
    }).catch(function() {});
  },

  wf_js_download__deps: ['$WF'],
  wf_js_download: function(namePtr, mimePtr, dataPtr, size) {
    WF.downloadBlob(new Blob([HEAPU8.slice(dataPtr, dataPtr + size)], {type: UTF8ToString(mimePtr)}), UTF8ToString(namePtr));
  },

  wf_js_pick_file__deps: ['$WF'],
  wf_js_pick_file: function(acceptPtr) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(acceptPtr);
    input.style.display = 'none';
    input.addEventListener('change', function() { if (input.files.length) WF.openFile(input.files[0]); input.remove(); });
    document.body.appendChild(input);
    input.click();
  },

  // Replies with the 32-byte public key ('' when there is none and `create` is 0, or on failure, with why).
  wf_js_signing_key_load__deps: ['$WF'],
  wf_js_signing_key_load: function(create, token) {
    var key;
    try { key = WF.loadSigningKey(!!create); } catch (e) { key = Promise.reject(e); }
    key.then(function(k) {
      WF.replyBytes(k ? k.publicRaw : new Uint8Array(0), '', function(p, n, q) { Module._wf_on_signing_key(token, p, n, q); });
    }, function(error) {
      WF.replyBytes(new Uint8Array(0), WF.cryptoProblem(error), function(p, n, q) { Module._wf_on_signing_key(token, p, n, q); });
    });
  },

  wf_js_sign__deps: ['$WF'],
  wf_js_sign: function(messagePtr, messageSize, token) {
    var message = HEAPU8.slice(messagePtr, messagePtr + messageSize);
    var signed;
    try {
      signed = WF.loadSigningKey(false).then(function(k) {
        if (!k) throw {name: 'NoKey'};
        return crypto.subtle.sign({name: 'Ed25519'}, k.privateKey, message);
      });
    } catch (e) { signed = Promise.reject(e); }
    signed.then(function(signature) {
      WF.replyBytes(new Uint8Array(signature), '', function(p, n, q) { Module._wf_on_signed(token, p, n, q); });
    }, function(error) {
      var problem = error && error.name === 'NoKey' ? 'this browser has no signing key yet.' : WF.cryptoProblem(error);
      WF.replyBytes(new Uint8Array(0), problem, function(p, n, q) { Module._wf_on_signed(token, p, n, q); });
    });
  },

  // result: 0 valid, 1 invalid, 2 cannot check (no Ed25519 in this browser's Web Crypto).
  wf_js_verify_signature__deps: ['$WF'],
  wf_js_verify_signature: function(keyPtr, keySize, messagePtr, messageSize, signaturePtr, signatureSize, token) {
    var key = HEAPU8.slice(keyPtr, keyPtr + keySize), message = HEAPU8.slice(messagePtr, messagePtr + messageSize);
    var signature = HEAPU8.slice(signaturePtr, signaturePtr + signatureSize);
    var checked;
    try {
      checked = crypto.subtle.importKey('raw', key, {name: 'Ed25519'}, false, ['verify']).then(function(publicKey) {
        return crypto.subtle.verify({name: 'Ed25519'}, publicKey, signature, message);
      });
    } catch (e) { checked = Promise.reject(e); }
    checked.then(function(valid) { Module._wf_on_signature_checked(token, valid ? 0 : 1); }, function(error) {
      // A key that is no Ed25519 point cannot have made the signature; a browser without Ed25519 cannot say.
      var unsupported = !error || error.name === 'NotSupportedError' || typeof crypto === 'undefined' || !crypto.subtle;
      Module._wf_on_signature_checked(token, unsupported ? 2 : 1);
    });
  },

  wf_js_image_add__deps: ['$WF'],
  wf_js_image_add: function(dataPtr, size, mimePtr, token) {
    var source = new Blob([HEAPU8.slice(dataPtr, dataPtr + size)], {type: UTF8ToString(mimePtr)});
    WF.addPicture(source, WF.pictureLimits.side, WF.pictureLimits.bytes).then(function(r) { WF.reportPicture(token, r); });
  },

  // The browser's file chooser, pictures only; cancelled, nothing replies.
  wf_js_image_choose__deps: ['$WF'],
  wf_js_image_choose: function(token) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.style.display = 'none';
    input.addEventListener('change', function() {
      if (input.files.length) {
        WF.addPicture(input.files[0], WF.pictureLimits.side, WF.pictureLimits.bytes).then(function(r) { WF.reportPicture(token, r); });
      }
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  },

  wf_js_blob_read__deps: ['$WF'],
  wf_js_blob_read: function(keyPtr, token) {
    WF.readPicture(UTF8ToString(keyPtr)).then(function(record) {
      if (!record) throw 0;
      WF.withBytes(new Uint8Array(record.bytes), function(p, n) { Module._wf_on_blob_read(token, 1, p, n); });
    }).catch(function() { Module._wf_on_blob_read(token, 0, 0, 0); });
  },

  wf_js_blob_remove__deps: ['$WF'],
  wf_js_blob_remove: function(keyPtr) {
    var key = UTF8ToString(keyPtr);
    WF.write('blobs', function(store) { store.delete(key); }).catch(function() { /* kept: a later removal may succeed */ });
  },

  // keyPtr "": the bytes given (a picture inside a file) rather than a stored one.
  wf_js_picture_load__deps: ['$WF', '$GL'],
  wf_js_picture_load: function(keyPtr, dataPtr, size, mimePtr, maxW, maxH, token) {
    var key = UTF8ToString(keyPtr);
    var source = key ? WF.readPicture(key).then(function(r) { return r && new Blob([r.bytes], {type: r.mime}); })
                     : Promise.resolve(new Blob([HEAPU8.slice(dataPtr, dataPtr + size)], {type: UTF8ToString(mimePtr)}));
    source.then(function(blob) {
      if (!blob) throw 0;
      return WF.pictureTexture(blob, maxW, maxH);
    }).then(function(t) {
      Module._wf_on_picture_loaded(token, t.id, t.width, t.height, t.textureWidth, t.textureHeight);
    }).catch(function() { Module._wf_on_picture_loaded(token, 0, 0, 0, 0, 0); });
  },

  wf_js_copy_text: function(textPtr) {
    var text = UTF8ToString(textPtr);
    var fallback = function() {
      var t = document.createElement('textarea');
      t.value = text;
      document.body.appendChild(t);
      t.select();
      document.execCommand('copy');
      t.remove();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
    else fallback();
  },

  wf_js_text_edit_show__deps: ['$WF'],
  wf_js_text_edit_show: function(field, dateInput, openCalendar, valuePtr, labelPtr, hintPtr, multiline, maxChars, x, y, w, h,
                                 cx, cy, cw, ch, fontPx, lineHeight, padX, padY, textRgba, bgRgba, borderRgba,
                                 hintRgba, replaceValue) {
    var ed = dateInput ? WF.dateEditor : WF.editor;
    var starting = WF.editorField !== field || WF.shown !== ed;
    // This runs on every frame while a field is edited: restyle only when something moved or changed
    // (the canvas's rectangle comes from the last resize, as asking for it would lay out the page).
    var place = [x, y, w, h, cx, cy, cw, ch, fontPx, lineHeight, padX, padY, textRgba, bgRgba, borderRgba, hintRgba].join(' ');
    if (starting || place !== WF.editorPlace) {
      WF.editorPlace = place;
      var r = WF.canvasRect || WF.canvas.getBoundingClientRect();
      var s = ed.style;
      s.left = (r.left + x) + 'px'; s.top = (r.top + y) + 'px';
      s.width = w + 'px'; s.height = h + 'px';
      // Clip to the visible part of the scrolling page, as the ImGui field is.
      var top = Math.max(0, cy - y), left = Math.max(0, cx - x);
      var bottom = Math.max(0, (y + h) - (cy + ch)), right = Math.max(0, (x + w) - (cx + cw));
      s.clipPath = 'inset(' + top + 'px ' + right + 'px ' + bottom + 'px ' + left + 'px)';
      s.fontSize = fontPx + 'px'; s.lineHeight = lineHeight + 'px';
      s.padding = padY + 'px ' + padX + 'px';
      s.color = WF.css(textRgba); s.background = WF.css(bgRgba);
      s.border = '2px solid ' + WF.css(borderRgba); s.borderRadius = '6px';
      s.caretColor = WF.css(textRgba);
      s.setProperty('--wf-hint', WF.css(hintRgba));   // the placeholder's colour (web/style.css)
    }
    if (starting) {
      var previous = WF.shown;
      WF.editorField = field;
      WF.shown = ed;
      ed.multiline = !!multiline;
      ed.value = UTF8ToString(valuePtr);   // only when editing starts: the editor owns the text while open
      ed.setAttribute('aria-label', UTF8ToString(labelPtr));
      if (!dateInput) {
        ed.placeholder = UTF8ToString(hintPtr);
        if (maxChars > 0) ed.maxLength = maxChars; else ed.removeAttribute('maxlength');
      }
      ed.style.display = 'block';
      ed.focus({preventScroll: true});
      if (previous && previous !== ed) previous.style.display = 'none';
      if (dateInput) {
        // A click asked for the calendar (and the click lets the browser show it). From the keyboard
        // the date's parts are typed; Alt+Down opens the calendar there, as in any date input.
        if (openCalendar) try { ed.showPicker(); } catch (e) { /* not allowed without a gesture: typing still works */ }
      } else {
        ed.setSelectionRange(ed.value.length, ed.value.length);
      }
    } else if (replaceValue) {
      // The text changed outside the editor (undo, another tab): show it, caret kept where it can be.
      var caret = Math.min(ed.selectionStart, UTF8ToString(valuePtr).length);
      ed.value = UTF8ToString(valuePtr);
      ed.setSelectionRange(caret, caret);
    }
  },

  wf_js_text_edit_hide__deps: ['$WF'],
  wf_js_text_edit_hide: function() {
    if (!WF.editorField) return;
    var shown = WF.shown;
    WF.editorField = 0;
    WF.shown = null;
    var hadFocus = document.activeElement === shown;
    shown.style.display = 'none';
    if (hadFocus) WF.canvas.focus({preventScroll: true});
  },

  // The largest snapshot tile a test asks for (window.wayfinder.snapshotTileSize), so a small map is
  // drawn in tiles too; 0: none asked for, the GPU's own limits decide. Not in the UI.
  wf_js_snapshot_tile_override: function() {
    var size = window.wayfinder && window.wayfinder.snapshotTileSize;
    return typeof size === 'number' && size > 0 ? Math.floor(size) : 0;
  },

  // The font atlas's glyphs, drawn by the browser with the font files' own bytes (web/boot.js made
  // them the faces WayfinderAtlas0, text, and WayfinderAtlas1, icons): see GlyphRasteriser in
  // src/ui/fonts.hpp. A RasterGlyph is nine 4-byte fields: font, css_px, codepoint, x0, y0, x1, y1, pen_x, pen_y.
  wf_js_glyphs_measure__deps: ['$WF'],
  wf_js_glyphs_measure: function(glyphs, count) {
    var ctx = WF.glyphMeasure || (WF.glyphMeasure = document.createElement('canvas').getContext('2d'));
    var font = '';
    for (var p = glyphs >> 2, end = p + count * 9; p < end; p += 9) {
      var f = HEAPF32[p + 1] + 'px WayfinderAtlas' + HEAP32[p];
      if (f !== font) ctx.font = font = f;
      var m = ctx.measureText(String.fromCharCode(HEAP32[p + 2]));
      var x0 = Math.floor(-m.actualBoundingBoxLeft), x1 = Math.ceil(m.actualBoundingBoxRight);
      var y0 = Math.floor(-m.actualBoundingBoxAscent), y1 = Math.ceil(m.actualBoundingBoxDescent);
      var ink = x1 > x0 && y1 > y0;
      HEAP32[p + 3] = ink ? x0 : 0; HEAP32[p + 4] = ink ? y0 : 0;
      HEAP32[p + 5] = ink ? x1 : 0; HEAP32[p + 6] = ink ? y1 : 0;
    }
  },
  // All of a build's glyphs go on one canvas, read back once: a rebuild while a map zooms stays quick.
  // The atlas is a power of two tall; the rows below its lowest glyph are only cleared, not read back.
  wf_js_glyphs_draw: function(glyphs, count, width, height, alpha) {
    var used = 1;
    for (var p = glyphs >> 2, end = p + count * 9; p < end; p += 9) used = Math.max(used, HEAP32[p + 8] + HEAP32[p + 6]);
    var canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = used = Math.min(used, height);
    var ctx = canvas.getContext('2d', {willReadFrequently: true});
    ctx.fillStyle = '#fff';
    var font = '';
    for (var p = glyphs >> 2, end = p + count * 9; p < end; p += 9) {
      if (HEAP32[p + 3] === HEAP32[p + 5]) continue;
      var f = HEAPF32[p + 1] + 'px WayfinderAtlas' + HEAP32[p];
      if (f !== font) ctx.font = font = f;
      ctx.fillText(String.fromCharCode(HEAP32[p + 2]), HEAP32[p + 7], HEAP32[p + 8]);
    }
    var rgba = ctx.getImageData(0, 0, width, used).data;
    for (var i = 0, n = width * used; i < n; i++) HEAPU8[alpha + i] = rgba[i * 4 + 3];
    HEAPU8.fill(0, alpha + width * used, alpha + width * height);
  },

  wf_js_apply_update: function() {
    if (window.wayfinderBoot && window.wayfinderBoot.applyUpdate) window.wayfinderBoot.applyUpdate();
  },

  wf_js_reload_page: function() { location.reload(); },

  wf_js_set_unsaved_guard__deps: ['$WF'],
  wf_js_set_unsaved_guard: function(on) { WF.unsavedGuard = !!on; },
};

autoAddDeps(LibraryWayfinder, '$WF');
mergeInto(LibraryManager.library, LibraryWayfinder);
