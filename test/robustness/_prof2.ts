import { parseMarkdown } from '../../server/src/engine/parse';
function t(name: string, text: string) { const s = performance.now(); try { parseMarkdown(text); console.log(name, text.length, (performance.now()-s).toFixed(0)); } catch (e) { console.log(name, 'THREW', String(e)); } }
const w = process.argv[2];
const N = Number(process.argv[3] ?? 2e5);
if (w==='flatlist') t('flatlist', ('- item section 31(1)(a) lorem\n').repeat(N/30));
if (w==='flatquote') t('flatquote', ('> item section 31(1)(a) lorem\n').repeat(N/30));
if (w==='para') t('para', ('item section 31(1)(a) lorem\n').repeat(N/30));
if (w==='paras') t('paras', ('item section 31(1)(a) lorem\n\n').repeat(N/30));
if (w==='l5') { const lines=[]; for (let i=0;i<N/10;i++) lines.push('  '.repeat(i%5)+'- item'); t('list5', lines.join('\n')); }
if (w==='q5') t('quote5', ('>'.repeat(5)+' x\n').repeat(N/8));
