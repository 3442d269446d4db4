#!/usr/bin/env node
// Project rules that the type checker does not enforce (run by `npm run lint` after tsc):
//  - src/core/ never imports vscode (it is unit-tested in plain Node and powers the CLI);
//  - natural is imported only through its submodules (its index pulls in mongoose, pg, redis);
//  - every exported type, interface and class in src/core has a JSDoc comment;
//  - media/ scripts never assign article text through innerHTML/outerHTML/insertAdjacentHTML.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const problems = [];

function walk(dir, ext) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

for (const file of walk(path.join(root, 'src'), '.ts')) {
  const rel = path.relative(root, file);
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (/from ['"]natural['"]|require\(['"]natural['"]\)/.test(text)) problems.push(`${rel}: import natural's submodules, not 'natural'`);
  if (!rel.startsWith(path.join('src', 'core'))) continue;
  if (/from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(text)) problems.push(`${rel}: src/core must not import vscode`);
  lines.forEach((line, i) => {
    if (!/^export (interface|type|class|enum|abstract class) /.test(line) || /^export type \*/.test(line)) return;
    let j = i - 1;
    while (j >= 0 && lines[j].trim().startsWith('//')) j--;
    if (j < 0 || !lines[j].trim().endsWith('*/')) problems.push(`${rel}:${i + 1}: exported type needs a JSDoc comment: ${line.trim().slice(0, 60)}`);
  });
}

for (const file of walk(path.join(root, 'media'), '.js')) {
  const rel = path.relative(root, file);
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(line)) problems.push(`${rel}:${i + 1}: build the DOM with textContent/createElement, not HTML strings`);
  });
}

for (const p of problems) console.error(p);
console.log(problems.length ? `lint: ${problems.length} problem(s)` : 'lint: ok');
process.exit(problems.length ? 1 : 0);
