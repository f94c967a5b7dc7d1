import { emptyPostmortem, type PostmortemDocument } from '../../../../src/domain/postmortem';

/** Deterministic pseudo-random documents for round-trip properties (mulberry32, so failures reproduce). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'deploy',
  'index',
  'canary',
  'rollback',
  'p99',
  '€8,500',
  'a|b',
  '`code`',
  '**bold**',
  'naïve',
  '→',
  'cache',
  'DNS',
  '5%',
];

export function randomDocument(seed: number): PostmortemDocument {
  const rnd = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const sentence = (): string =>
    Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => pick(WORDS)).join(' ');
  const maybe = <T>(value: T): T | null => (rnd() < 0.5 ? value : null);
  const doc = emptyPostmortem({
    incidentId: `INC-${seed}`,
    title: sentence(),
    date: '2025-03-15',
    severity: pick(['SEV-1', 'SEV-3']),
  });
  doc.header.writtenBy = maybe('@lead');
  doc.header.reviewedBy = rnd() < 0.5 ? ['@a', '@b c'] : [];
  doc.header.status = pick(['DRAFT', 'IN_REVIEW', 'FINAL'] as const);
  doc.header.category = maybe('Database');
  doc.header.finalizedAt = maybe('2025-03-20T10:00:00.000Z');
  if (rnd() < 0.5) {
    doc.header.durationMinutes = 47;
    doc.header.startTime = '2025-03-15 14:23';
    doc.header.endTime = '15:10';
    doc.header.timeZone = maybe('Europe/Berlin');
  }
  doc.impact = {
    usersAffected: maybe(sentence()),
    failedTransactions: maybe('~340'),
    revenueImpact: null,
    sloImpact: maybe(sentence()),
    text: rnd() < 0.5 ? `${sentence()}\n${sentence()}` : '',
  };
  doc.timeline = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => ({
    id: `tl-${i + 1}`,
    time: `14:2${i}`,
    event: rnd() < 0.2 ? `${sentence()}\n${sentence()}` : sentence(),
  }));
  doc.rootCause = { text: rnd() < 0.7 ? `${sentence()}\n\n${sentence()}` : '', summary: maybe(sentence()) };
  doc.contributingFactors = Array.from(
    { length: Math.floor(rnd() * 3) },
    () => `**${pick(WORDS)}:** ${sentence()}`,
  );
  doc.whatWorkedWell = Array.from({ length: Math.floor(rnd() * 3) }, sentence);
  doc.lessonsLearned = rnd() < 0.3 ? [sentence()] : [];
  doc.actionItems = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => ({
    id: `ai-${i * 2 + 1}`,
    action: sentence(),
    owner: pick([
      null,
      { text: '@db-engineer' },
      { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Ada Lovelace' },
      { accountId: '712020:abc' },
    ]),
    dueDate: maybe('2025-04-01'),
    externalRef: maybe('PAY-456'),
    createdIssueKey: rnd() < 0.2 ? 'PAY-900' : null,
  }));
  doc.blamelessNotes = rnd() < 0.5 ? `${sentence()}\n- ${sentence()}` : '';
  doc.otherNotes = rnd() < 0.5 ? `## Attendees\n- RF, PW\n# Stats\n${sentence()}` : '';
  return doc;
}
