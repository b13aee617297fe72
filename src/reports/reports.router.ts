import express, { type Request, type Response, type Router } from 'express';
import { FORMATS } from './formats';
import type { ReportsBackend } from './reports.backend';
import { ReportRequestError, type RawVariables } from './report-variables';
import { reportIndex, reportsPage } from './reports.page';

const FILE = /^([a-z0-9-]+)\.([a-z0-9]+)$/;

/**
 * `GET /reports`: the index, as JSON (API clients) or an HTML page with every chart and table (browsers).
 * `GET /reports/<name>.<csv|json|md|svg>?var=value…`: one report in one format, as a download (SVG inline).
 * A request that cannot run (unknown report, variable or format; a bad value) is a 4xx with one line of text
 * naming the valid choices.
 */
export function reportsRouter(backend: () => ReportsBackend | null): Router {
  const router = express.Router();

  router.get('/', async (req, res) => {
    const reports = ready(res, backend);
    if (!reports) return;
    if (req.accepts(['application/json', 'text/html']) === 'text/html') {
      try {
        res.type('html').send(await reportsPage(reports, reports.executorFor(res)));
      } catch (error) {
        sendFailure(req, res, error);
      }
    } else {
      res.json(reportIndex(reports.catalog));
    }
  });

  router.get('/:file', async (req: Request<{ file: string }>, res) => {
    const reports = ready(res, backend);
    if (!reports) return;
    try {
      const match = FILE.exec(req.params.file);
      if (!match) {
        const name = req.params.file;
        reports.catalog.get(name); // an unknown name is a 404 listing the reports
        throw new ReportRequestError(
          `Add a format to the report's name: /reports/${name}.<${FORMATS.join('|')}>.`,
          404,
        );
      }
      const [, name = '', extension = ''] = match;
      reports.catalog.get(name);
      const format = reports.catalog.format(extension);
      const result = await reports.catalog.run(name, req.query as RawVariables, reports.executorFor(res));
      const rendered = await reports.catalog.render(result, format);
      res
        .status(200)
        .type(rendered.contentType)
        .setHeader(
          'Content-Disposition',
          `${format === 'svg' ? 'inline' : 'attachment'}; filename="${rendered.fileName}"`,
        )
        .send(rendered.body);
    } catch (error) {
      sendFailure(req, res, error);
    }
  });

  return router;
}

/** A 4xx for requests that cannot run; anything else is logged with the request id and masked (as formatError does). */
function sendFailure(req: Request, res: Response, error: unknown): void {
  if (error instanceof ReportRequestError) {
    res.status(error.status).type('text/plain').send(`${error.message}\n`);
    return;
  }
  req.log.error({ err: error }, 'report failed');
  const id = String(res.getHeader('x-request-id') ?? 'unknown');
  res.status(500).type('text/plain').send(`Internal error while building the report (request id ${id}).\n`);
}

function ready(res: Response, backend: () => ReportsBackend | null): ReportsBackend | null {
  const reports = backend();
  if (!reports)
    res.status(503).type('text/plain').send('The server is starting; try again in a few seconds.\n');
  return reports;
}
