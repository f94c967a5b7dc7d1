import { startPreviewServer } from '../preview/preview-server';

/** `npm start`: the local preview of the app (see README, "Local preview"). */
async function main() {
  const port = Number(process.env.PORT ?? 8080);
  const preview = await startPreviewServer({
    port,
    ...(process.env.SLACK_WEBHOOK_URL ? { slackWebhookUrl: process.env.SLACK_WEBHOOK_URL } : {}),
  });
  // Since the process started: module loading and TypeScript compilation are most of a cold start.
  console.log(
    `Postmortems for Jira preview running at ${preview.url} (ready ${Math.round(process.uptime() * 1000)} ms after start)`,
  );
}

main().catch((error: unknown) => {
  console.error(`Could not start the preview: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
