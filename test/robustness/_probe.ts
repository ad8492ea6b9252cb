import { lint } from '../../server/src/engine/lint';
function time(name: string, text: string) {
  const t = performance.now();
  try {
    const r = lint(text);
    console.log(name, (performance.now()-t).toFixed(0), 'ms', r.findings.map(f=>f.rule+'@'+f.range.start.line).slice(0,5).join(' '), 'trunc', r.truncated);
  } catch (e) { console.log(name, 'THREW', (performance.now()-t).toFixed(0), String(e).slice(0,200)); }
}
const letter = require('fs').readFileSync('/work/main/examples/defective-s31-missing-rights.md','utf8');
const which = process.argv[2];
if (which==='big') time('10MB', letter.repeat(Math.ceil(10e6/letter.length)));
if (which==='line') time('5MB line', 'section 31(1)(a) '.repeat(5e6/17));
if (which==='quote') time('20k quotes', '>'.repeat(20000)+' section 31(1)(a)\n');
if (which==='quote2') time('20k quotes lines', Array.from({length:20000},(_, i)=>'>'.repeat(i+1)+' x').join('\n'));
if (which==='list') time('3k list', Array.from({length:3000},(_, i)=>'  '.repeat(i)+'- item section 31(1)').join('\n'));
if (which==='hash') time('200k #', '#\n'.repeat(200000));
if (which==='bin') { let s=''; for(let i=0;i<200000;i++) s+=String.fromCharCode(Math.random()*256|0); time('bin', s+'\0\0'); }
if (which==='fm') time('fm unclosed', '---\nregime: FOIA\nsection 31(1)(a)\n');
if (which==='date') { const r = lint('---\nreceived: 2026-02-30\n---\nx\n'); console.log(JSON.stringify(r.findings.map(f=>[f.rule,f.range,f.message]))); }
if (which==='bomb') { const a = ['a: &a ["x","x","x","x","x","x","x","x","x"]']; for (let i=1;i<10;i++) a.push(`${String.fromCharCode(97+i)}: &${String.fromCharCode(97+i)} [`+Array(9).fill('*'+String.fromCharCode(96+i)).join(',')+']'); time('bomb', '---\n'+a.join('\n')+'\n---\nbody\n'); const r=lint('---\n'+a.join('\n')+'\n---\nbody\n'); console.log(r.findings.map(f=>f.rule+': '+f.message)); }
if (which==='empty') { time('empty',''); time('onlyfm','---\nregime: FOIA\n---\n'); time('onlyfm2','---\nregime: FOIA\n---'); time('bom','\uFEFF---\nregime: FOIA\n---\n# Hi\n'); }
