import type { TrainingListItem } from "../../db/trainings/trainings";
import type { Language } from "../../lib/domain/codes";
import { localized } from "../../lib/i18n/format";

/** A training as the API gives it: codes and dates as stored, the place's name in the caller's language. */
export function trainingJson(language: Language, training: TrainingListItem) {
  return {
    id: training.id,
    title: training.title,
    kind: training.kind,
    topic: training.topic,
    location: { code: training.locationCode, name: localized(language, training.locationNameEn, training.locationNameFr) },
    startDate: training.startDate,
    endDate: training.endDate,
    facilitator: training.facilitator,
    participants: training.participantCount,
    rosterSize: training.rosterSize,
    deliveredBy: training.cohortId === null ? null : { id: training.cohortId, title: training.cohortTitle },
  };
}
