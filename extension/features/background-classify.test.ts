import { describe, expect, it } from 'vitest';
import { classify } from '../../shared/classify/classify';
import { parseBackgroundMessage, parseClassification } from '../lib/messages';
import { answerClassify } from '../lib/classify-answer';
import { classifyOffPage } from './background-classify';

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
    expect(result).toEqual({ ...classify(article), titleTerms: ['kamere', 'prepoznavanjem lica'] });
    expect(result!.relevant).toBe(true);
  });

  it('asks again when the background does not answer, and gives up (null) after the last try', async () => {
    let calls = 0;
    const flaky = async () => {
      if (++calls < 3) throw new Error('Could not establish connection');
      return JSON.parse(JSON.stringify(answerClassify({ type: 'classify', ...article })));
    };
    expect(await classifyOffPage(article, flaky, [0, 1, 1])).toMatchObject({ relevant: true });
    expect(calls).toBe(3);
    expect(await classifyOffPage(article, async () => { throw new Error('Could not establish connection'); }, [0, 1, 1])).toBeNull();
    expect(await classifyOffPage(article, async () => undefined, [0, 1])).toBeNull();
    expect(await classifyOffPage(article, async () => ({ relevant: 'yes', score: 7 }), [0])).toBeNull();
  });

  it('sends no title terms for an article not about the subject', () => {
    expect(answerClassify({ type: 'classify', title: 'Košarkaši Partizana slavili derbi', text: 'Utakmica je završena.' }).titleTerms).toEqual([]);
  });

  it('refuses requests out of bounds and classifications of the wrong shape', () => {
    expect(parseBackgroundMessage({ type: 'classify', title: 'x'.repeat(1001), text: '' })).toBeNull();
    expect(parseBackgroundMessage({ type: 'classify', title: 'x', text: 'y'.repeat(10_001) })).toBeNull();
    expect(parseBackgroundMessage({ type: 'classify', title: 'x', text: 'y', lang: '<script>' })).toBeNull();
    expect(parseBackgroundMessage({ type: 'classify', title: 'x', text: 'y' })).toEqual({ type: 'classify', title: 'x', text: 'y' });
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['bogus'], reasons: [], lang: 'sr', script: null })).toBeNull();
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['law'], reasons: ['a: "b"'], lang: 'sr', script: 'Latn' })).toMatchObject({ topics: ['law'], titleTerms: [] });
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['law'], reasons: [], lang: 'sr', script: 'Latn', titleTerms: ['<script>'] })).toBeNull();
  });
});
