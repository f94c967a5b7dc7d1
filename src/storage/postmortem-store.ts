import { AppError } from '../contract/errors';
import { migratePostmortem, type PostmortemDocument } from '../domain/postmortem';
import type { KvPort } from '../ports';

// A KVS value holds at most 240 KiB; leave headroom for the record's own fields.
export const MAX_DOCUMENT_BYTES = 230 * 1024;

interface StoredPostmortem {
  document: unknown;
  updatedAt: string;
  updatedBy: string | null;
}

export interface LoadedPostmortem {
  document: PostmortemDocument;
  updatedAt: string;
  updatedBy: string | null;
}

const postmortemKey = (issueKey: string) => `postmortem:${issueKey}`;

/** The full postmortem of an incident, in Forge storage (the issue property only holds a summary). */
export async function loadPostmortem(kv: KvPort, issueKey: string): Promise<LoadedPostmortem | null> {
  const stored = await kv.get<StoredPostmortem>(postmortemKey(issueKey));
  if (!stored) return null;
  return {
    document: migratePostmortem(stored.document),
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

/**
 * Saves when nobody saved since `document.revision` was read; otherwise answers Conflict so the later
 * writer is told instead of silently overwriting. Returns the document with its new revision.
 */
export async function savePostmortem(
  kv: KvPort,
  issueKey: string,
  document: PostmortemDocument,
  by: { accountId: string | null; at: Date },
): Promise<PostmortemDocument> {
  const current = await loadPostmortem(kv, issueKey);
  const currentRevision = current?.document.revision ?? 0;
  if (document.revision !== currentRevision) {
    throw new AppError(
      'Conflict',
      `Someone else saved this postmortem${current?.updatedAt ? ` at ${current.updatedAt}` : ''} since you opened it. ` +
        'Your text is kept: reload their version, then re-apply your changes.',
    );
  }
  const next: PostmortemDocument = { ...document, revision: currentRevision + 1 };
  const record: StoredPostmortem = {
    document: next,
    updatedAt: by.at.toISOString(),
    updatedBy: by.accountId,
  };
  const bytes = Buffer.byteLength(JSON.stringify(record), 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new AppError(
      'InvalidInput',
      `This postmortem is ${Math.ceil(bytes / 1024)} KiB, more than the ${MAX_DOCUMENT_BYTES / 1024} KiB Forge storage allows. ` +
        'Shorten the longest sections (or link to logs instead of pasting them) and save again.',
    );
  }
  await kv.set(postmortemKey(issueKey), record);
  return next;
}
