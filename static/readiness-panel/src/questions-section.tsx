import Heading from '@atlaskit/heading';
import type { IssueQuestions } from '../../../src/contract';
import { call } from '../../shared/api';
import { Stack } from '../../shared/layout';
import { peopleOf, QuestionsBlock } from '../../shared/questions';
import { ErrorState, LoadingState } from '../../shared/states';
import { useLoad } from '../../shared/use-resolver';

/**
 * Questions about this issue for the next refinement session: the open ones, and a form to ask one.
 * The panel's own issue comes from its context (no key is sent) and only its questions come back. An open question keeps the
 * "unknowns" criterion failing, so a change reloads the readiness too.
 */
export function QuestionsSection(props: { issueKey: string; onChanged: () => void }) {
  const session = useLoad<IssueQuestions>({ load: () => call('getQuestions', {}), key: 'questions' });
  const { state } = session;
  return (
    <section aria-labelledby="questions-heading">
      <Stack gap="space.150">
        <Heading size="small" as="h2" id="questions-heading">
          Questions
        </Heading>
        {state.status === 'loading' ? <LoadingState label="Loading questions…" minHeight={60} /> : null}
        {state.status === 'error' ? <ErrorState title="Could not load the questions" error={state.error} onRetry={session.reload} /> : null}
        {state.status === 'ready' ? (
          <QuestionsBlock
            questions={state.data.questions}
            people={peopleOf({ questions: state.data.questions })}
            onChanged={() => {
              session.reload();
              props.onChanged();
            }}
            testId="panel-questions"
          />
        ) : null}
      </Stack>
    </section>
  );
}
