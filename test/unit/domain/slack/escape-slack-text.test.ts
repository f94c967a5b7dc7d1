import { escapeSlackText, neutraliseMentions } from '../../../../src/domain/slack/escape-slack-text';

describe('escapeSlackText', () => {
  it('escapes the three characters Slack reserves', () => {
    expect(escapeSlackText('p99 < 200ms & errors > 5%')).toBe('p99 &lt; 200ms &amp; errors &gt; 5%');
  });

  it.each([
    '<!here>',
    '<!channel>',
    '<!everyone>',
    '<@U123ABC>',
    '<!subteam^S123>',
    '<https://evil.example|click>',
  ])('disarms %s', (text) => {
    const escaped = escapeSlackText(text);
    expect(escaped).not.toContain('<');
    expect(escaped).not.toContain('>');
  });

  it.each(['@channel', '@here', '@everyone', '@Channel'])('breaks the bare broadcast %s', (text) => {
    const escaped = escapeSlackText(`ping ${text} now`);
    expect(escaped).not.toMatch(/@(channel|here|everyone)\b/i);
    expect(escaped.replace(/\u200b/g, '')).toBe(`ping ${text} now`);
  });

  it('leaves ordinary handles alone', () => {
    expect(escapeSlackText('@sam and @herenow')).toBe('@sam and @herenow');
  });
});

describe('neutraliseMentions', () => {
  it('keeps angle brackets for plain_text but breaks broadcasts', () => {
    expect(neutraliseMentions('a < b @here')).toBe('a < b @\u200bhere');
    expect(neutraliseMentions('<!channel> <@U1>')).toBe('<\u200b!channel> <\u200b@U1>');
  });
});
