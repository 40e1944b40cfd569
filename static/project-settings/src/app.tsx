import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { FieldError, ProfileId, ProjectSettings, SettingsView } from '../../../src/contract';
import { call } from '../../shared/api';
import { toCallError, type ResolverCallError } from '../../shared/envelope';
import { formatDate } from '../../shared/format';
import { Card, Inline, Stack, Subtle } from '../../shared/layout';
import { ErrorState, LoadingState } from '../../shared/states';
import { useAccountId } from '../../shared/use-account-id';
import { useLoad } from '../../shared/use-resolver';
import { ErrorSummary } from './error-summary';
import { faultList, focusCandidates, profileOfPath } from './field-focus';
import { NumberField } from './fields';
import { FormContext } from './form-context';
import { AgendaSection, EstimationSection, LimitsSection, SprintFlagsSection, TextSection } from './general-sections';
import { ManualItemsSection } from './manual-items-section';
import { PreviewPanel } from './preview-panel';
import { ProfileSection } from './profile-section';
import { SettingsSummary } from './settings-summary';

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

type Notice = { kind: 'saved' | 'reset' | 'undone' } | { kind: 'error'; error: ResolverCallError } | null;
type Action = 'save' | 'reset' | 'undo';

/** Asks before "Reset to defaults" does anything; Escape or Cancel keeps everything as it is. */
function ResetConfirm(props: { dirty: boolean; onConfirm: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus the safe choice, so Enter right after opening does not wipe the settings.
  useEffect(() => cancel.current?.focus(), []);
  return (
    // A dialog handles Escape for the controls inside it (WAI-ARIA dialog pattern); the listener is not a click target.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="reset-confirm-title"
      aria-describedby="reset-confirm-text"
      data-testid="reset-confirm"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        props.onCancel();
      }}
    >
      <SectionMessage appearance="warning">
        <Stack gap="space.100">
          <strong id="reset-confirm-title" style={{ color: token('color.text') }}>
            Reset every setting to the defaults?
          </strong>
          <p id="reset-confirm-text" style={{ margin: 0 }}>
            Criteria, weights, the manual checklist and all other settings go back to the app’s defaults{props.dirty ? ', and your unsaved changes are dropped' : ''}. You can undo
            this until you next save.
          </p>
          <Inline gap="space.100">
            <Button appearance="warning" onClick={props.onConfirm} testId="confirm-reset">
              Reset to defaults
            </Button>
            <Button ref={cancel} onClick={props.onCancel} testId="cancel-reset">
              Cancel
            </Button>
          </Inline>
        </Stack>
      </SectionMessage>
    </div>
  );
}

const NOTICE_TEXT = {
  saved: 'Settings saved. Issues are re-scored as they change and every night.',
  reset: 'Settings reset to the defaults.',
  undone: 'Reset undone: the settings are back as they were saved.',
} as const;

function SettingsForm(props: { view: SettingsView; onView: (view: SettingsView) => void }) {
  const [draft, setDraft] = useState<ProjectSettings>(props.view.settings);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState<Action | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [dirty, setDirty] = useState(false);
  const [profile, setProfile] = useState<ProfileId>('story');
  const [confirmingReset, setConfirmingReset] = useState(false);
  /** The saved settings a reset replaced; "Undo reset" saves them back. Cleared by the next save. */
  const [beforeReset, setBeforeReset] = useState<ProjectSettings | null>(null);
  const [focusPath, setFocusPath] = useState<{ path: string } | null>(null);
  const resetOrigin = useRef<HTMLElement | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const readOnly = !props.view.canEdit;
  const accountId = useAccountId();

  useEffect(() => setDraft(props.view.settings), [props.view.settings]);

  // Focus after the render that shows the field (a link may first switch the profile).
  useEffect(() => {
    if (focusPath === null) return;
    for (const id of focusCandidates(focusPath.path)) {
      const element = document.getElementById(id);
      if (element === null) continue;
      element.focus();
      break;
    }
    setFocusPath(null);
  }, [focusPath]);

  useEffect(() => {
    if (notice?.kind === 'reset') undoButton.current?.focus();
  }, [notice]);

  const goToField = useCallback((path: string) => {
    const target = profileOfPath(path);
    if (target !== null) setProfile(target);
    setFocusPath({ path });
  }, []);

  const edit = useCallback((recipe: (d: ProjectSettings) => void) => {
    setDraft((current) => {
      const next = structuredClone(current);
      recipe(next);
      return next;
    });
    setDirty(true);
    setNotice((n) => (n?.kind === 'error' ? n : null));
  }, []);

  const run = (kind: Action) => {
    const restore = beforeReset;
    const replaced = props.view.updatedAt === null ? null : props.view.settings;
    setBusy(kind);
    setNotice(null);
    setConfirmingReset(false);
    const request = kind === 'reset' ? call('resetSettings', {}) : call('saveSettings', { settings: kind === 'undo' && restore !== null ? restore : draft });
    request
      .then((view) => {
        setFieldErrors([]);
        setDirty(false);
        props.onView(view);
        setDraft(view.settings);
        setBeforeReset(kind === 'reset' ? replaced : null);
        setNotice({ kind: kind === 'save' ? 'saved' : kind === 'reset' ? 'reset' : 'undone' });
      })
      .catch((e: unknown) => {
        const error = toCallError(e);
        setFieldErrors(error.fieldErrors);
        setNotice({ kind: 'error', error });
        const first = faultList(error.fieldErrors)[0];
        if (first !== undefined) goToField(first.path);
      })
      .finally(() => setBusy(null));
  };

  const cancelReset = () => {
    setConfirmingReset(false);
    resetOrigin.current?.focus();
  };

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
      <Button
        onClick={(event) => {
          resetOrigin.current = event.currentTarget;
          setConfirmingReset(true);
        }}
        isLoading={busy === 'reset'}
        isDisabled={busy !== null}
        aria-expanded={confirmingReset}
        testId="reset-settings"
      >
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
        {confirmingReset ? <ResetConfirm dirty={dirty} onConfirm={() => run('reset')} onCancel={cancelReset} /> : null}
        {notice?.kind === 'saved' || notice?.kind === 'reset' || notice?.kind === 'undone' ? (
          <div data-testid="settings-saved" role="status">
            <SectionMessage appearance="success">
              <Inline gap="space.150">
                <p style={{ margin: 0 }}>{NOTICE_TEXT[notice.kind]}</p>
                {notice.kind === 'reset' && beforeReset !== null ? (
                  <Button ref={undoButton} onClick={() => run('undo')} isLoading={busy === 'undo'} isDisabled={busy !== null} testId="undo-reset">
                    Undo reset
                  </Button>
                ) : null}
              </Inline>
            </SectionMessage>
          </div>
        ) : null}
        {notice?.kind === 'error' ? (
          <div data-testid="settings-error" role="alert">
            <SectionMessage appearance="error" title={notice.error.code === 'VALIDATION_FAILED' ? 'Some settings need fixing' : 'Could not save the settings'}>
              <p style={{ margin: 0 }}>{notice.error.message}</p>
              <ErrorSummary errors={fieldErrors} onGo={goToField} />
            </SectionMessage>
          </div>
        ) : null}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300'), alignItems: 'flex-start' }}>
          <div style={{ flex: '1 1 560px', minWidth: 0 }}>
            {readOnly ? (
              <SettingsSummary settings={draft} />
            ) : (
              <form data-testid="settings-form" aria-label="Definition of Ready settings" onSubmit={(e) => e.preventDefault()}>
                <Stack gap="space.200">
                  <Section title="Readiness" description="An issue is ready when its score reaches the threshold and no required criterion fails.">
                    <NumberField label="Ready threshold (0–100)" path="readyThreshold" value={draft.readyThreshold} min={0} max={100} onChange={(v) => edit((d) => void (d.readyThreshold = v))} testId="ready-threshold" width={200} />
                  </Section>
                  <Section title="Criteria per issue type" description="Choose what counts for each kind of issue. Unknown types use the Task profile.">
                    <ProfileSection settings={draft} edit={edit} profile={profile} onProfile={setProfile} />
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
            )}
          </div>
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
