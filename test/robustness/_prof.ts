import { lint } from '../../server/src/engine/lint';
import { parseMarkdown } from '../../server/src/engine/parse';
import { buildModel } from '../../server/src/engine/model/letter';
const letter = require('fs').readFileSync('/work/main/examples/defective-s31-missing-rights.md','utf8');
const text = letter.repeat(Math.ceil(2e6/letter.length)).slice(0, 2e6);
let t = performance.now();
const root = parseMarkdown(text); console.log('parse', performance.now()-t); t = performance.now();
const m = buildModel(text, {defaultRegime:'FOIA'}, root); console.log('model', performance.now()-t, m.sections.length, m.citations.length); t = performance.now();
lint(text); console.log('lint total', performance.now()-t);
