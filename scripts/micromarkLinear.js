// esbuild plugin: micromark's document tokenizer in linear time. Each time a block quote or list item closes
// around an open paragraph, micromark moves the few exit events before the flow chunk with an EditMap, whose
// consume() copies every event of the document so far: a note with n block quotes costs n² (2,000 block-quote
// questions: 10 s; found by the property-based fuzz test, test/unit/fuzzHostile.test.ts). The same move done
// in place: cut the exits off the end, insert them at the flow chunk. Same events, same order.
const fs = require('node:fs');

const EDIT =
  /const editMap = new EditMap\(\);\s*\/\/[^\n]*\n\s*editMap\.add\(indexBeforeFlow \+ 1, 0, self\.events\.slice\(indexBeforeExits\)\);\s*\/\/[^\n]*\n\s*editMap\.add\(indexBeforeExits, index - indexBeforeExits, \[\]\);\s*editMap\.consume\(self\.events\);/g;
const IN_PLACE =
  'const exits = self.events.slice(indexBeforeExits); self.events.length = indexBeforeExits; self.events.splice(indexBeforeFlow + 1, 0, ...exits);';

/** The patched source of micromark/lib/initialize/document.js; throws when micromark changed under us. */
function linearDocument(source) {
  const found = source.match(EDIT)?.length ?? 0;
  if (found !== 2)
    throw new Error(
      `micromark document.js: expected 2 EditMap moves of exits, found ${found}; check scripts/micromarkLinear.js against the new micromark`,
    );
  return source.replace(EDIT, IN_PLACE);
}

const micromarkLinear = {
  name: 'micromark-linear',
  setup(build) {
    build.onLoad({ filter: /[\\/]micromark[\\/](dev[\\/])?lib[\\/]initialize[\\/]document\.js$/ }, async (args) => ({
      contents: linearDocument(await fs.promises.readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

module.exports = { micromarkLinear, linearDocument };
