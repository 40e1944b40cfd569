import { useState } from 'react';
import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import type { Agenda } from '../../../src/contract';
import { call } from '../../shared/api';
import { ErrorState, LoadingState } from '../../shared/states';
import { useLoad } from '../../shared/use-resolver';
import { AgendaTab } from './agenda-tab';
import { EstimateInARow } from './estimate-in-a-row';
import { HealthTab } from './health-tab';
import { RunwayTab } from './runway-tab';
import { SessionTab } from './session/session-tab';
import { SprintCheckTab } from './sprint-check-tab';

/** Agenda and Runway share one getAgenda answer; the sprint check loads when its tab opens. */
export function App() {
  const [sessionMinutes, setSessionMinutes] = useState<number | undefined>(undefined);
  const agenda = useLoad<Agenda>({
    load: () => call('getAgenda', sessionMinutes === undefined ? {} : { sessionMinutes }),
    key: String(sessionMinutes ?? 'default'),
  });
  const [tab, setTab] = useState(0);
  const { state } = agenda;

  const needsAgenda = (content: (data: Agenda) => React.ReactNode) => {
    if (state.status === 'loading') return <LoadingState label="Planning the refinement session…" minHeight={240} />;
    if (state.status === 'error') return <ErrorState title="Could not build the agenda" error={state.error} onRetry={agenda.reload} />;
    return content(state.data);
  };

  return (
    <main style={{ padding: `${token('space.100')} ${token('space.200')}`, maxWidth: 1400 }}>
      <div style={{ marginBottom: token('space.200') }}>
        <Heading size="large" as="h1">
          Refinement
        </Heading>
      </div>
      <Tabs id="refinement-tabs" selected={tab} onChange={setTab} shouldUnmountTabPanelOnChange>
        <TabList>
          <Tab testId="tab-agenda">Agenda</Tab>
          <Tab testId="tab-sprint-check">Sprint check</Tab>
          <Tab testId="tab-runway">Runway</Tab>
          <Tab testId="tab-estimate-in-a-row">Estimate in a row</Tab>
          <Tab testId="tab-health">Health</Tab>
          <Tab testId="tab-session">Session</Tab>
        </TabList>
        <TabPanel>
          <div style={{ paddingTop: token('space.200'), width: '100%' }}>
            {needsAgenda((data) => (
              <AgendaTab agenda={data} refreshing={agenda.refreshing} onSessionMinutes={setSessionMinutes} onRefresh={agenda.reload} />
            ))}
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ paddingTop: token('space.200'), width: '100%' }}>{tab === 1 ? <SprintCheckTab /> : null}</div>
        </TabPanel>
        <TabPanel>
          <div style={{ paddingTop: token('space.200'), width: '100%' }}>{needsAgenda((data) => <RunwayTab agenda={data} />)}</div>
        </TabPanel>
        <TabPanel>
          <div style={{ paddingTop: token('space.200'), width: '100%' }}>{needsAgenda((data) => <EstimateInARow items={data.items} />)}</div>
        </TabPanel>
        <TabPanel>
          {/* Panels unmount when hidden, so the Health tab loads only when opened. */}
          <div style={{ paddingTop: token('space.200'), width: '100%' }}>
            <HealthTab />
          </div>
        </TabPanel>
        <TabPanel>
          {/* The session works without the agenda too (it is stored); the agenda adds each item's gaps. */}
          <div style={{ paddingTop: token('space.200'), width: '100%' }}>
            <SessionTab agenda={state.status === 'ready' ? state.data : null} />
          </div>
        </TabPanel>
      </Tabs>
    </main>
  );
}
