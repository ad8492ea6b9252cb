import { EditMap } from 'micromark-util-edit-map';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import fs from 'fs';
const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const lines=[]; for (let i=0;i<8800;i++) lines.push('  '.repeat(i%5)+'- item');
const letter = fs.readFileSync('examples/defective-s31-missing-rights.md','utf8');
const big = letter.repeat(Math.ceil(2e6/letter.length)).slice(0, 2e6);
const cases = { list5: lines.join('\n'), letter2M: big, quote100: ('>'.repeat(100)+' x\n').repeat(3000), deep: (() => {const l=[]; for (let i=0;i<600;i++) l.push('  '.repeat(i)+'- item'); return l.join('\n');})() };
const results = {};
function run(tag) { for (const [k, v] of Object.entries(cases)) { const t = performance.now(); const tree = p.parse(v); results[tag+k] = JSON.stringify(tree); console.log(tag, k, v.length, (performance.now()-t).toFixed(0)); } }
run('orig');
EditMap.prototype.consume = function (events) {
  this.map.sort((a, b) => a[0] - b[0]);
  if (this.map.length === 0) return;
  const first = this.map[0][0];
  const tail = events.slice(first);
  events.length = first;
  let cursor = first;
  for (const [at, remove, add] of this.map) {
    for (let i = cursor; i < at; i++) events.push(tail[i - first]);
    for (const e of add) events.push(e);
    cursor = at + remove;
  }
  for (let i = cursor; i < first + tail.length; i++) events.push(tail[i - first]);
  this.map.length = 0;
  this.index.clear();
};
run('patched');
for (const k of Object.keys(cases)) console.log(k, 'same', results['orig'+k] === results['patched'+k]);
