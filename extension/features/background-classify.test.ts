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
    const { glossary, ...rest } = result!;
    expect(rest).toEqual({ ...classify(article), titleTerms: ['kamere', 'prepoznavanjem lica'] });
    expect(result!.relevant).toBe(true);
    // The glossary terms of the text, in order of first appearance, for the underlines and the popover.
    expect(glossary.map((t) => t.id)).toEqual(['commissioner', 'dpia']);
    expect(Object.keys(glossary[0]).sort()).toEqual(['definition', 'forms', 'id', 'term']);
    // With the forms as written in the text, for the content script to find them as they are.
    expect(glossary.map((t) => t.forms)).toEqual([['Poverenik'], ['procenu uticaja']]);
  });

  it('classifies the first 5,000 characters and looks for glossary terms in all the text', () => {
    const long = { type: 'classify' as const, title: article.title, text: `${article.text} ${'Reč. '.repeat(1_100)} Safe City.` };
    expect(long.text.length).toBeGreaterThan(5_000);
    const answer = answerClassify(long);
    expect(answer.score).toBe(classify({ title: long.title, text: long.text.slice(0, 5_000) }).score);
    expect(answer.glossary.map((t) => t.id)).toContain('safe-city');
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
    const answer = answerClassify({ type: 'classify', title: 'Košarkaši Partizana slavili derbi', text: 'Utakmica je završena. Poverenik.' });
    expect(answer.titleTerms).toEqual([]);
    expect(answer.glossary).toEqual([]);
  });

  it('refuses requests out of bounds and classifications of the wrong shape', () => {
    expect(parseBackgroundMessage({ type: 'classify', title: 'x'.repeat(1001), text: '' })).toBeNull();
    expect(parseBackgroundMessage({ type: 'classify', title: 'x', text: 'y'.repeat(10_001) })).toBeNull();
    expect(parseBackgroundMessage({ type: 'classify', title: 'x', text: 'y', lang: '<script>' })).toBeNull();
    expect(parseBackgroundMessage({ type: 'classify', title: 'x', text: 'y' })).toEqual({ type: 'classify', title: 'x', text: 'y' });
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['bogus'], reasons: [], lang: 'sr', script: null })).toBeNull();
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['law'], reasons: ['a: "b"'], lang: 'sr', script: 'Latn' })).toMatchObject({ topics: ['law'], titleTerms: [] });
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['law'], reasons: [], lang: 'sr', script: 'Latn', titleTerms: ['<script>'] })).toBeNull();
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['law'], reasons: [], lang: 'sr', script: 'Latn', glossary: [{ id: 'x', term: 'x' }] })).toBeNull();
    const term = { id: 'x', term: { en: 'X', sr: 'X' }, definition: { en: 'd', sr: 'd' } };
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['law'], reasons: [], lang: 'sr', script: 'Latn', glossary: [{ ...term, forms: [] }] })).toBeNull();
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['law'], reasons: [], lang: 'sr', script: 'Latn', glossary: [{ ...term, forms: ['X'] }] })?.glossary).toHaveLength(1);
    expect(parseClassification({ relevant: true, score: 0.5, topics: ['law'], reasons: [], lang: 'sr', script: 'Latn', glossary: new Array(41).fill(null) })).toBeNull();
  });
});
