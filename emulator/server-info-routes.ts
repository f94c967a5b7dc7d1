/** `GET /serverInfo`, shaped like Jira Cloud's `ServerInformation` (its documented example's fields). */
import { jsonResponse, jiraTimestamp, type EmulatorResponse } from './emulator-types';
import type { Route, RouteContext } from './route-context';

function serverInfo(context: RouteContext): EmulatorResponse {
  return jsonResponse(200, {
    baseUrl: context.baseUrl,
    displayUrl: context.baseUrl,
    deploymentType: 'Cloud',
    buildNumber: 100_285,
    buildDate: '2026-11-02T00:00:00.000+0000',
    serverTime: jiraTimestamp(context.now()),
    scmInfo: '1f51473f5c7b75c1a69a0090f4832cdc5053702a',
    serverTitle: 'Jira',
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    defaultLocale: { locale: 'en_US' },
  });
}

export const SERVER_INFO_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/serverInfo$/, handler: serverInfo },
];
