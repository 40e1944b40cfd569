/**
 * A genuinely long (2,000+ words) audit write-up, the kind of description that tests text limits.
 */
import type { JsonObject } from '../jira/model';
import { bullets, doc, h, p } from './adf';

const AREAS = [
  ['card number field', 'announces only "edit text" to screen readers, without its label or the accepted card brands'],
  ['expiry date field', 'accepts input but does not explain the expected MM/YY format until after an error is shown'],
  ['security code field', 'hides its help tooltip behind a hover-only icon that keyboard users cannot reach'],
  ['pay button', 'changes its text from "Pay" to a spinner without announcing the busy state to assistive technology'],
  ['order summary', 'uses a table without header cells, so totals are read as unrelated numbers'],
  ['delivery options', 'present radio buttons whose visual labels are not programmatically associated with the inputs'],
  ['error banner', 'appears at the top of the page while focus stays on the pay button, so errors are never heard'],
  ['saved cards list', 'relies on colour alone to show which card is selected, failing the contrast requirement'],
  ['3-D Secure challenge', 'opens in an iframe without a title, and focus is not moved into it when it appears'],
  ['discount code field', 'clears itself after an invalid code, losing what the shopper typed and giving no reason'],
];

function finding(index: number, area: string, problem: string): JsonObject[] {
  const number = index + 1;
  return [
    h(3, `Finding ${number}: ${area}`),
    p(
      `During the audit we tested the ${area} with VoiceOver on Safari, NVDA on Firefox and TalkBack on Chrome, and with keyboard only on a desktop browser. `,
      `The ${area} ${problem}. `,
      `This affects shoppers who rely on assistive technology at the exact moment they are about to pay, which is when confidence matters most and abandonment costs us the most revenue. `,
      `Support tickets from the last quarter mention this area ${3 + (index % 4)} times, and two of those shoppers told us they completed the purchase by phone instead.`,
    ),
    p(
      `Recommendation: fix the semantics first and the visuals second. Give the ${area} an accessible name that matches its visible label, expose its state changes through the right ARIA attributes or live regions, `,
      'and make sure every interaction available to a mouse is available to the keyboard in a logical order. ',
      'Re-test with the same three screen readers, record the result in the audit spreadsheet, and attach a short screen recording to this issue so that the product owner can accept the fix without repeating the whole test.',
    ),
    p(
      `Severity: ${index % 3 === 0 ? 'high' : index % 3 === 1 ? 'medium' : 'low'}. WCAG 2.2 success criteria involved: ${['1.3.1 Info and Relationships', '4.1.2 Name, Role, Value', '2.1.1 Keyboard', '1.4.3 Contrast (Minimum)', '3.3.1 Error Identification'][index % 5]}. `,
      'We estimate the fix itself is small, but the regression test across browsers and assistive technologies is what takes the time, so plan for it explicitly rather than hiding it inside the development estimate.',
    ),
  ];
}

export function accessibilityAuditDescription(): JsonObject {
  const findings = AREAS.flatMap(([area, problem], index) => finding(index, area ?? '', problem ?? ''));
  return doc(
    h(2, 'Background'),
    p(
      'In September an external agency audited the web checkout against WCAG 2.2 level AA. The audit covered the cart, the delivery step, the payment step, the 3-D Secure challenge and the confirmation page. ',
      'This issue collects every finding in one place so that we can refine them together, split them into stories that fit a sprint, and agree on the order. ',
      'The agency report is long; below is our summary of each finding with the context a developer needs, the affected component, the success criteria and a recommendation. ',
      'Nothing here is estimated yet, and several findings probably need a design decision before anyone can size them.',
    ),
    ...findings,
    h(2, 'How we propose to split this'),
    bullets(
      ['One story per component, each with its own acceptance criteria written as screen reader and keyboard scenarios.'],
      ['A separate task for the regression test matrix, owned by QA, so the effort is visible in planning.'],
      ['A spike for the 3-D Secure iframe, because the provider controls its content and we do not yet know what we can change.'],
      ['A short design review for the colour and focus styles, since those changes touch the design system and other teams.'],
    ),
    p(
      'Until that split happens this issue is deliberately too big to estimate and should stay out of any sprint. ',
      'If you pick it up in refinement, start by reading the findings marked high, decide which ones block the December release, and turn those into stories first. ',
      'The remaining findings can wait for the January refinement session, but they must not be forgotten: the European Accessibility Act applies to our checkout from next summer, and the legal team has asked for a plan with dates.',
    ),
  );
}
