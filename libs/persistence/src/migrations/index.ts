import { CreatedAgenciesAndUsers1764115200000 } from './1764115200000-created-agencies-and-users';
import { CreatedSessions1764115300000 } from './1764115300000-created-sessions';
import { CreatedCasesAndJournal1764115400000 } from './1764115400000-created-cases-and-journal';
import { CreatedProceedingsFiguresCalendarAndPolicies1764115500000 } from './1764115500000-created-proceedings-figures-calendar-and-policies';
import { CreatedReportsAndVersions1764116000000 } from './1764116000000-created-reports-and-versions';
import { CreatedNotifications1764116500000 } from './1764116500000-created-notifications';
import { CreatedLetterTemplates1764117000000 } from './1764117000000-created-letter-templates';
import { CreatedCaseAttachments1764117100000 } from './1764117100000-created-case-attachments';
import { BackfilledAndIndexedCaseAssignee1764117200000 } from './1764117200000-backfilled-and-indexed-case-assignee';
import { UpgradedCaseSnapshotsToMachineV21764117300000 } from './1764117300000-upgraded-case-snapshots-to-machine-v2';
import { CreatedAttachmentDownloads1764117400000 } from './1764117400000-created-attachment-downloads';
import { AddedCaseApplicantCreditCode1764117500000 } from './1764117500000-added-case-applicant-credit-code';
import { AllowedTerminationLetterTemplate1764118000000 } from './1764118000000-allowed-termination-letter-template';
import { CreatedJournalCheckpointsAndGuardedCases1764118100000 } from './1764118100000-created-journal-checkpoints-and-guarded-cases';
import { AddedPasswordHistoryAndRevealGuard1764118200000 } from './1764118200000-added-password-history-and-reveal-guard';
import { AddedAgencyLetterSettings1764118300000 } from './1764118300000-added-agency-letter-settings';
import { AddedCaseApplicantContact1764118300001 } from './1764118300001-added-case-applicant-contact';

/** In order of application; a migration is never edited once it has landed. */
export const MIGRATIONS = [
  CreatedAgenciesAndUsers1764115200000,
  CreatedSessions1764115300000,
  CreatedCasesAndJournal1764115400000,
  CreatedProceedingsFiguresCalendarAndPolicies1764115500000,
  CreatedReportsAndVersions1764116000000,
  CreatedNotifications1764116500000,
  CreatedLetterTemplates1764117000000,
  CreatedCaseAttachments1764117100000,
  BackfilledAndIndexedCaseAssignee1764117200000,
  UpgradedCaseSnapshotsToMachineV21764117300000,
  CreatedAttachmentDownloads1764117400000,
  AddedCaseApplicantCreditCode1764117500000,
  AllowedTerminationLetterTemplate1764118000000,
  CreatedJournalCheckpointsAndGuardedCases1764118100000,
  AddedPasswordHistoryAndRevealGuard1764118200000,
  AddedAgencyLetterSettings1764118300000,
  AddedCaseApplicantContact1764118300001,
];
