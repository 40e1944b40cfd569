import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { FieldError, ProjectSettings, SettingsView } from '../../../src/contract';
import { call } from '../../shared/api';
import { toCallError, type ResolverCallError } from '../../shared/envelope';
import { formatDate } from '../../shared/format';
import { Card, Inline, Stack, Subtle } from '../../shared/layout';
import { ErrorState, LoadingState } from '../../shared/states';
import { useAccountId } from '../../shared/use-account-id';
import { useLoad } from '../../shared/use-resolver';
import { normalizePath, unclaimedErrors } from './field-errors';
import { NumberField } from './fields';
import { FormContext } from './form-context';
import { AgendaSection, EstimationSection, LimitsSection, SprintFlagsSection, TextSection } from './general-sections';
import { ManualItemsSection } from './manual-items-section';
import { PreviewPanel } from './preview-panel';
import { ProfileSection } from './profile-section';

/** Paths the form renders next to a field; anything else goes in the form-level message. */
const CLAIMED_PATHS = ['readyThreshold', 'profiles', 'manualItems', 'text', 'estimation', 'size', 'staleDays', 'agenda', 'sprintFlags'];

function Section(props: { title: string; description?: string; children: ReactNode; testId?: string }) {
  return (
    <Card label={props.title} testId={props.testId}>
      <Stack gap="space.200">
        <Stack gap="space.050">
          <Heading size="small" as="h2">
            {props.title}
          </Heading>
          {props.description === undefined ? null : <Subtle small>{props.description}</Subtle>}
        </Stack>
        {props.children}
      </Stack>
    </Card>
  );
}

type Notice = { kind: 'saved' | 'reset' } | { kind: 'error'; error: ResolverCallError } | null;

function SettingsForm(props: { view: SettingsView; onView: (view: SettingsView) => void }) {
  const [draft, setDraft] = useState<ProjectSettings>(props.view.settings);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [dirty, setDirty] = useState(false);
  const readOnly = !props.view.canEdit;
  const accountId = useAccountId();

  useEffect(() => setDraft(props.view.settings), [props.view.settings]);

  const edit = useCallback((recipe: (d: ProjectSettings) => void) => {
    setDraft((current) => {
      const next = structuredClone(current);
      recipe(next);
      return next;
    });
    setDirty(true);
    setNotice((n) => (n?.kind === 'error' ? n : null));
  }, []);

  const run = (kind: 'save' | 'reset') => {
    setBusy(kind);
    setNotice(null);
    const request = kind === 'save' ? call('saveSettings', { settings: draft }) : call('resetSettings', {});
    request
      .then((view) => {
        setFieldErrors([]);
        setDirty(false);
        props.onView(view);
        setDraft(view.settings);
        setNotice({ kind: kind === 'save' ? 'saved' : 'reset' });
      })
      .catch((e: unknown) => {
        const error = toCallError(e);
        setFieldErrors(error.fieldErrors);
        setNotice({ kind: 'error', error });
      })
      .finally(() => setBusy(null));
  };

  const leftover = unclaimedErrors({ errors: fieldErrors, claimedPaths: CLAIMED_PATHS });
  const by =
    props.view.updatedBy !== null && props.view.updatedBy === accountId
      ? ' by you'
      : props.view.updatedByName
        ? ` by ${props.view.updatedByName}`
        : '';
  const updated = props.view.updatedAt === null ? 'Using the defaults' : `Last saved ${formatDate({ iso: props.view.updatedAt, withTime: true })}${by}`;

  const actions = readOnly ? null : (
    <Inline gap="space.100">
      <Button appearance="primary" onClick={() => run('save')} isLoading={busy === 'save'} isDisabled={busy !== null} testId="save-settings">
        Save
      </Button>
      <Button onClick={() => run('reset')} isLoading={busy === 'reset'} isDisabled={busy !== null} testId="reset-settings">
        Reset to defaults
      </Button>
      {dirty ? <Subtle small>Unsaved changes</Subtle> : null}
    </Inline>
  );

  return (
    <FormContext.Provider value={{ disabled: readOnly || busy !== null, fieldErrors }}>
      <Stack gap="space.200">
        <Inline spread align="start">
          <Stack gap="space.050">
            <Heading size="large" as="h1">
              Definition of Ready
            </Heading>
            <Subtle small>{updated}</Subtle>
          </Stack>
          {actions}
        </Inline>
        {readOnly ? (
          <div data-testid="read-only">
            <SectionMessage appearance="information" title="Read only">
              <p style={{ margin: 0 }}>{props.view.readOnlyReason ?? 'Only project admins can change the Definition of Ready.'}</p>
            </SectionMessage>
          </div>
        ) : null}
        {notice?.kind === 'saved' || notice?.kind === 'reset' ? (
          <div data-testid="settings-saved" role="status">
            <SectionMessage appearance="success">
              <p style={{ margin: 0 }}>{notice.kind === 'saved' ? 'Settings saved. Issues are re-scored as they change and every night.' : 'Settings reset to the defaults.'}</p>
            </SectionMessage>
          </div>
        ) : null}
        {notice?.kind === 'error' ? (
          <div data-testid="settings-error" role="alert">
            <SectionMessage appearance="error" title={notice.error.code === 'VALIDATION_FAILED' ? 'Some settings need fixing' : 'Could not save the settings'}>
              <p style={{ margin: 0 }}>{notice.error.message}</p>
              {leftover.length === 0 ? null : (
                <ul style={{ margin: `${token('space.100')} 0 0`, paddingLeft: token('space.250') }}>
                  {leftover.map((e) => (
                    <li key={e.path} data-testid={`field-error-${e.path}`}>
                      {normalizePath(e.path)}: {e.message}
                    </li>
                  ))}
                </ul>
              )}
            </SectionMessage>
          </div>
        ) : null}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300'), alignItems: 'flex-start' }}>
          <form data-testid="settings-form" aria-label="Definition of Ready settings" onSubmit={(e) => e.preventDefault()} style={{ flex: '1 1 560px', minWidth: 0 }}>
            <Stack gap="space.200">
              <Section title="Readiness" description="An issue is ready when its score reaches the threshold and no required criterion fails.">
                <NumberField label="Ready threshold (0–100)" path="readyThreshold" value={draft.readyThreshold} min={0} max={100} onChange={(v) => edit((d) => void (d.readyThreshold = v))} testId="ready-threshold" width={200} />
              </Section>
              <Section title="Criteria per issue type" description="Choose what counts for each kind of issue. Unknown types use the Task profile.">
                <ProfileSection settings={draft} edit={edit} />
              </Section>
              <Section title="Manual checklist" description="Items people tick in the issue panel.">
                <ManualItemsSection settings={draft} edit={edit} />
              </Section>
              <Section title="Text analysis" description="How descriptions, acceptance criteria and scope are recognised.">
                <TextSection settings={draft} edit={edit} />
              </Section>
              <Section title="Estimation">
                <EstimationSection settings={draft} edit={edit} />
              </Section>
              <Section title="Size and staleness">
                <LimitsSection settings={draft} edit={edit} />
              </Section>
              <Section title="Refinement agenda" description="How the session is planned and timeboxed.">
                <AgendaSection settings={draft} edit={edit} />
              </Section>
              <Section title="Sprint planning flags" description="Warn, never block: not-ready work in a new sprint is labelled and explained.">
                <SprintFlagsSection settings={draft} edit={edit} />
              </Section>
              {actions}
            </Stack>
          </form>
          <aside style={{ flex: '0 1 380px', minWidth: 280 }}>
            <PreviewPanel settings={draft} readOnly={readOnly} />
          </aside>
        </div>
      </Stack>
    </FormContext.Provider>
  );
}

export function App() {
  const view = useLoad<SettingsView>({ load: () => call('getSettings', {}), key: 'settings' });
  const { state } = view;
  return (
    <main style={{ padding: `${token('space.100')} ${token('space.200')}`, maxWidth: 1280 }}>
      {state.status === 'loading' ? <LoadingState label="Loading the Definition of Ready…" minHeight={240} /> : null}
      {state.status === 'error' ? <ErrorState title="Could not load the settings" error={state.error} onRetry={view.reload} /> : null}
      {state.status === 'ready' ? <SettingsForm view={state.data} onView={view.setData} /> : null}
    </main>
  );
}
