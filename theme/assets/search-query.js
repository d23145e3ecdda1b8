/* Site search: turning what a visitor types into a lunr query, and highlighting matches.
   Shared by the browser (search.js loads it with lunr) and the Node tests, so both ask the
   index the same question. Never uses lunr's query parser: any input ("a:b", "*", "~", a lone
   quote) is split into plain words, so it gives results or none, never an error. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.SiteSearchQuery = factory(root.lunr);
})(this, function (lunr) {
  "use strict";

  var MAX_WILDCARD = 2;  // words shorter than this are not completed as you type
  var MIN_FUZZY = 5;     // a word that finds nothing is asked again with one letter off from here
  var MAX_SUGGEST = 2;   // letters a zero-result suggestion may differ by

  // The language's own trimmer and stop words (as at indexing), before the index's own
  // search pipeline stems each word.
  function prepare(lang) {
    var pipeline = new lunr.Pipeline();
    if (lang === "nl" && lunr.nl) pipeline.add(lunr.nl.trimmer, lunr.nl.stopWordFilter);
    else pipeline.add(lunr.trimmer, lunr.stopWordFilter);
    return pipeline;
  }

  function words(text, lang) {
    // "*" would be a wildcard inside a term: take it out like other punctuation.
    var tokens = lunr.tokenizer(String(text).replace(/\*/g, " "));
    return prepare(lang).run(tokens).map(String).filter(function (w) { return w.length > 0; });
  }

  /* Search ``index`` for ``text``. Every word but the last must occur; the last one may also
     be the start of a longer word, unless the visitor has typed a space after it. Each
     variant of the words (see ``variants``) is asked separately and the results merged, each
     page keeping its best score: lunr has no "this word or that one" for required words. */
  function search(index, text, lang, fuzzy) {
    var terms = words(text, lang);
    if (!terms.length) return [];
    var finished = /\s$/.test(text);
    var best = {}, order = [];
    combinations(terms.map(function (t) { return variants(t, lang); })).forEach(function (ws) {
      ask(index, ws, finished, fuzzy || {}).forEach(function (r) {
        var seen = best[r.ref];
        if (!seen) { best[r.ref] = r; order.push(r.ref); return; }
        seen.matchData.combine(r.matchData);
        seen.score = Math.max(seen.score, r.score);
      });
    });
    // Highest score first; equal scores in the order lunr gave them, so results are stable.
    return order.map(function (ref, i) { return {r: best[ref], i: i}; })
      .sort(function (a, b) { return b.r.score - a.r.score || a.i - b.i; })
      .map(function (x) { return x.r; });
  }

  function ask(index, terms, finished, fuzzy) {
    return index.query(function (q) {
      terms.forEach(function (term, i) {
        var last = i === terms.length - 1;
        if (fuzzy[term]) {
          // lunr's term~1 on the stemmed word: one letter added, left out, changed or swapped.
          q.term(term, {presence: lunr.Query.presence.REQUIRED, editDistance: 1});
          return;
        }
        if (!last || finished) {
          q.term(term, {presence: lunr.Query.presence.REQUIRED});
          return;
        }
        q.term(term, {boost: 10});
        if (term.length >= MAX_WILDCARD) {
          q.term(term, {usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1});
        }
      });
    });
  }

  /* A Dutch word and its other number, when the stemmer gives the two different stems.
     Snowball's Dutch stemmer takes an "s" after a consonant for an ending, so the singular
     loses it and the plural keeps it: "huisarts" -> "huisart" but "huisartsen" -> "huisarts"
     ("mens"/"mensen", "kans"/"kansen" alike). A visitor typing either form should find both. */
  function variants(word, lang) {
    if (lang !== "nl" || !lunr.nl) return [word];
    var other = null;
    if (/[^aeiouy]sen$/.test(word) && word.length >= 6) other = word.slice(0, -2);
    else if (/[^aeiouyj]s$/.test(word) && word.length >= 4) other = word + "en";
    if (other === null || stem(other, lang) === stem(word, lang)) return [word];
    return [word, other];
  }

  // Every way of choosing one variant per word; at most 8, the rest keep their own form.
  function combinations(lists) {
    var out = [[]];
    lists.forEach(function (list) {
      var options = out.length * list.length > 8 ? list.slice(0, 1) : list;
      var next = [];
      out.forEach(function (prefix) {
        options.forEach(function (w) { next.push(prefix.concat([w])); });
      });
      out = next;
    });
    return out;
  }

  /* The stems of a text's words as the index stores them (no stop-word filter: a highlighted
     word is always a visible one). */
  function stem(word, lang) {
    var t = new lunr.Token(word.toLowerCase());
    if (lang === "nl" && lunr.nl) t = lunr.nl.stemmer(lunr.nl.trimmer(t));
    else t = lunr.stemmer(lunr.trimmer(t));
    return String(t);
  }

  /* Split ``text`` into [{text, mark}] parts, marking words whose stem matched ``terms`` (the
     keys of a result's matchData.metadata). */
  function highlight(text, terms, lang) {
    var wanted = {};
    terms.forEach(function (t) { wanted[t] = true; });
    // Words and what lies between them, so punctuation stays outside the <mark>.
    return String(text).split(/([^\p{L}\p{N}]+)/u).map(function (part) {
      var s = /[\p{L}\p{N}]/u.test(part) ? stem(part, lang) : "";
      return {text: part, mark: s !== "" && wanted[s] === true};
    });
  }

  /* What a visitor's search finds, forgiving typos: every word of MIN_FUZZY letters or more
     that finds nothing on its own (the word being typed: nor as the start of a word) is asked
     with edit distance 1, when that finds something. Returns {results, fuzzy: [those words]}
     (fuzzy is empty when the words were searched as typed). */
  function find(index, text, lang) {
    var ws = words(text, lang), finished = /\s$/.test(text), misses = {}, fuzzy = [];
    ws.forEach(function (w, i) {
      var typing = i === ws.length - 1 && !finished;
      if (w.length >= MIN_FUZZY && !misses[w] &&
          !search(index, typing ? w : w + " ", lang).length) {
        misses[w] = true;
        fuzzy.push(w);
      }
    });
    if (fuzzy.length) {
      var forgiven = search(index, text, lang, misses);
      if (forgiven.length) return {results: forgiven, fuzzy: fuzzy};
    }
    return {results: search(index, text, lang), fuzzy: []};
  }

  /* The words of ``text`` with each of ``replace`` (word -> index term) put as the visitor
     would write it: the most common word of the pages holding that term whose stem it is
     (``docs``: ref -> {title, summary}), else the term itself. */
  function rewrite(index, docs, text, lang, replace) {
    return words(text, lang).map(function (w) {
      return replace[w] === undefined ? w : surface(index, docs, replace[w], lang);
    }).join(" ");
  }

  function surface(index, docs, term, lang) {
    var posting = index.invertedIndex[term], counts = {}, best = term, most = 0;
    if (!posting) return term;
    Object.keys(posting).forEach(function (field) {
      if (field === "_index") return;
      Object.keys(posting[field]).forEach(function (ref) {
        var doc = docs[ref];
        if (!doc) return;
        (doc.title + " " + doc.summary).split(/[^\p{L}\p{N}]+/u).forEach(function (word) {
          var lower = word.toLowerCase();
          if (lower && stem(lower, lang) === term) counts[lower] = (counts[lower] || 0) + 1;
        });
      });
    });
    Object.keys(counts).sort().forEach(function (w) {
      if (counts[w] > most) { best = w; most = counts[w]; }
    });
    return best;
  }

  /* What ``find`` made of the fuzzy words: word -> the index term most of the results matched
     within one letter of it. */
  function corrections(results, fuzzy, lang) {
    var out = {};
    fuzzy.forEach(function (w) {
      var s = stem(w, lang), counts = {};
      results.forEach(function (r) {
        Object.keys(r.matchData.metadata).forEach(function (t) {
          if (distance(s, t, 1) <= 1) counts[t] = (counts[t] || 0) + 1;
        });
      });
      var best = Object.keys(counts).sort().sort(function (a, b) { return counts[b] - counts[a]; })[0];
      if (best !== undefined) out[w] = best;
    });
    return out;
  }

  /* For a search that found nothing: the same words, each one that finds nothing on its own
     replaced by the index term nearest to it (at most MAX_SUGGEST letters off; the one on
     most pages), as long as the whole then finds something; else null. */
  function suggest(index, docs, text, lang) {
    var replace = {}, changed = false;
    words(text, lang).forEach(function (w) {
      if (search(index, w + " ", lang).length || w.length < 3) return;
      var s = stem(w, lang), best = null, bestKey = null;
      Object.keys(index.invertedIndex).forEach(function (t) {
        if (Math.abs(t.length - s.length) > MAX_SUGGEST || !t) return;
        var d = distance(s, t, MAX_SUGGEST);
        if (d > MAX_SUGGEST) return;
        var key = [d, -pages(index, t), t];
        if (bestKey === null || key[0] < bestKey[0] || (key[0] === bestKey[0] &&
            (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
          best = t;
          bestKey = key;
        }
      });
      if (best !== null) { replace[w] = best; changed = true; }
    });
    if (!changed) return null;
    var suggestion = rewrite(index, docs, text, lang, replace);
    return search(index, suggestion + " ", lang).length ? suggestion : null;
  }

  function pages(index, term) {
    var posting = index.invertedIndex[term], seen = {};
    Object.keys(posting).forEach(function (field) {
      if (field !== "_index") Object.keys(posting[field]).forEach(function (ref) { seen[ref] = 1; });
    });
    return Object.keys(seen).length;
  }

  // Levenshtein distance with swaps (as lunr's fuzzy match counts), or more than ``max``.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var rows = [], i, j;
    for (i = 0; i <= a.length; i++) { rows.push([i]); }
    for (j = 1; j <= b.length; j++) rows[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var low = max + 1;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, rows[i - 2][j - 2] + 1);
        }
        rows[i][j] = d;
        if (d < low) low = d;
      }
      if (low > max) return max + 1;
    }
    return rows[a.length][b.length];
  }

  /* ---- The index in parts (core/search/parts.py) ----
     The browser never fetches the whole index: ``head`` (search/<lang>/head.json) holds the
     title (with keywords) and tags fields, and the other fields come in shards of the terms
     sharing their first ``keyLength`` letters, fetched for the words of a query. lunr scores a page from the
     entries of the query's own terms only, so the head plus the shards of those terms give the
     scores of the full index. ``fetchPart(path)`` returns a promise of the parsed JSON of a
     part (path relative to search/<lang>/). */
  function Shards(head, fetchPart) {
    var self = this;
    this.lang = head.lang;
    this.docs = head.docs;
    this.keyLength = head.keyLength;
    this.fetchPart = fetchPart;
    this.fields = head.fields;
    this.pipeline = lunr.Pipeline.load(head.pipeline);
    this.exists = {};
    head.shards.split(" ").forEach(function (k) { if (k) self.exists[k] = true; });
    this.loading = {};  // shard key -> promise, once asked for
    this.invertedIndex = {};
    this.fieldVectors = {};
    this.add(head.terms);
    this.index = this.build();
  }

  // File entries into lunr's inverted index and field vectors: term -> [term number,
  // {field: [page, score, page, score, ...]}], each page as its gap from the one before.
  Shards.prototype.add = function (terms) {
    var inverted = this.invertedIndex, vectors = this.fieldVectors, fields = this.fields;
    Object.keys(terms).forEach(function (term) {
      var entry = terms[term], posting = inverted[term];
      if (!posting) {
        posting = inverted[term] = {_index: entry[0]};
        fields.forEach(function (f) { posting[f] = {}; });
      }
      Object.keys(entry[1]).forEach(function (field) {
        var pairs = entry[1][field], page = 0;
        for (var i = 0; i < pairs.length; i += 2) {
          page += pairs[i];
          var ref = String(page), key = field + "/" + ref;
          posting[field][ref] = {};
          var vector = vectors[key] || (vectors[key] = new lunr.Vector());
          vector.upsert(entry[0], pairs[i + 1], function (old) { return old; });
        }
      });
    });
  };

  Shards.prototype.build = function () {
    return new lunr.Index({
      invertedIndex: this.invertedIndex, fieldVectors: this.fieldVectors, fields: this.fields,
      tokenSet: lunr.TokenSet.fromArray(Object.keys(this.invertedIndex).sort()),
      pipeline: this.pipeline});
  };

  /* The shard keys a search for ``text`` reads: each word's terms as the index's search
     pipeline makes them (every number variant), the word being typed as a prefix once it has
     ``keyLength`` letters, and with ``typos`` the keys a word one letter off in its first
     letters (left out or swapped) would have. Only keys with a shard. */
  Shards.prototype.keysFor = function (text, typos) {
    var self = this, n = this.keyLength, ws = words(text, this.lang), keys = {};
    var finished = /\s$/.test(text);
    ws.forEach(function (w, i) {
      variants(w, self.lang).forEach(function (v) {
        self.pipeline.runString(v).forEach(function (t) {
          keys[t.slice(0, n)] = true;
          if (!typos || t.length < MIN_FUZZY - 1) return;
          for (var j = 0; j < n; j++) {
            keys[(t.slice(0, j) + t.slice(j + 1)).slice(0, n)] = true;
            if (j < n - 1) keys[(t.slice(0, j) + t[j + 1] + t[j] + t.slice(j + 2)).slice(0, n)] = true;
          }
        });
        if (i === ws.length - 1 && !finished && v.length >= n) keys[v.slice(0, n)] = true;
      });
    });
    return Object.keys(keys).sort().filter(function (k) { return self.exists[k] === true; });
  };

  // Fetch the shards of ``keys`` not asked for yet; a promise of whether any was added.
  Shards.prototype.ensure = function (keys) {
    var self = this, added = false;
    return Promise.all(keys.map(function (key) {
      if (self.loading[key]) return self.loading[key];
      var loading = self.fetchPart("shards/" + hex(key) + ".json").then(function (part) {
        self.add(part.terms);
        added = true;
      });
      self.loading[key] = loading;
      loading.catch(function () { delete self.loading[key]; });  // a later search may try again
      return loading;
    })).then(function () {
      if (added) self.index = self.build();
      return added;
    });
  };

  /* ``find`` over the head and the shards the words of ``text`` need (and, for words that
     find nothing, the shards where a typo in their first letters would lead). */
  Shards.prototype.find = function (text) {
    var self = this;
    return this.ensure(this.keysFor(text, false)).then(function () {
      var found = find(self.index, text, self.lang);
      if (!found.fuzzy.length) return found;
      return self.ensure(self.keysFor(text, true)).then(function (added) {
        return added ? find(self.index, text, self.lang) : found;
      });
    });
  };

  // A shard's file name: its key in UTF-8, as hex (core/search/parts.py shard_name).
  function hex(key) {
    return Array.prototype.map.call(new TextEncoder().encode(key), function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  return {search: search, find: find, words: words, variants: variants, highlight: highlight,
          stem: stem, corrections: corrections, rewrite: rewrite, suggest: suggest,
          distance: distance, Shards: Shards};
});
