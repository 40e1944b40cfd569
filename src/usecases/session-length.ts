import type { ProjectSettings } from '../contract';
import type { Stores } from './ports';

/**
 * The session length to plan: the one the user just picked, else the one the team picked last
 * time on this project's agenda, else the project's setting. `remember()` stores a newly picked
 * length; a storage failure is only logged, because the agenda itself is already right.
 */
export async function sessionLength({
  stores,
  projectId,
  requested,
  settings,
}: {
  stores: Pick<Stores, 'sessionLength'>;
  projectId: string;
  requested: number | undefined;
  settings: Pick<ProjectSettings, 'agenda'>;
}): Promise<{ minutes: number; remember: () => Promise<void> }> {
  const remembered = await stores.sessionLength.get(projectId);
  const minutes = requested ?? remembered ?? settings.agenda.sessionMinutes;
  const remember = async (): Promise<void> => {
    if (requested === undefined || requested === remembered) return;
    try {
      await stores.sessionLength.put({ projectId, minutes: requested });
    } catch (error) {
      console.warn('[refinement-radar] the session length could not be remembered', error instanceof Error ? error.message : error);
    }
  };
  return { minutes, remember };
}
