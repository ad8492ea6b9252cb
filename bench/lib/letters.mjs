// Deterministic generator of FOI response letters for the benchmark. Every sentence here is
// written for this project; letters are assembled from these banks with a seeded PRNG.

/** mulberry32: small, fast, good enough for picking phrases. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

export const STYLES = ['atx', 'setext', 'bold', 'plain', 'numbered'];
export const REGIMES = ['FOIA', 'EIR', 'FOISA', 'EISR'];

// Provisions per regime: [path, short title, qualified?, harm-based?, ncnd?]
const PROVISIONS = {
  FOIA: [
    ['31(1)(a)', 'Law enforcement', true, true],
    ['31(3)', 'Law enforcement', true, true, true],
    ['24(2)', 'National security', true, true, true],
    ['23(5)', 'Security bodies', false, false, true],
    ['43(2)', 'Commercial interests', true, true],
    ['36(2)(b)(i)', 'Free and frank advice', true, true],
    ['35(1)(a)', 'Formulation of government policy', true, false],
    ['38(1)(a)', 'Health and safety', true, true],
    ['40(2)', 'Personal information', false, false],
    ['41(1)', 'Information provided in confidence', false, false],
    ['42(1)', 'Legal professional privilege', true, false],
    ['21', 'Information accessible by other means', false, false],
    ['22', 'Information intended for future publication', true, false],
  ],
  EIR: [
    ['12(5)(a)', 'International relations, defence, national security or public safety', true, true],
    ['12(5)(b)', 'The course of justice', true, true],
    ['12(5)(e)', 'Confidentiality of commercial information', true, true],
    ['12(5)(f)', 'Interests of the person who provided the information', true, true],
    ['12(4)(d)', 'Material still in the course of completion', true, false],
    ['12(4)(e)', 'Internal communications', true, false],
    ['12(4)(b)', 'Manifestly unreasonable requests', true, false],
    ['13(1)', 'Personal data', false, false],
  ],
  FOISA: [
    ['35(1)(a)', 'Law enforcement', true, true],
    ['30(b)(i)', 'Free and frank provision of advice', true, true],
    ['33(1)(b)', 'Commercial interests', true, true],
    ['31(1)', 'National security', true, true],
    ['36(1)', 'Confidentiality', true, false],
    ['27(1)', 'Information intended for future publication', true, false],
    ['38(1)(b)', 'Personal information', false, false],
    ['25(1)', 'Information otherwise accessible', false, false],
  ],
  EISR: [
    ['10(5)(a)', 'International relations, defence, national security or public safety', true, true],
    ['10(5)(b)', 'The course of justice', true, true],
    ['10(5)(e)', 'Confidentiality of commercial information', true, true],
    ['10(4)(d)', 'Unfinished material', true, false],
    ['10(4)(e)', 'Internal communications', true, false],
    ['11(2)', 'Personal data', false, false],
  ],
};

const AUTHORITIES = ['Northvale District Council', 'Harbourside Police', 'Glenmorrow Council', 'Eastmere NHS Trust', 'Riverford Water Authority', 'Kestrel Valley Fire and Rescue', 'Ardlinn Health Board', 'Westbury College'];

const SUBJECTS = [
  'the maintenance schedule for street lighting on the ring road',
  'contracts for the supply of road salt over the last three winters',
  'the number of reported burglaries in each ward since 2021',
  'the internal review of the new parking permit scheme',
  'correspondence about the planned closure of the swimming pool',
  'water quality samples taken downstream of the treatment works',
  'the tender scores awarded to bidders for the waste contract',
  'staffing levels in the control room overnight',
  'the risk register for the flood defence project',
  'the cost of agency staff in the planning department',
];

const REQUEST_LINES = [
  'You wrote to us asking for {subject}.',
  'Your request asked for copies of records about {subject}, including any summaries prepared for senior managers.',
  'We received your message asking us to provide information on {subject}.',
];

const RESPONSE_LINES = [
  'We hold information that falls within the scope of your request. Some of it is released with this letter and the rest is withheld for the reasons given below.',
  'We have searched our records and located the information you asked for. Part of it can be released; the remainder is exempt from disclosure.',
  'Having considered your request carefully, we have decided to withhold the information. The reasons are set out in the sections that follow.',
];

const HARM_SENTENCES = [
  'Releasing these details would be likely to prejudice our ability to plan operations, because the pattern of deployments could be pieced together from the figures.',
  'If the information were disclosed, people intent on avoiding detection could adjust their behaviour around the times when fewer officers are on duty.',
  'Disclosure would be likely to harm the negotiating position of the authority, since competitors would learn the margins we are prepared to accept.',
  'We consider that publishing the material would adversely affect the course of justice while the related proceedings are still live.',
  'Putting this information into the public domain would be likely to endanger the safety of staff who work at the sites named in the records.',
  'The records describe weaknesses in our systems; revealing them would make it easier for an attacker to target those systems successfully.',
  'Officials need space to test options candidly; releasing draft advice at this stage would be likely to inhibit the free and frank exchange of views.',
];

const FOR_SENTENCES = [
  'There is a general public interest in openness, which helps people understand how decisions affecting them are reached.',
  'Disclosure would show how public money is being spent and allow the community to judge whether it represents value for money.',
  'Releasing the information would add to public debate on an issue that has attracted local concern.',
  'Transparency about this subject would increase confidence that the authority is acting fairly and lawfully.',
];

const AGAINST_SENTENCES = [
  'There is a strong public interest in protecting the effectiveness of operations that keep the community safe.',
  'It is not in the public interest to weaken the authority in commercial negotiations, as that would cost taxpayers more in the long run.',
  'The public interest is served by allowing officials to discuss options frankly before a final decision is taken.',
  'Much of the context is already available in published reports, which reduces the added value of releasing these particular details.',
];

const BALANCE_SENTENCES = [
  'Having weighed these factors, we have concluded that the public interest in maintaining the exemption outweighs the public interest in disclosure.',
  'On balance, the arguments for withholding the information carry more weight than those for releasing it at this time.',
  'We have decided that the balance of the public interest lies in withholding the information.',
];

const NCND_SENTENCES = [
  'This letter should not be taken as an indication that the information you requested is or is not held; we neither confirm nor deny whether we hold it.',
  'We can neither confirm nor deny whether we hold any information of the kind you describe.',
];

const LIA_SENTENCES = [
  'We accept that you have a legitimate interest in the information, but disclosure to the world at large is not necessary to meet it, and it would be unfair to the people named.',
  'Our legitimate interests assessment found that the individuals concerned would have no expectation that their details would be published.',
];

const DOCUMENT_SENTENCES = [
  'It was prepared for an internal meeting and has not been shared outside the authority.',
  'The document names the contractors involved and sets out the figures each of them quoted.',
  'Parts of it are already summarised in the annual report, and those parts have been released.',
  'We have reviewed each page and withheld only the passages described in this entry.',
  'The remaining pages contain routine administrative detail, which is released in full.',
  'Several versions exist; we have considered the final version sent to the board.',
];

const RIGHTS = {
  FOIA: 'If you are unhappy with how we handled your request, you can ask for an internal review within 40 working days. If you remain dissatisfied afterwards, you may complain to the Information Commissioner under section 50 of the Act.',
  EIR: 'If you are unhappy with this decision you may make representations to us within 40 working days and we will reconsider it under regulation 11. After that you may apply to the Information Commissioner.',
  FOISA: 'If you are dissatisfied with this response you can require us to review our decision by writing to us within 40 working days. If you are still unhappy after the review, you may apply to the Scottish Information Commissioner under section 47.',
  EISR: 'If you are unhappy with this response you can ask for a review under regulation 16 within 40 working days. You may then apply to the Scottish Information Commissioner if you remain dissatisfied.',
};

const ACT_NAME = { FOIA: 'the Freedom of Information Act 2000', EIR: 'the Environmental Information Regulations 2004', FOISA: 'the Freedom of Information (Scotland) Act 2002', EISR: 'the Environmental Information (Scotland) Regulations 2004' };

/** A citation of `path` in one of the ways letters write it. */
function cite(r, regime, path) {
  const regs = regime === 'EIR' || regime === 'EISR';
  const forms = regs
    ? [`regulation ${path}`, `Regulation ${path}`, `reg. ${path}`, `reg ${path}`, `r.${path}`, `regulation ${path} of the ${regime}`]
    : [`section ${path}`, `Section ${path}`, `s.${path}`, `s${path}`, `S.${path}`, `section ${path} of ${regime === 'FOISA' ? 'FOISA' : 'FOIA'}`];
  return r.pick(forms);
}

function title(style, text, level, counter) {
  switch (style) {
    case 'atx':
      return `${'#'.repeat(level + 1)} ${text}`;
    case 'setext':
      return level <= 1 ? `${text}\n${'='.repeat(Math.max(3, text.length))}` : `${text}\n${'-'.repeat(Math.max(3, text.length))}`;
    case 'bold':
      return `**${text}**`;
    case 'numbered':
      return `${counter.next++}. ${text}`;
    default:
      return text;
  }
}

function paragraph(r, bank, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(r.pick(bank));
  return out.join(' ');
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key]);
}

/**
 * One letter of roughly `size` characters. Options: style, regime, seed, frontMatter.
 * Long letters repeat a per-item annex (provision heading, harm, public interest test).
 */
export function makeLetter({ seed, size, style, regime, frontMatter = true }) {
  const r = rng(seed);
  style ??= r.pick(STYLES);
  regime ??= r.pick(REGIMES);
  const counter = { next: 1 };
  const parts = [];
  const authority = r.pick(AUTHORITIES);
  const subject = r.pick(SUBJECTS);
  const reference = `REF-${1000 + (seed % 9000)}`;
  if (frontMatter) {
    const day = 1 + (seed % 20);
    parts.push(
      [
        '---',
        `reference: ${reference}`,
        `regime: ${regime}`,
        `authority: ${authority}`,
        `received: 2025-03-${String(day).padStart(2, '0')}`,
        `responded: 2025-03-${String(day + 9).padStart(2, "0")}`,
        'response_type: refusal',
        '---',
      ].join('\n'),
    );
  }
  parts.push(style === 'atx' ? `# ${authority}: response to request ${reference}` : `${authority}\n\nRequest reference: ${reference}`);
  parts.push('Dear Requester,');
  parts.push(title(style, 'Your request', 1, counter));
  parts.push(fill(r.pick(REQUEST_LINES), { subject }));
  parts.push(title(style, 'Our response', 1, counter));
  parts.push(`${r.pick(RESPONSE_LINES)} We have dealt with your request under ${ACT_NAME[regime]}.`);

  const pool = PROVISIONS[regime];
  const used = [];
  const small = size < 4_000;
  const count = small ? 1 : 1 + r.int(3);
  for (let i = 0; i < count; i++) used.push(pool[(seed + i * 3) % pool.length]);
  parts.push(title(style, regime === 'EIR' || regime === 'EISR' ? 'Exceptions applied' : 'Exemptions applied', 1, counter));
  parts.push(used.map(([path, name]) => `- ${cite(r, regime, path)} – ${name}`).join('\n'));

  const body = () => {
    for (const [path, name, qualified, harm, ncnd] of used) {
      const word = regime === 'EIR' || regime === 'EISR' ? 'Regulation' : 'Section';
      parts.push(title(style, `${word} ${path} – ${name}`, 1, counter));
      if (ncnd) parts.push(paragraph(r, NCND_SENTENCES, 1));
      if (harm) {
        parts.push(title(style, 'Harm', 2, counter));
        parts.push(paragraph(r, HARM_SENTENCES, small ? 1 : 2 + r.int(3)));
      }
      if (path.startsWith('40') || path.startsWith('13') || path.startsWith('38(1)(b)') || path.startsWith('11')) {
        parts.push(title(style, 'Legitimate interests assessment', 2, counter));
        parts.push(paragraph(r, LIA_SENTENCES, 2));
      }
      if (qualified) {
        parts.push(title(style, 'Public interest test', 2, counter));
        parts.push(title(style, 'Factors in favour of disclosure', 3, counter));
        parts.push(paragraph(r, FOR_SENTENCES, small ? 1 : 2 + r.int(2)));
        parts.push(title(style, 'Factors against disclosure', 3, counter));
        parts.push(paragraph(r, AGAINST_SENTENCES, small ? 1 : 2 + r.int(2)));
        parts.push(title(style, 'Balance of the public interest', 3, counter));
        parts.push(`${paragraph(r, BALANCE_SENTENCES, 1)} This applies to ${cite(r, regime, path)}.`);
      }
    }
  };
  body();
  const rights = () => {
    parts.push(title(style, 'Your right to complain', 1, counter));
    parts.push(RIGHTS[regime]);
    parts.push(`Yours sincerely,\n\nInformation Rights Team, ${authority}`);
  };
  // Long letters: an annex with one entry per withheld document.
  let length = parts.join('\n\n').length + 600;
  let item = 1;
  if (length < size) parts.push(title(style, 'Annex: reasons for each document withheld', 1, counter));
  while (length < size) {
    const [path, name, qualified, harm] = used[item % used.length];
    const heading = `Document ${item} – ${cite(r, regime, path)} (${name})`;
    const before = parts.length;
    parts.push(title(style, heading, 2, counter));
    parts.push(
      `Document ${item} is a ${r.pick(['briefing note', 'spreadsheet', 'email chain', 'draft report', 'set of meeting minutes'])} about ${r.pick(SUBJECTS)}. ${paragraph(r, DOCUMENT_SENTENCES, 2 + r.int(3))}`,
    );
    parts.push(paragraph(r, harm ? HARM_SENTENCES : DOCUMENT_SENTENCES, 2 + r.int(4)));
    if (qualified) {
      parts.push(`${paragraph(r, FOR_SENTENCES, 1 + r.int(2))} ${paragraph(r, AGAINST_SENTENCES, 1 + r.int(2))}`);
      parts.push(paragraph(r, BALANCE_SENTENCES, 1));
    }
    for (let i = before; i < parts.length; i++) length += parts[i].length + 2;
    item++;
  }
  rights();
  return parts.join('\n\n') + '\n';
}
