import type { PostmortemStatus } from '../../../src/contract/issue-context-api';

/** Lozenge appearances both Atlaskit's and UI Kit's Lozenge accept. */
export type StatusAppearance = 'default' | 'inprogress' | 'success';

// The glance and the issue panel name a postmortem's status the same way.
const STATUS: Record<PostmortemStatus, { appearance: StatusAppearance; label: string }> = {
  DRAFT: { appearance: 'default', label: 'Draft' },
  IN_REVIEW: { appearance: 'inprogress', label: 'In review' },
  APPROVED: { appearance: 'inprogress', label: 'Approved' },
  FINALIZING: { appearance: 'inprogress', label: 'Finalizing' },
  FINAL: { appearance: 'success', label: 'Final' },
};

export function describeStatus(status: PostmortemStatus | null): {
  appearance: StatusAppearance;
  label: string;
} {
  return status ? STATUS[status] : { appearance: 'default', label: 'None' };
}
