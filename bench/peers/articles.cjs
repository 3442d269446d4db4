// The article files of a folder as the peers read them: every .txt and .md file below it,
// sorted by path (the order Crosscheck's loader uses).
const fs = require('fs');
const path = require('path');

/** Paths of the .txt and .md files under `folder`, sorted. */
function articleFiles(folder) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(txt|md)$/i.test(entry.name)) out.push(full);
    }
  };
  walk(folder);
  return out.sort();
}

module.exports = { articleFiles };
