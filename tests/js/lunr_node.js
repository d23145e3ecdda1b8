// Node side of the search tests: lunr.js 2.3.9 + lunr-languages, as the browser has them
// (the vendored copies in theme/assets/vendor), and the site's own query code.
//   node lunr_node.js stem          stdin: {"lang": [tokens]}      -> {"lang": [terms or null]}
//   node lunr_node.js query INDEX   stdin: ["query", ...]           -> {"query": [urls]}
//   node lunr_node.js find INDEX    stdin: ["query", ...]           -> {"query": {urls, corrected, suggestion}}
"use strict";
const fs = require("fs");
const path = require("path");
const assets = path.join(__dirname, "..", "..", "theme", "assets");
const lunr = require(path.join(assets, "vendor", "lunr.min.js"));
require(path.join(assets, "vendor", "lunr.stemmer.support.min.js"))(lunr);
require(path.join(assets, "vendor", "lunr.nl.min.js"))(lunr);
const query = require(path.join(assets, "search-query.js"))(lunr);

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {};
if (process.argv[2] === "stem") {
  // The index pipelines lunr.js builds with: lunr() defaults for English, lunr.nl for Dutch.
  const pipelines = {en: [lunr.trimmer, lunr.stopWordFilter, lunr.stemmer],
                     nl: [lunr.nl.trimmer, lunr.nl.stopWordFilter, lunr.nl.stemmer]};
  for (const lang of Object.keys(input)) {
    const p = new lunr.Pipeline();
    p.add(...pipelines[lang]);
    out[lang] = input[lang].map(t => {
      const r = p.run([new lunr.Token(t)]);
      return r.length ? String(r[0]) : null;
    });
  }
} else if (process.argv[2] === "find" || process.argv[2] === "find-full") {
  // What the site shows: results forgiving typos, what they were corrected to, and for no
  // results at all the spelling suggestion (the search page's own calls, search.js). "find"
  // reads the index as the browser does, in parts (search/<lang>/head.json, then the body
  // shards a query needs, search-query.js Shards); "find-full" reads the whole search/<lang>.json.
  const file = process.argv[3];
  const parts = file.replace(/\.json$/, "");
  const read = (p) => Promise.resolve(JSON.parse(fs.readFileSync(p, "utf8")));
  (async () => {
    let lookup, index, docs, lang;
    if (process.argv[2] === "find") {
      const shards = new query.Shards(await read(path.join(parts, "head.json")),
                                      (p) => read(path.join(parts, p)));
      lookup = (q) => shards.find(q);
      ({docs, lang} = shards);
      index = () => shards.index;
    } else {
      const data = await read(file);
      const full = lunr.Index.load(data.index);
      lookup = (q) => Promise.resolve(query.find(full, q, data.lang));
      ({docs, lang} = data);
      index = () => full;
    }
    for (const q of input) {
      const found = await lookup(q);
      const replace = query.corrections(found.results, found.fuzzy, lang);
      out[q] = {urls: found.results.map(r => docs[r.ref].url),
                scores: found.results.map(r => r.score),
                corrected: found.fuzzy.length ? query.rewrite(index(), docs, q, lang, replace) : null,
                suggestion: found.results.length ? null : query.suggest(index(), docs, q, lang)};
    }
    process.stdout.write(JSON.stringify(out));
  })().catch((e) => { console.error(e); process.exit(1); });
  return;
} else {
  const data = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
  const index = lunr.Index.load(data.index);
  for (const q of input) out[q] = query.search(index, q, data.lang).map(r => data.docs[r.ref].url);
}
process.stdout.write(JSON.stringify(out));
