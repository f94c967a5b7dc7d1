/**
 * Makes user text inert in Slack mrkdwn: `&`, `<`, `>` escaped as Slack requires
 * (https://api.slack.com/reference/surfaces/formatting#escaping), which also disarms `<!here>`,
 * `<!channel>` and `<@U123>`; bare `@channel`/`@here`/`@everyone` get a zero-width space so
 * `link_names` cannot turn them into a broadcast.
 */
export function escapeSlackText(text: string): string {
  return neutraliseMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** For plain_text fields, which show `&lt;` literally but still must not broadcast. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');
}
