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
     be the start of a longer word, unless the visitor has typed a space after it. */
  function search(index, text, lang) {
    var terms = words(text, lang);
    if (!terms.length) return [];
    var finished = /\s$/.test(text);
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

  return {search: search, words: words, highlight: highlight, stem: stem};
});
