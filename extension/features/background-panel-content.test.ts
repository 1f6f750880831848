import { describe, expect, it } from 'vitest';
import { parseBackgroundMessage } from '../lib/messages';
import { selectPanelContent } from '../lib/panel-content';
import { parsePanelContent, requestPanelContent } from './background-panel-content';

describe('the panel content from the background', () => {
  it('asks with the topics only, through a validated message, and gets plain data back', async () => {
    let sent: unknown;
    const content = await requestPanelContent(['cameras', 'law'], async (m) => {
      sent = m;
      const request = parseBackgroundMessage(JSON.parse(JSON.stringify(m)));
      expect(request).toEqual({ type: 'panel-content', topics: ['cameras', 'law'] });
      // Runtime messaging clones the answer as JSON does.
      return JSON.parse(JSON.stringify(selectPanelContent((request as { topics: Parameters<typeof selectPanelContent>[0] }).topics)));
    });
    expect(sent).toEqual({ type: 'panel-content', topics: ['cameras', 'law'] });
    expect(content).toEqual(JSON.parse(JSON.stringify(selectPanelContent(['cameras', 'law']))));
    expect(content.latest).toHaveLength(3);
  });

  it('rejects when the background does not answer or answers nonsense', async () => {
    await expect(requestPanelContent(['law'], async () => undefined)).rejects.toThrow();
    await expect(requestPanelContent(['law'], async () => { throw new Error('Could not establish connection'); })).rejects.toThrow();
    expect(parsePanelContent({ latest: 'x', asOf: '2024' })).toBeNull();
    expect(parseBackgroundMessage({ type: 'panel-content', topics: ['bogus'] })).toBeNull();
  });
});
