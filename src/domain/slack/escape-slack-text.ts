/**
 * Makes user text inert in Slack mrkdwn: `&`, `<`, `>` escaped as Slack requires
 * (https://api.slack.com/reference/surfaces/formatting#escaping), which also disarms `<!here>`,
 * `<!channel>` and `<@U123>`; bare `@channel`/`@here`/`@everyone` get a zero-width space so
 * `link_names` cannot turn them into a broadcast.
 */
export function escapeSlackText(text: string): string {
  return neutraliseMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/**
 * For plain_text fields, which show `&lt;` literally: Slack does not expand mentions there, but a
 * zero-width space keeps `<!here>`, `<@U123>`, `<url|label>` and `@channel` inert should the text ever move to mrkdwn.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/<(?=\S)/g, '<\u200b').replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');
}
