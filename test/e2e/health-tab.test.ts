/**
 * The Health tab of the project page on the seeded DEMO history: findings, the two SVG charts with
 * their text alternatives, the table, estimated sprints flagged, both themes, no CSP violations.
 */
import type { Envelope, HealthView } from '../../src/contract';
import { SCREENSHOT_DIR, expectText, frameTheme, luminance, setupE2e } from './support/browser';

jest.setTimeout(60_000);

const env = setupE2e();

async function expectedHealth(): Promise<HealthView> {
  const result = await env.sandbox.invoke<Envelope<HealthView>>('getHealth', {}, { accountId: 'ana', projectKey: 'DEMO' });
  if (!result.ok) throw new Error(`getHealth: ${result.error.message}`);
  return result.data;
}

describe('Health tab', () => {
  it.each(['light', 'dark'] as const)('shows findings, charts with a text alternative and the table (%s)', async (theme) => {
    const expected = await expectedHealth();
    const ui = await env.open(`/projects/DEMO/agenda?as=ana${theme === 'dark' ? '&theme=dark' : ''}`);
    const app = ui.app('refinement-agenda');
    await app.getByTestId('tab-health').click();
    await app.getByTestId('health-tab').waitFor();

    await expectText(app.getByTestId('health-findings'), 'Items that started not ready finished 40% of the time (2 of 5); ready ones 100% (9 of 9)');
    // Text alternative: each chart is an img with a title and a description naming every sprint.
    const chart = app.getByTestId('health-commitment-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    const description = await app.locator('#health-commit-desc').textContent();
    for (const sprint of expected.sprints) expect(description).toContain(`${sprint.name}: ${sprint.committed.points} committed`);
    expect(description).toContain('(estimated)');
    expect(await app.locator('#health-runway-desc').textContent()).toContain('DEMO Sprint 7: not recorded');
    // The table says the same in rows, one per sprint, estimated ones marked.
    expect(await app.getByTestId('health-table').locator('tbody tr').count()).toBe(6);
    await expectText(app.getByTestId('health-row-7'), 'estimated from changelog');
    await expectText(app.getByTestId('health-row-10'), '100% (3 of 3)');

    const frameColors = await frameTheme(await ui.frame('refinement-agenda'));
    if (theme === 'dark') {
      expect(frameColors.colorMode).toBe('dark');
      expect(luminance(frameColors.background)).toBeLessThan(0.1);
      const text = await app.getByTestId('health-findings').evaluate((element) => getComputedStyle(element).color);
      expect(luminance(text)).toBeGreaterThan(0.4);
    }
    await ui.shot(`refinement-health-${theme}`, { fullPage: true });
    expect(ui.cspViolations).toEqual([]);
    expect(ui.consoleErrors).toEqual([]);
  });

  it.each([420, 1280])('keeps every runway label inside its bar and its column at %i px', async (width) => {
    const ui = await env.open('/projects/DEMO/agenda?as=ana', { viewport: { width, height: 900 } });
    const app = ui.app('refinement-agenda');
    await app.getByTestId('tab-health').click();
    const chart = app.getByTestId('health-runway-chart');
    await chart.waitFor();
    // In the chart's own units (the SVG scales as a whole): each label's box against its bar and column.
    const overflows = await chart.evaluate((svg) => {
      const view = (svg as SVGSVGElement).viewBox.baseVal;
      const found: string[] = [];
      for (const column of Array.from(svg.querySelectorAll('[data-runway-column]'))) {
        const bar = column.querySelector<SVGRectElement>('[data-runway-bar]');
        if (!bar) continue;
        const barBox = bar.getBBox();
        const step = (view.width - 8) / svg.querySelectorAll('[data-runway-column]').length;
        const left = Number(column.getAttribute('data-runway-column')) * step;
        for (const text of Array.from(column.querySelectorAll<SVGTextElement>('text'))) {
          const box = text.getBBox();
          const label = text.textContent;
          const inBar = !text.hasAttribute('data-runway-label') || (box.x >= barBox.x && box.x + box.width <= barBox.x + barBox.width);
          const inColumn = box.x >= left && box.x + box.width <= left + step && box.y >= 0 && box.y + box.height <= view.height;
          if (!inBar || !inColumn) found.push(`${label}: x ${box.x.toFixed(1)}–${(box.x + box.width).toFixed(1)}, bar ${barBox.x}–${barBox.x + barBox.width}, column ${left}–${left + step}`);
        }
      }
      return found;
    });
    expect(overflows).toEqual([]);
    expect(await app.locator('[data-runway-label]').filter({ hasText: 'not' }).count()).toBeGreaterThan(0);
    await chart.screenshot({ path: `${SCREENSHOT_DIR}/refinement-health-runway-${width}.png` });
  });
});
