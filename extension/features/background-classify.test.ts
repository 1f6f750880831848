import { describe, expect, it } from 'vitest';
import { classify } from '../../shared/classify/classify';
import { parseBackgroundMessage, parseClassification } from '../lib/messages';
import { answerClassify, classifyOffPage } from './background-classify';

const article = { title: 'Kamere sa prepoznavanjem lica u Beogradu', text: 'MUP Srbije postavlja kamere. Poverenik je odbio procenu uticaja.', lang: 'sr-Latn' };

describe('classifying in the background', () => {
  it('answers what the classifier says, through a validated message', async () => {
    let sent: unknown;
    const result = await classifyOffPage(article, async (m) => {
      sent = m;
      const request = parseBackgroundMessage(JSON.parse(JSON.stringify(m)));
      expect(request?.type).toBe('classify');
      return JSON.parse(JSON.stringify(answerClassify(request as Parameters<typeof answerClassify>[0])));
    });
    expect(sent).toEqual({ type: 'classify', ...article });
    expect(result).toEqual(classify(article));
    expect(result.relevant).toBe(true);
  });

  it('classifies on the page when the background does not answer, or answers nonsense', async () => {
    expect(await classifyOffPage(article, async () => { throw new Error('Could not establish connection'); })).toEqual(classify(article));
    expect(await classifyOffPage(article, async () => undefined)).toEqual(classify(article));
    expect(await classifyOffPage(article, async () => ({ relevant: 'yes', score: 7 }))).toEqual(classify(article));
  });

  it('refuses requests out of bounds and classifications of the wrong shape', () => {
    expect(parseBackgroundMessage({ type: 'classify', title: 'x'.repeat(1001), text: '' })).toBeNull();
    expect(parseBackgroundMessage({ type: 'classify', title: 'x', text: 'y'.repeat(10_001) })).toBeNull();
    expect(parseBackgroundMessage({ type: 'classify', title: 'x', text: 'y', lang: '<script>' })).toBeNull();
    expect(parseBackgroundMessage({ type: 'classify', title: 'x', text: 'y' })).toEqual({ type: 'classify', title: 'x', text: 'y' });
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['bogus'], reasons: [], lang: 'sr', script: null })).toBeNull();
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['law'], reasons: ['a: "b"'], lang: 'sr', script: 'Latn' })).toMatchObject({ topics: ['law'] });
  });
});
