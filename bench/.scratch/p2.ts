import * as fs from 'node:fs';
import { lint } from '../../server/src/engine/lint';
const files = ['council-qualified-refusal','eir-refusal','foisa-refusal','ncnd-police-plain'].map(f=>fs.readFileSync(`examples/${f}.md`,'utf8'));
function make(size: number) { let s = files[0]; let i=1; while (s.length < size) { s += '\n\n' + files[i%4].replace(/^---[\s\S]*?---\n/, ''); i++; } return s; }
const text = make(1_000_000);
for (let i=0;i<6;i++){ const s=performance.now(); lint(text); console.log((performance.now()-s).toFixed(0)); }
