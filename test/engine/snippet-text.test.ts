// snippetToText and firstSnippet: snippet syntax to plain text for quick fixes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { firstSnippet, snippetByPrefix, snippetToText, SNIPPETS } from '../../server/src/engine/snippets/index';

describe('snippetToText: syntax', () => {
  test('placeholders become their default text', () => {
    assert.equal(snippetToText('Hello ${1:world}!'), 'Hello world!');
    assert.equal(snippetToText('${2:two} then ${1:one}'), 'two then one');
  });

  test('nested placeholders', () => {
    assert.equal(snippetToText('${1:outer ${2:inner} done}'), 'outer inner done');
  });

  test('choices become their first option', () => {
    assert.equal(snippetToText('It ${1|would be likely to,would|} cause harm.'), 'It would be likely to cause harm.');
  });

  test('tab stops and variables become nothing', () => {
    assert.equal(snippetToText('a $1 b ${2} c $0 d $TM_FILENAME e ${TM_SELECTED_TEXT} f'), 'a  b  c  d  e  f');
  });

  test('a variable with a default gives the default', () => {
    assert.equal(snippetToText('${TM_SELECTED_TEXT:the selection}.'), 'the selection.');
  });

  test('transforms are dropped', () => {
    assert.equal(snippetToText('${TM_FILENAME/(.*)/$1/}x'), 'x');
  });

  test('escapes', () => {
    assert.equal(snippetToText('costs \\$5 and \\} and \\\\ end'), 'costs $5 and } and \\ end');
    assert.equal(snippetToText('${1:a\\}b}'), 'a}b');
    assert.equal(snippetToText('${1|a\\|b,c|}'), 'a|b');
  });

  test('an escaped comma inside a choice is part of the option', () => {
    assert.equal(snippetToText('${1|a\\,b,c|}'), 'a,b');
  });

  test('a bare tab stop mirrors the placeholder with the same number', () => {
    assert.equal(snippetToText('${1:the report} ... $1'), 'the report ... the report');
  });

  test('a lone "$" and an unfinished "${" stay as written', () => {
    assert.equal(snippetToText('$ alone and ${ and $'), '$ alone and ${ and $');
  });
});

describe('snippetToText: provision', () => {
  test('"[provision]" is replaced everywhere', () => {
    assert.equal(snippetToText('${1:[provision]} and again [provision].', 'section 31(1)(a)'), 'section 31(1)(a) and again section 31(1)(a).');
    assert.equal(snippetToText('${1:[provision]} and again [provision].', { provision: 'section 31(1)(a)' }), 'section 31(1)(a) and again section 31(1)(a).');
  });

  test('without a provision "[provision]" stays', () => {
    assert.equal(snippetToText('${1:[provision]} and [provision]'), '[provision] and [provision]');
  });

  test("tab stop 1's provision default is replaced by the cited provision", () => {
    assert.equal(snippetToText('## Harm — ${1:section 24(2)}', 'section 31(3)'), '## Harm — section 31(3)');
    assert.equal(snippetToText('${1:regulation 12(5)(b)} applies', 'regulation 12(4)(d)'), 'regulation 12(4)(d) applies');
    assert.equal(snippetToText('${1:sections 23 and 24}', 'section 24(2)'), 'section 24(2)');
  });

  test('only tab stop 1, and only when its default names a provision', () => {
    assert.equal(snippetToText('${2:section 24(2)} text', 'section 31(3)'), 'section 24(2) text');
    assert.equal(snippetToText('${1:the harm}', 'section 31'), 'the harm');
  });

  test('a real snippet: the generic harm block', () => {
    const harm = snippetByPrefix('foi-harm');
    assert.ok(harm);
    const text = snippetToText(harm.body, 'section 31(1)(a)');
    assert.equal(text.split('\n')[0], '## Harm — section 31(1)(a)');
    assert.ok(!text.includes('[provision]'));
    assert.equal(snippetToText(harm.body).split('\n')[0], '## Harm — [provision]');
  });
});

describe('snippetToText: reference and placeholder marking', () => {
  test('the example case reference is replaced', () => {
    assert.equal(snippetToText('Our ref ${1:FOI-2026-0001}.', { reference: 'NSC-42' }), 'Our ref NSC-42.');
  });

  test('markPlaceholders brackets other placeholder text, not choices, empty or bracketed defaults', () => {
    assert.equal(
      snippetToText('${1:FOI-2026-0001}: ${2:describe it} ${3:[name]} ${4:} ${5|a,b|}', { reference: 'ABC-9', markPlaceholders: true }),
      'ABC-9: [describe it] [name]  a',
    );
  });

  test('markPlaceholders leaves the provision alone', () => {
    assert.equal(snippetToText('${1:[provision]}: ${2:reason}', { provision: 'section 24(2)', markPlaceholders: true }), 'section 24(2): [reason]');
  });
});

describe('every snippet in snippets/*.json', () => {
  test('there are snippets from both files', () => {
    assert.ok(SNIPPETS.some((s) => s.prefix === 'foi-harm'));
    assert.ok(SNIPPETS.some((s) => s.prefix === 'foi-letter-ncnd'));
  });

  const leftover = /\$\{|\$\d|\$[A-Z_]/;
  for (const snippet of SNIPPETS) {
    test(`${snippet.prefix} converts without leftover snippet syntax`, () => {
      for (const values of [{}, { provision: 'section 99(9)' }, { provision: 'regulation 12(5)(b)', reference: 'REF-1', markPlaceholders: true }]) {
        const text = snippetToText(snippet.body, values);
        assert.ok(!leftover.test(text), `${snippet.prefix} with ${JSON.stringify(values)}: ${leftover.exec(text)?.[0]}`);
        assert.ok(text.trim().length > 0);
        if ('provision' in values) assert.ok(!text.includes('[provision]'));
      }
    });
  }
});

describe('firstSnippet', () => {
  test('the first prefix that exists wins', () => {
    assert.equal(firstSnippet(['foi-harm-s999', 'foi-harm-s24', 'foi-harm'])?.prefix, 'foi-harm-s24');
    assert.equal(firstSnippet(['foi-harm', 'foi-harm-s24'])?.prefix, 'foi-harm');
  });

  test('none found', () => {
    assert.equal(firstSnippet(['no-such-snippet']), undefined);
    assert.equal(firstSnippet([]), undefined);
  });
});
