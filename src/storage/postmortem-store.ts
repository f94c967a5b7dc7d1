import { AppError } from '../contract/errors';
import { migratePostmortem, type ActionItem, type PostmortemDocument } from '../domain/postmortem';
import type { EntityExpectation, KvPort } from '../ports';

// A KVS value holds at most 240 KiB; leave headroom for the record's own fields.
export const MAX_DOCUMENT_BYTES = 230 * 1024;

/**
 * The custom entity declared in manifest.yml (`app.storage.entities`): a save is a KVS transaction
 * conditioned on `revision`, so of two concurrent saves of one revision exactly one lands.
 */
export const POSTMORTEM_ENTITY = 'postmortem';

interface PostmortemRecord {
  revision: number;
  document: unknown;
  updatedAt: string;
  /** Absent for saves by the app itself (the automation). */
  updatedBy?: string;
  /** The highest `ai-<n>` any row of this postmortem ever had: new rows are numbered above it. */
  rowIdCeiling: number;
}

export interface LoadedPostmortem {
  document: PostmortemDocument;
  updatedAt: string;
  updatedBy: string | null;
  rowIdCeiling: number;
}

/** Where postmortems were kept before the entity (plain KVS keys, no conditional write); read, never written. */
const legacyKey = (issueKey: string) => `postmortem:${issueKey}`;

/**
 * Row numbers live in the entity's `integer` attribute `rowIdCeiling`: a 32-bit signed integer
 * (https://developer.atlassian.com/platform/forge/storage-reference/storage-api-custom-entities/).
 */
export const MAX_ROW_ID_NUMBER = 2_147_483_647;

const ROW_ID = /^ai-([1-9]\d{0,9})$/;

/** The number of an `ai-<n>` row id; null for any other id (or one beyond MAX_ROW_ID_NUMBER). */
export function rowIdNumber(id: string): number | null {
  const match = ROW_ID.exec(id);
  const number = match ? Number(match[1]) : null;
  return number !== null && number <= MAX_ROW_ID_NUMBER ? number : null;
}

const highestRowIdNumber = (items: readonly ActionItem[]) =>
  items.reduce((max, item) => Math.max(max, rowIdNumber(item.id) ?? 0), 0);

async function readRecord(
  kv: KvPort,
  issueKey: string,
): Promise<{ record: PostmortemRecord; inEntity: boolean } | null> {
  const record = await kv.getEntity<PostmortemRecord>(POSTMORTEM_ENTITY, issueKey);
  if (record) return { record, inEntity: true };
  const legacy = await kv.get<Omit<PostmortemRecord, 'revision' | 'rowIdCeiling'>>(legacyKey(issueKey));
  return legacy ? { record: { ...legacy, revision: 0, rowIdCeiling: 0 }, inEntity: false } : null;
}

function loaded(record: PostmortemRecord): LoadedPostmortem {
  const document = migratePostmortem(record.document);
  return {
    document,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy ?? null,
    rowIdCeiling: Math.max(record.rowIdCeiling, highestRowIdNumber(document.actionItems)),
  };
}

/** The full postmortem of an incident, in Forge storage (the issue property only holds a summary). */
export async function loadPostmortem(kv: KvPort, issueKey: string): Promise<LoadedPostmortem | null> {
  const found = await readRecord(kv, issueKey);
  return found ? loaded(found.record) : null;
}

const conflict = (current: LoadedPostmortem | null) =>
  new AppError(
    'Conflict',
    `Someone else saved this postmortem${current?.updatedAt ? ` at ${current.updatedAt}` : ''} since you opened it. ` +
      'Your text is kept: reload their version, then re-apply your changes.',
  );

/**
 * Saves when nobody saved since `document.revision` was read; otherwise answers Conflict so the later
 * writer is told instead of silently overwriting. The check and the write are one conditional write,
 * so two saves racing on one revision give one success and one Conflict. Returns the document with
 * its new revision.
 */
export async function savePostmortem(
  kv: KvPort,
  issueKey: string,
  document: PostmortemDocument,
  by: { accountId: string | null; at: Date },
): Promise<PostmortemDocument> {
  const found = await readRecord(kv, issueKey);
  const current = found ? loaded(found.record) : null;
  const currentRevision = current?.document.revision ?? 0;
  if (document.revision !== currentRevision) throw conflict(current);
  const next: PostmortemDocument = { ...document, revision: currentRevision + 1 };
  const record: PostmortemRecord = {
    revision: next.revision,
    document: next,
    updatedAt: by.at.toISOString(),
    ...(by.accountId ? { updatedBy: by.accountId } : {}),
    rowIdCeiling: Math.max(current?.rowIdCeiling ?? 0, highestRowIdNumber(next.actionItems)),
  };
  const bytes = Buffer.byteLength(JSON.stringify(record), 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      'InvalidInput',
      `This postmortem is ${Math.ceil(bytes / 1024)} KiB, more than the ${MAX_DOCUMENT_BYTES / 1024} KiB Forge storage allows. ` +
        'Shorten the longest sections (or link to logs instead of pasting them) and save again.',
    );
  }
  const expect: EntityExpectation = found?.inEntity
    ? { field: 'revision', equals: found.record.revision }
    : { absent: true };
  if (!(await kv.setEntityIf(POSTMORTEM_ENTITY, issueKey, record, expect))) {
    throw conflict(await loadPostmortem(kv, issueKey));
  }
  return next;
}
