import * as fs from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
const files = ['council-qualified-refusal','eir-refusal','foisa-refusal','ncnd-police-plain'].map(f=>fs.readFileSync(`examples/${f}.md`,'utf8'));
function make(size: number) { let s = files[0]; let i=1; while (s.length < size) { s += '\n\n' + files[i%4].replace(/^---[\s\S]*?---\n/, ''); i++; } return s; }
function noInline(this: any){ const data = this.data(); (data.micromarkExtensions ??= []).push({disable:{null:['attention','autolink','characterEscape','characterReference','codeText','hardBreakEscape','htmlText','labelStartImage','labelStartLink','labelEnd']}}); }
const procs: Record<string, any> = {
  plain: unified().use(remarkParse),
  fm: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']),
  gfm: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm),
  flow: unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(noInline),
};
const p = procs[process.argv[2]]; const size = Number(process.argv[3]);
const text = make(size); const n = size > 500000 ? 7 : 25;
for (let i=0;i<3;i++) p.parse(text);
const t: number[] = []; for (let i=0;i<n;i++){ const s=performance.now(); p.parse(text); t.push(performance.now()-s);} t.sort((a,b)=>a-b);
console.log(process.argv[2], size, 'median', t[n>>1].toFixed(1), 'min', t[0].toFixed(1));
