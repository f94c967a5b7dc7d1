import labelled from '../../../fixtures/blame/labelled-sentences.json';
import { findBlameLanguage } from '../../../../src/domain/checks';

interface Labelled {
  text: string;
  blame: boolean;
  source: string;
}

const sentences: Labelled[] = labelled.sentences;

function confusion(set: readonly Labelled[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const falsePositives: string[] = [];
  const misses: string[] = [];
  for (const { text, blame } of set) {
    const flagged = findBlameLanguage(text).length > 0;
    if (flagged && blame) tp += 1;
    else if (flagged) {
      fp += 1;
      falsePositives.push(text);
    } else if (blame) {
      fn += 1;
      misses.push(text);
    } else tn += 1;
  }
  return { tp, fp, fn, tn, falsePositives, misses };
}

describe('findBlameLanguage measured on the labelled set (test/fixtures/blame)', () => {
  const result = confusion(sentences);
  const heldOut = confusion(sentences.filter((s) => s.source === 'own:held-out'));
  const precision = result.tp / (result.tp + result.fp);
  const recall = result.tp / (result.tp + result.fn);
  const falsePositiveRate = result.fp / (result.fp + result.tn);

  it('has at least 60 labelled sentences of both kinds, some from the real corpus', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(60);
    expect(sentences.filter((s) => s.blame).length).toBeGreaterThanOrEqual(25);
    expect(sentences.filter((s) => !s.blame).length).toBeGreaterThanOrEqual(25);
    expect(sentences.filter((s) => s.source.startsWith('corpus:')).length).toBeGreaterThanOrEqual(20);
  });

  it('flags at most 10 % of blameless sentences (false positives)', () => {
    console.log(
      `blame language: n=${sentences.length} tp=${result.tp} fp=${result.fp} fn=${result.fn} tn=${result.tn} ` +
        `precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} false-positive rate=${falsePositiveRate.toFixed(3)}\n` +
        `held-out only (not used for tuning): tp=${heldOut.tp} fp=${heldOut.fp} fn=${heldOut.fn} tn=${heldOut.tn}\n` +
        `false positives: ${JSON.stringify(result.falsePositives)}\nmissed: ${JSON.stringify(result.misses)}`,
    );
    expect(falsePositiveRate).toBeLessThanOrEqual(0.1);
  });

  it('is precise (≥ 90 %) and finds most blame (recall ≥ 80 %)', () => {
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});
