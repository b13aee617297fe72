import querystring from 'node:querystring';
import type { Logger } from '../observability/logger';
import { preferredType, send, sendJson, sendText, type Exchange } from '../http/exchange';
import { FORMATS } from './formats';
import type { ReportsBackend } from './reports.backend';
import { ReportRequestError, type RawVariables } from './report-variables';
import { reportIndex, reportsPage } from './reports.page';

const FILE = /^([a-z0-9-]+)\.([a-z0-9]+)$/;

/**
 * `GET /reports`: the index, as JSON (API clients) or an HTML page with every chart and table (browsers).
 * `GET /reports/<name>.<csv|json|md|svg>?var=value…`: one report in one format, as a download (SVG inline).
 * A request that cannot run (unknown report, variable or format; a bad value) is a 4xx with one line of text
 * naming the valid choices. Returns false for a path or method it does not serve (the caller answers 404).
 */
export function reportsRouter(
  backend: () => ReportsBackend | null,
  logger: Logger,
): (ex: Exchange) => Promise<boolean> {
  return async (ex) => {
    if (ex.method !== 'GET' && ex.method !== 'HEAD') return false;
    const rest = ex.path.slice('/reports'.length);
    if (rest !== '' && rest !== '/' && (!rest.startsWith('/') || rest.indexOf('/', 1) >= 0)) return false;
    const reports = backend();
    if (!reports) {
      sendText(ex.res, 503, 'The server is starting; try again in a few seconds.\n');
      return true;
    }
    const execute = reports.executorFor(ex.viewer);
    try {
      if (rest === '' || rest === '/') {
        if (preferredType(ex.req.headers.accept, ['application/json', 'text/html']) === 'text/html') {
          send(ex.res, 200, 'text/html', await reportsPage(reports, execute));
        } else {
          sendJson(ex.res, 200, reportIndex(reports.catalog));
        }
        return true;
      }
      const file = decodedSegment(rest.slice(1));
      if (file === null) throw new ReportRequestError('The report name is not valid URL encoding.', 400);
      const match = FILE.exec(file);
      if (!match) {
        reports.catalog.get(file); // an unknown name is a 404 listing the reports
        throw new ReportRequestError(
          `Add a format to the report's name: /reports/${file}.<${FORMATS.join('|')}>.`,
          404,
        );
      }
      const [, name = '', extension = ''] = match;
      reports.catalog.get(name);
      const format = reports.catalog.format(extension);
      const variables = querystring.parse(ex.search.slice(1)) as RawVariables;
      const result = await reports.catalog.run(name, variables, execute);
      const rendered = await reports.catalog.render(result, format);
      send(ex.res, 200, rendered.contentType, rendered.body, {
        'content-disposition': `${format === 'svg' ? 'inline' : 'attachment'}; filename="${rendered.fileName}"`,
      });
    } catch (error) {
      sendFailure(ex, logger, error);
    }
    return true;
  };
}

/** A 4xx for requests that cannot run; anything else is logged with the request id and masked (as formatError does). */
function sendFailure(ex: Exchange, logger: Logger, error: unknown): void {
  if (error instanceof ReportRequestError) {
    sendText(ex.res, error.status, `${error.message}\n`);
    return;
  }
  logger.error({ requestId: ex.requestId, err: error }, 'report failed');
  sendText(ex.res, 500, `Internal error while building the report (request id ${ex.requestId}).\n`);
}

function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
