/**
 * The project settings page: an admin edits the Definition of Ready and the issue panel
 * follows; invalid values get a message next to the field; non-admins see it read-only.
 */
import type { Envelope, IssueReadiness, JudgedReadiness, SettingsView } from '../../src/contract';
import { eventually, expectText, setupE2e } from './support/browser';
import { badgeHeadline } from '../../static/shared/format';

jest.setTimeout(60_000);

const env = setupE2e();

async function savedSettings(): Promise<SettingsView> {
  const result = await env.sandbox.invoke<Envelope<SettingsView>>('getSettings', {}, { accountId: 'ana', projectKey: 'DEMO', moduleKey: 'definition-of-ready' });
  if (!result.ok) throw new Error(`getSettings: ${result.error.message}`);
  return result.data;
}

async function readinessOf(issueKey: string): Promise<JudgedReadiness> {
  const result = await env.sandbox.invoke<Envelope<IssueReadiness>>('getReadiness', {}, { accountId: 'ana', issueKey });
  if (!result.ok) throw new Error(`getReadiness ${issueKey}: ${result.error.message}`);
  if (result.data.status !== 'judged') throw new Error(`${issueKey} is excluded from the Definition of Ready`);
  return result.data;
}

describe('project settings', () => {
  it('shows a field error for a threshold of 150 and saves nothing', async () => {
    const before = await savedSettings();
    const ui = await env.open('/projects/DEMO/settings?as=ana');
    const app = ui.app('project-settings');
    const threshold = app.getByTestId('ready-threshold');
    await threshold.fill('150');
    await app.getByTestId('divergence-steps').fill('99');
    await app.getByTestId('save-settings').first().click();
    await expectText(app.getByTestId('settings-error'), 'Some settings need fixing');
    // Every field at fault is listed as a link, and focus lands on the first one.
    const faults = app.getByTestId('fault-list').getByRole('link');
    expect(await faults.allTextContents()).toEqual(['Ready threshold', 'Divergence at']);
    const frame = await ui.frame('project-settings');
    const focusedId = () => frame.evaluate(() => document.activeElement?.id ?? '');
    await eventually(focusedId, 'field-readyThreshold');
    await faults.nth(1).click();
    await eventually(focusedId, 'field-estimation.divergenceSteps');
    const fieldError = app.locator('[data-testid^="field-error-"][data-testid$="readyThreshold"]');
    await fieldError.first().waitFor();
    expect(await fieldError.first().isVisible()).toBe(true);
    expect(await app.getByTestId('settings-saved').count()).toBe(0);
    // The live preview refuses the same draft instead of scoring with it.
    await expectText(app.getByTestId('preview-error'), 'Fix the highlighted fields');
    expect((await savedSettings()).settings.readyThreshold).toBe(before.settings.readyThreshold);
    await ui.shot('project-settings-field-error', { fullPage: false });
  });

  it('an admin changes the threshold and a manual item, saves, and the panel reflects it; a non-admin sees the page read-only', async () => {
    const ready = await readinessOf('DEMO-5');
    expect(ready.ready).toBe(true);
    expect(ready.score).toBeLessThan(95);

    const ui = await env.open('/projects/DEMO/settings?as=ana');
    const app = ui.app('project-settings');
    await app.getByTestId('ready-threshold').fill('95');
    await app.getByTestId('manual-item-label-team-discussed').fill('Walked through it as a team');
    await app.getByTestId('new-manual-item').fill('Security reviewed');
    await app.getByTestId('add-manual-item').click();
    await app.getByTestId('manual-item-security-reviewed').waitFor();
    // The preview re-scores the backlog with the draft before anything is saved.
    await eventually(async () => Number(await app.getByTestId('preview-counts').getAttribute('data-after')) < Number(await app.getByTestId('preview-counts').getAttribute('data-before')), true);
    // Threshold, criteria, manual checklist (with the new item) and the preview.
    await ui.shot('project-settings', { maxHeight: 1760 });
    await app.getByTestId('save-settings').first().click();
    await expectText(app.getByTestId('settings-saved'), 'Settings saved');
    await expectText(app.getByText(/^Last saved/), 'by you');

    const saved = await savedSettings();
    expect(saved.settings.readyThreshold).toBe(95);
    expect(saved.settings.manualItems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'team-discussed', label: 'Walked through it as a team' }),
        expect.objectContaining({ id: 'security-reviewed', label: 'Security reviewed', enabled: true }),
      ]),
    );

    // The issue panel now scores DEMO-5 against 95 and lists the new and renamed items.
    const after = await readinessOf('DEMO-5');
    expect(after.threshold).toBe(95);
    expect(after.ready).toBe(false);
    const issue = await env.open('/browse/DEMO-5?as=ana');
    const panel = issue.app('readiness-panel');
    await expectText(panel.getByTestId('readiness-state'), 'Not ready');
    await expectText(panel.getByTestId('readiness-threshold'), 'threshold 95');
    await expectText(panel.getByTestId('readiness-score'), String(Math.round(after.score)));
    await expectText(panel.getByTestId('criterion-manual:security-reviewed'), 'Security reviewed');
    await expectText(panel.getByTestId('criterion-manual:team-discussed'), 'Walked through it as a team');
    await expectText(issue.app('issue-badge').getByTestId('readiness-badge'), badgeHeadline(after));
    await expectText(issue.app('issue-badge').getByTestId('readiness-score-small'), `Score ${Math.round(after.score)} of 100`);
    await issue.shot('readiness-panel-after-settings');

    // Tom is not a project admin: the same page is read-only.
    const tom = await env.open('/projects/DEMO/settings?as=tom');
    const tomApp = tom.app('project-settings');
    await expectText(tomApp.getByTestId('read-only'), 'Read only');
    expect(await tomApp.getByTestId('save-settings').count()).toBe(0);
    expect(await tomApp.getByTestId('reset-settings').count()).toBe(0);
    // Plain text, not a form of disabled inputs.
    await expectText(tomApp.getByTestId('summary-readyThreshold'), '95 of 100');
    await expectText(tomApp.getByTestId('summary-manual-items'), 'Security reviewed');
    expect(await tomApp.locator('input, select, textarea, [role="checkbox"], [role="switch"]').count()).toBe(0);
    expect(await tomApp.getByTestId('settings-form').count()).toBe(0);
    // Who saved it is an accountId in the contract; the page must not print it raw.
    const lastSaved = (await tomApp.getByText(/^Last saved/).textContent()) ?? '';
    expect(lastSaved).not.toContain(env.sandbox.accountId('ana'));
    await tomApp.getByTestId('preview-counts').waitFor();
    await tom.shot('project-settings-read-only', { fullPage: false });
  });

  it('"Reset to defaults" asks first, and "Undo reset" puts the saved settings back', async () => {
    const current = await savedSettings();
    const saved = await env.sandbox.invoke<Envelope<SettingsView>>('saveSettings', { settings: { ...current.settings, readyThreshold: 77 } }, { accountId: 'ana', projectKey: 'DEMO', moduleKey: 'definition-of-ready' });
    expect(saved.ok).toBe(true);
    const ui = await env.open('/projects/DEMO/settings?as=ana');
    const app = ui.app('project-settings');
    const frame = await ui.frame('project-settings');
    const focusedTestId = () => frame.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    expect(await app.getByTestId('ready-threshold').inputValue()).toBe('77');

    // Asking first: nothing happens until confirmed, Escape keeps everything and returns focus.
    await app.getByTestId('reset-settings').first().click();
    await app.getByTestId('reset-confirm').waitFor();
    await eventually(focusedTestId, 'cancel-reset');
    await frame.press('[data-testid="cancel-reset"]', 'Escape');
    expect(await app.getByTestId('reset-confirm').count()).toBe(0);
    await eventually(focusedTestId, 'reset-settings');
    expect((await savedSettings()).settings.readyThreshold).toBe(77);

    await app.getByTestId('reset-settings').first().click();
    await app.getByTestId('confirm-reset').click();
    await expectText(app.getByTestId('settings-saved'), 'reset to the defaults');
    expect((await savedSettings()).updatedAt).toBeNull();
    expect(await app.getByTestId('ready-threshold').inputValue()).not.toBe('77');
    await eventually(focusedTestId, 'undo-reset');

    await app.getByTestId('undo-reset').click();
    await expectText(app.getByTestId('settings-saved'), 'Reset undone');
    expect((await savedSettings()).settings.readyThreshold).toBe(77);
    expect(await app.getByTestId('ready-threshold').inputValue()).toBe('77');
    expect(await app.getByTestId('undo-reset').count()).toBe(0);
  });

  it('hints follow the chosen scale and the T-shirt mapping shows only for T-shirt sizes', async () => {
    const ui = await env.open('/projects/DEMO/settings?as=ana');
    const app = ui.app('project-settings');
    await app.getByTestId('divergence-steps').waitFor();
    expect(await app.getByTestId('tshirt-points').count()).toBe(0);
    await expectText(app.getByText(/^On Fibonacci,/), 'steps apart');
    const scale = app.locator('#field-estimation\\.scale');
    await scale.focus();
    await scale.press('ArrowDown');
    await app.getByText('T-shirt sizes (XS–XXL)').click();
    await app.getByTestId('tshirt-points').waitFor();
    await expectText(app.getByText(/^On T-shirt sizes,/), 'steps apart');
    await expectText(app.getByText(/^Flagged too big:/), 'XXL (13)');
  });

  it('the read-only page is readable in the dark theme', async () => {
    const ui = await env.open('/projects/DEMO/settings?as=tom&theme=dark');
    const app = ui.app('project-settings');
    await app.getByTestId('read-only').waitFor();
    await app.getByTestId('preview-counts').waitFor();
    expect(await (await ui.frame('project-settings')).evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    await ui.shot('project-settings-dark', { fullPage: false });
  });
});
