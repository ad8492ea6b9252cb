import * as fs from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { lint } from '/work/main/server/src/engine/lint';
const files = ['council-qualified-refusal','eir-refusal','foisa-refusal','ncnd-police-plain'].map(f=>fs.readFileSync(`/work/main/examples/${f}.md`,'utf8'));
function make(size: number) { let s = files[0]; let i=1; while (s.length < size) { s += '\n\n' + files[i%4].replace(/^---[\s\S]*?---\n/, ''); i++; } return s; }
const plain = unified().use(remarkParse);
const fm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
function noInline(){ const data = (this as any).data(); (data.micromarkExtensions ??= []).push({disable:{null:['attention','autolink','characterEscape','characterReference','codeText','hardBreakEscape','htmlText','labelStartImage','labelStartLink','labelEnd']}}); }
const flow = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(noInline);
function med(fn: () => void, n: number) { const t: number[] = []; for (let i=0;i<n;i++){ const s=performance.now(); fn(); t.push(performance.now()-s);} t.sort((a,b)=>a-b); return t[n>>1].toFixed(1); }
for (const size of [6_000, 100_000, 1_000_000]) {
  const text = make(size); const n = size > 500000 ? 5 : 15;
  for (let i=0;i<3;i++){ plain.parse(text); lint(text); }
  console.log(size, 'plain', med(()=>plain.parse(text),n), 'fm', med(()=>fm.parse(text),n), 'gfm', med(()=>full.parse(text),n), 'flow', med(()=>flow.parse(text),n), 'lint', med(()=>lint(text),n));
}
