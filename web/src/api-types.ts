import type {
  EvidenceKind,
  LocalizedText,
  Rating,
  Score,
  SelfInspectionStatus,
  TargetingReasonCode,
  Workforce,
} from '@antoan/domain';
import type { AnswerInput } from '@antoan/schemas';

/** The roles a token can carry. */
export type Role = 'enterprise' | 'zone_manager' | 'inspector' | 'authority';

/** `GET /v1/dev/users`: a seeded demo user (local platform only). */
export interface DemoUser {
  sub: string;
  name: string;
  role: Role;
  enterpriseId?: string;
  zoneIds?: string[];
}

/** A page of a list route. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `GET /v1/zones` entries. */
export interface Zone {
  id: string;
  code: string;
  name: string;
}

/** `GET /v1/enterprises/{eid}`. */
export interface Enterprise {
  id: string;
  taxCode: string;
  name: string;
  zoneId: string;
  sectorCode: string;
  highRisk: boolean;
  headcount: number;
  workforce: Workforce;
  strictEquipmentCount?: number;
  lastSubmittedOn?: string;
  selfInspection: { status: SelfInspectionStatus; dueOn: string; explanation: LocalizedText };
}

/** One saved answer of a draft or submitted assessment. */
export type Answer = AnswerInput;

/** `GET /v1/enterprises/{eid}/assessments` entries. */
export interface AssessmentSummary {
  id: string;
  period: string;
  status: 'draft' | 'submitted';
  version: number;
  templateId: string;
  templateVersion: number;
  applicableItemCount: number;
  createdAt: string;
  submittedAt?: string;
  score?: { total: number; rating: Rating };
}

/** `GET /v1/enterprises/{eid}/assessments/{aid}`. */
export interface Assessment {
  id: string;
  enterpriseId: string;
  period: string;
  status: 'draft' | 'submitted';
  version: number;
  templateId: string;
  templateVersion: number;
  applicableItemIds: string[];
  answers: Record<string, Answer>;
  submittedAt?: string;
  score?: Score;
}

/** Evidence as listed and confirmed. */
export interface Evidence {
  id: string;
  kind: EvidenceKind;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  issuedOn: string;
  expiresOn?: string;
  trainingGroup?: number;
  workersCovered?: number;
  status: 'pending_upload' | 'verified' | 'rejected';
  reason?: string;
  expired?: boolean;
  createdAt: string;
}

/** `POST /v1/enterprises/{eid}/evidence` → where to send the file. */
export interface EvidenceUploadTicket extends Evidence {
  upload: { method: 'POST'; url: string; fields: Record<string, string>; expiresAt: string };
}

/** The reminder outbox entries. */
export interface Notification {
  type: 'evidence_expiring' | 'evidence_expired' | 'self_check_due' | 'self_check_overdue';
  day: string;
  message: LocalizedText;
  createdAt: string;
}

/** `GET /v1/zones/{zid}/dashboard?period=` (shared contract; extra fields are shown when present). */
export interface ZoneDashboard {
  zoneId: string;
  period: string;
  enterprises: number;
  submitted: number;
  draft: number;
  notStarted: number;
  overdue: number;
  averageScore: number | null;
  ratingCounts: Record<Rating, number>;
  weakestSections: Array<{ sectionId: string; title: LocalizedText; averageScore: number }>;
  fatalAccidents: number;
  /** Which firms the period is about (high-risk firms by half-year, the others by year), when the API says. */
  covers?: { group: 'highRisk' | 'regular'; text: LocalizedText };
}

/** `GET /v1/zones/{zid}/enterprises` entries. */
export interface ZoneEnterprise {
  enterpriseId: string;
  name: string;
  sectorCode: string;
  score: number | null;
  rating: Rating | null;
  status: 'submitted' | 'draft' | 'not_started';
  submittedAt: string | null;
}

/** `GET /v1/targets` entries. */
export interface Target {
  enterpriseId: string;
  name: string;
  zoneId: string;
  sectorCode: string;
  priority: number;
  score: number | null;
  reasons: Array<{ code: TargetingReasonCode; detail: LocalizedText }>;
  sampled: boolean;
}

/** An RFC 9457 problem body as the API sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number | string;
  detail?: string;
  localized?: LocalizedText;
  code?: string;
  reason?: string;
  errors?: Array<{ path: string; message: string }>;
}
