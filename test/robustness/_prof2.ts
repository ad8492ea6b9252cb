import { parseMarkdown } from '../../server/src/engine/parse';
function t(name: string, text: string) { const s = performance.now(); try { parseMarkdown(text); console.log(name, text.length, (performance.now()-s).toFixed(0)); } catch (e) { console.log(name, 'THREW', String(e)); } }
const w = process.argv[2];
if (w==='q100') t('quote100', ('>'.repeat(100)+' x\n').repeat(2e6/103));
if (w==='q100s') t('quote100 space', ('> '.repeat(50)+'x\n').repeat(2e6/103));
if (w==='l50') { const lines=[]; for (let i=0;i<2e6/60;i++) lines.push('  '.repeat(i%50)+'- item'); t('list50', lines.join('\n')); }
if (w==='q1k') t('quote1000 x 200', ('>'.repeat(1000)+' x\n').repeat(200));
if (w==='q5k') t('quote5000 x1', ('>'.repeat(5000)+' x\n'));
if (w==='q10k') t('quote10000 x1', ('>'.repeat(10000)+' x\n'));
if (w==='l300') { const lines=[]; for (let i=0;i<300;i++) lines.push('  '.repeat(i)+'- item'); t('list300', lines.join('\n')); }
if (w==='l600') { const lines=[]; for (let i=0;i<600;i++) lines.push('  '.repeat(i)+'- item'); t('list600', lines.join('\n')); }
