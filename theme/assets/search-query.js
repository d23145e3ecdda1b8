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
  function search(index, text, lang) {
    var terms = words(text, lang);
    if (!terms.length) return [];
    var finished = /\s$/.test(text);
    var best = {}, order = [];
    combinations(terms.map(function (t) { return variants(t, lang); })).forEach(function (ws) {
      ask(index, ws, finished).forEach(function (r) {
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

  function ask(index, terms, finished) {
    return index.query(function (q) {
      terms.forEach(function (term, i) {
        var last = i === terms.length - 1;
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

  return {search: search, words: words, variants: variants, highlight: highlight, stem: stem};
});
