import Heading from '@atlaskit/heading';
import type { IssueQuestions } from '../../../src/contract';
import { Stack } from '../../shared/layout';
import { peopleOf, QuestionsBlock } from '../../shared/questions';

/**
 * Questions about this issue for the next refinement session: the open ones, and a form to ask one.
 * They come with the panel's one `getReadiness` call (its own issue, from its context). An open
 * question keeps the "unknowns" criterion failing, so a change reloads the panel, questions included.
 */
export function QuestionsSection(props: { questions: IssueQuestions; onChanged: () => void }) {
  return (
    <section aria-labelledby="questions-heading">
      <Stack gap="space.150">
        <Heading size="small" as="h2" id="questions-heading">
          Questions
        </Heading>
        <QuestionsBlock questions={props.questions.questions} people={peopleOf({ questions: props.questions.questions })} onChanged={props.onChanged} testId="panel-questions" />
      </Stack>
    </section>
  );
}
